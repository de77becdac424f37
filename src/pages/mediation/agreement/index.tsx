import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import LoadState from '../../../components/LoadState'
import { formatFull } from '../../../core/time'
import { agreementNumber, chineseNumber, performanceTerms } from '../../../utils/mediation/agreement'
import { useAgreementCase } from './useAgreementCase'
import './index.css'

const dateOf = (iso: string) => formatFull(iso).split(' ')[0]

/** One numbered part of the paper: its heading and what stands under it. */
function Section({ title, id, children }: { title?: string; id?: string; children: ReactNode }) {
  return (
    <View className='jf-agr-section jf-col' id={id}>
      {title && <Text className='jf-agr-h'>{title}</Text>}
      {children}
    </View>
  )
}

/** The 人民调解协议书 laid out as the paper document, for reading, saving and (in a browser) printing. */
export default function AgreementPrint() {
  const { c, error, load } = useAgreementCase()
  if (!c) return <LoadState error={error} errorId='jf-agr-error' onRetry={() => void load()} />
  // Before the mediator drafts, the paper is a preview: the parties by name and the facts, no terms yet.
  const a = c.agreement
  const perf = a ? performanceTerms(a.terms) : []
  const lastConfirm = a?.confirmations.map((x) => x.at).sort().pop()
  const effective = c.status === 'succeeded'

  return (
    <View className='jf-agr-page' id='jf-agreement' data-case-id={c.id} data-version={a?.version ?? 0} data-effective={effective ? '1' : '0'}>
      {process.env.TARO_ENV === 'h5' && (
        <View className='jf-agr-toolbar jf-row-between jf-print-hide'>
          <Text className='jf-muted'>{effective ? '协议已生效，可打印留存' : a ? '协议尚未经全部当事人确认' : '调解员尚未起草协议条款，以下为预览'}</Text>
          <Button id='jf-med-print-btn' type='primary' size='small' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}

      <View className='jf-agr-paper jf-col'>
        {!effective && <Text className='jf-agr-draft'>未生效</Text>}
        <Text className='jf-agr-title'>人民调解协议书</Text>
        <Text className='jf-agr-no' id='jf-agr-no'>
          编号：{agreementNumber(c.id, c.createdAt)}
        </Text>

        <Section id='jf-agr-parties'>
          {c.parties.map((p, i) => (
            <Text key={i} className='jf-agr-party' data-side={p.side}>
              {p.sideLabel}：{p.name}
              {p.phone ? `　联系电话：${p.phone}` : ''}
            </Text>
          ))}
        </Section>
        <Section title='纠纷类型'>
          <Text className='jf-agr-p jf-prose'>{c.disputeTypeLabel}</Text>
        </Section>
        <Section title='纠纷事实'>
          <Text className='jf-agr-p jf-prose' id='jf-agr-facts'>
            {c.facts}
          </Text>
        </Section>
        <Section title='协议内容'>
          <Text className='jf-agr-p jf-prose'>经{c.committee?.name ?? '人民调解委员会'}主持调解，各方当事人在平等自愿的基础上达成如下协议：</Text>
          <View id='jf-agr-terms'>
            {a ? (
              a.terms.map((t, i) => (
                <Text key={i} className='jf-agr-term jf-prose'>
                  {chineseNumber(i + 1)}、{t}
                </Text>
              ))
            ) : (
              <Text className='jf-agr-p jf-prose' id='jf-agr-none'>
                （调解员尚未起草协议条款）
              </Text>
            )}
          </View>
        </Section>
        {perf.length > 0 && (
          <Section title='履行方式、时限' id='jf-agr-performance'>
            {perf.map((t, i) => (
              <Text key={i} className='jf-agr-p jf-prose'>
                {t}
              </Text>
            ))}
          </Section>
        )}
        <Section>
          <Text className='jf-agr-p jf-prose'>
            本协议经各方当事人确认后生效，具有法律约束力，当事人应当按照约定履行。当事人可以自本协议生效之日起三十日内，共同向人民法院申请司法确认。
          </Text>
          {c.judicialConfirmation && <Text className='jf-agr-p jf-prose'>本协议已申请司法确认。</Text>}
        </Section>
        <Section title='当事人确认' id='jf-agr-confirmations'>
          {a?.confirmations.length ? (
            a.confirmations.map((x, i) => (
              <View key={i} className='jf-agr-sign' data-name={x.name}>
                <Text>
                  {x.sideLabel}：{x.name}（已在线确认）
                </Text>
                <Text>{formatFull(x.at)}</Text>
              </View>
            ))
          ) : (
            <Text className='jf-agr-p jf-prose'>尚无当事人确认</Text>
          )}
        </Section>

        <View className='jf-agr-foot jf-col'>
          <Text>调解员：{c.mediatorName ?? ''}</Text>
          <Text>调解组织：{c.committee?.name ?? ''}（印章）</Text>
          {a && <Text id='jf-agr-date'>{dateOf(lastConfirm ?? a.draftedAt)}</Text>}
        </View>
      </View>
    </View>
  )
}
