import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActionView, MediationView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { unconfirmedParties } from '../../utils/mediation/status'
import { a11y } from '../../utils/a11y'

export const AGREEMENT_URL = '/pages/mediation/agreement/index'

interface Props {
  c: MediationView
  /** The server's 确认协议 move for this viewer, if it lists one. */
  confirmAct: ActionView | undefined
  busy: boolean
  onConfirm: (a: ActionView) => void
}

/** The drafted 调解协议: its text, who has confirmed it, the viewer's own confirmation and the print link. */
export default function AgreementCard({ c, confirmAct, busy, onConfirm }: Props) {
  const agreement = c.agreement
  if (!agreement) return null
  const pending = unconfirmedParties(c)
  return (
    <View className={`jf-card jf-med-agreement ${c.status === 'agreement_pending' ? 'is-pending' : ''}`} id='jf-med-agreement' data-version={agreement.version}>
      <View className='jf-med-card-head jf-row-between'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>调解协议</Text>
        <Text className='jf-muted jf-med-card-head-extra'>
          第 {agreement.version} 版 · {formatFull(agreement.draftedAt)}
        </Text>
      </View>
      {/* The 协议书 as stored when drafted (core/kinds/agreementTerms.ts: the preview and the print page say the same); its terms are in it. */}
      <Text className='jf-med-agreement-text jf-prose' id='jf-med-agreement-text' data-terms={agreement.terms.length}>
        {agreement.text}
      </Text>
      <View className='jf-med-confirms jf-col' id='jf-med-confirmations'>
        <Text className='jf-med-sub'>当事人确认</Text>
        {agreement.confirmations.map((x, i) => (
          <View key={i} className='jf-med-confirmation jf-row-between' data-name={x.name}>
            <Text>
              ✓ {x.sideLabel} {x.name}
            </Text>
            <Text className='jf-muted'>{formatFull(x.at)}</Text>
          </View>
        ))}
        {!agreement.confirmations.length && <Text className='jf-muted'>尚无当事人确认</Text>}
        {pending.length > 0 && c.status === 'agreement_pending' && <Text className='jf-muted jf-med-pending'>待确认：{pending.join('、')}</Text>}
      </View>
      {agreement.confirmedByMe && (
        <Text className='jf-med-confirmed-me' id='jf-med-confirmed-me'>
          您已确认本版协议
        </Text>
      )}
      {confirmAct && (
        <View className='jf-med-card-action'>
          <Button id='jf-med-confirm-agreement' className='jf-med-act' data-action='confirm_agreement' type='primary' block loading={busy} onClick={() => onConfirm(confirmAct)}>
            {confirmAct.label || '确认协议'}
          </Button>
        </View>
      )}
      {c.status === 'succeeded' && (
        <View className='jf-med-print-link' id='jf-med-print' {...a11y('link', { label: '打印协议 / 查看人民调解协议书' })} onClick={() => void Taro.navigateTo({ url: `${AGREEMENT_URL}?id=${encodeURIComponent(c.id)}` })}>
          <Text>打印协议 / 查看人民调解协议书 ›</Text>
        </View>
      )}
    </View>
  )
}
