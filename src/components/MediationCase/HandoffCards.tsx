import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActionView, MediationView } from '../../contracts/api'
import type { HandoffAnswerView } from '../../contracts/mediationHandoff'
import { formatDay, formatFull } from '../../core/time'
import { a11y } from '../../utils/a11y'

export const JUDICIAL_URL = '/pages/mediation/judicial/index'
export const LETTER_URL = '/pages/mediation/referral/index'

const open = (url: string, id: string) => void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(id)}` })

/** The last day of a window that ends at `deadline` (the next midnight in Shanghai). */
const lastDay = (deadline: string) => formatDay(Date.parse(deadline) - 1)

function Answers({ answers, id }: { answers: HandoffAnswerView[]; id: string }) {
  if (!answers.length) return null
  return (
    <View className='jf-med-confirms jf-col' id={id}>
      {answers.map((x, i) => (
        <View key={i} className='jf-med-handoff-answer jf-col' data-status={x.status}>
          <View className='jf-row-between'>
            <Text>{x.label}</Text>
            <Text className='jf-muted'>{formatFull(x.at)}</Text>
          </View>
          {x.note && <Text className='jf-muted jf-prose'>{x.note}</Text>}
          <Text className='jf-muted'>登记人：{x.byName}</Text>
        </View>
      ))}
    </View>
  )
}

interface Props {
  c: MediationView
  /** The server's 确认共同申请 move for this viewer, if it lists one. */
  confirmAct: ActionView | undefined
  busy: boolean
  onConfirm: (a: ActionView) => void
}

/** 司法确认: the joint application, who confirmed it within the 30 days, the court's answers and the 申请书. */
function JudicialCard({ c, confirmAct, busy, onConfirm }: Props) {
  const j = c.judicial
  if (!j) return null
  return (
    <View className='jf-card jf-med-handoff' id='jf-med-judicial' data-status={j.status}>
      <View className='jf-med-card-head jf-row-between'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>司法确认</Text>
        <Text className='jf-med-card-head-extra' id='jf-med-judicial-status'>
          {j.statusLabel}
        </Text>
      </View>
      <View className='jf-med-body jf-col'>
        <Text className='jf-med-para'>受理法院：{j.court}</Text>
        {j.status === 'drafting' && (
          <Text className={`jf-med-para ${j.late ? 'jf-med-late' : ''}`} id='jf-med-judicial-deadline'>
            {j.late ? '已超过30日申请期限（人民调解法第三十三条），不能再在线共同申请' : `请各方当事人于${lastDay(j.deadline)}前确认共同申请（协议生效之日起30日内）`}
          </Text>
        )}
        {j.appliedAt && <Text className='jf-muted'>提交申请：{formatFull(j.appliedAt)}</Text>}
        <View className='jf-med-confirms jf-col' id='jf-med-judicial-confirmations'>
          <Text className='jf-med-sub'>当事人确认</Text>
          {j.confirmations.map((x, i) => (
            <View key={i} className='jf-med-confirmation jf-row-between' data-name={x.name}>
              <Text>
                ✓ {x.sideLabel} {x.name}
              </Text>
              <Text className='jf-muted'>{formatFull(x.at)}</Text>
            </View>
          ))}
          {!j.confirmations.length && <Text className='jf-muted'>尚无当事人确认</Text>}
          {j.pending.length > 0 && <Text className='jf-muted'>待确认：{j.pending.join('、')}</Text>}
        </View>
        {j.confirmedByMe && j.status === 'drafting' && (
          <Text className='jf-med-confirmed-me' id='jf-med-judicial-confirmed-me'>
            您已确认共同申请，等待其他当事人确认
          </Text>
        )}
        <Answers answers={j.answers} id='jf-med-judicial-answers' />
      </View>
      {confirmAct && (
        <View className='jf-med-card-action'>
          <Button id='jf-med-confirm-judicial' className='jf-med-act' data-action='confirm_judicial' type='primary' block loading={busy} onClick={() => onConfirm(confirmAct)}>
            {confirmAct.label}
          </Button>
        </View>
      )}
      <View className='jf-med-print-link' id='jf-med-judicial-print' {...a11y('link', { label: '查看 / 打印司法确认申请书' })} onClick={() => open(JUDICIAL_URL, c.id)}>
        <Text>查看 / 打印司法确认申请书 ›</Text>
      </View>
    </View>
  )
}

/** 移送函: where a failed case was handed, the letter's number and what the receiver answered. */
function LetterCard({ c }: { c: MediationView }) {
  const l = c.referral?.letter
  if (!l) return null
  return (
    <View className='jf-card jf-med-handoff' id='jf-med-letter' data-answer={l.answers[l.answers.length - 1]?.status ?? ''}>
      <View className='jf-med-card-head jf-row-between'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>移送函</Text>
        <Text className='jf-med-card-head-extra' id='jf-med-letter-answer'>
          {l.answerLabel}
        </Text>
      </View>
      <View className='jf-med-body jf-col'>
        <Text className='jf-med-para' id='jf-med-letter-number'>
          编号：{l.number}
        </Text>
        <Text className='jf-med-para'>接收单位：{l.receiver}</Text>
        <Text className='jf-muted'>移送日期：{formatDay(l.issuedAt)}</Text>
        <Answers answers={l.answers} id='jf-med-letter-answers' />
      </View>
      <View className='jf-med-print-link' id='jf-med-letter-print' {...a11y('link', { label: '查看 / 打印移送函' })} onClick={() => open(LETTER_URL, c.id)}>
        <Text>查看 / 打印移送函 ›</Text>
      </View>
    </View>
  )
}

/** The case's hand-offs to a court, the police or a petition office (issue 18), each with its paper. */
export default function HandoffCards(props: Props) {
  return (
    <>
      <JudicialCard {...props} />
      <LetterCard c={props.c} />
    </>
  )
}
