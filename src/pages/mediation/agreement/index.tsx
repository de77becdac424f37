import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import LoadState from '../../../components/LoadState'
import { formatFull } from '../../../core/time'
import { NO_TERMS_YET } from '../../../core/kinds/agreementTerms'
import { agreementDocumentOf } from '../../../utils/mediation/agreement'
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
  const { c, error, retryable, load } = useAgreementCase()
  if (!c) return <LoadState error={error} errorId='jf-agr-error' onRetry={() => void load()} retryable={retryable} />
  // Before the mediator drafts, the paper is a preview: the parties by name and the facts, no terms yet.
  const a = c.agreement
  const lastConfirm = a?.confirmations.map((x) => x.at).sort().pop()
  const effective = c.status === 'succeeded'
  // The one wording of the 协议书 (core/kinds/agreementTerms.ts), laid out as paper.
  const doc = agreementDocumentOf(c, a?.terms ?? [], { number: a?.number ?? null, dateText: a ? dateOf(lastConfirm ?? a.draftedAt) : null })

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
        <Text className='jf-agr-title'>{doc.title}</Text>
        {doc.number && (
          <Text className='jf-agr-no' id='jf-agr-no'>
            编号：{doc.number}
          </Text>
        )}

        <Section id='jf-agr-parties'>
          {doc.parties.map((line, i) => (
            <Text key={i} className='jf-agr-party' data-side={c.parties[i]?.side}>
              {line}
              {c.parties[i]?.phone ? `　联系电话：${c.parties[i]!.phone}` : ''}
            </Text>
          ))}
        </Section>
        <Section title={doc.disputeType.heading}>
          <Text className='jf-agr-p jf-prose'>{doc.disputeType.text}</Text>
        </Section>
        <Section title={doc.facts.heading}>
          <Text className='jf-agr-p jf-prose' id='jf-agr-facts'>
            {doc.facts.text}
          </Text>
        </Section>
        <Section title={doc.agreed.heading}>
          <Text className='jf-agr-p jf-prose'>{doc.agreed.preamble}</Text>
          <View id='jf-agr-terms'>
            {doc.agreed.terms.length ? (
              doc.agreed.terms.map((t, i) => (
                <Text key={i} className='jf-agr-term jf-prose'>
                  {t}
                </Text>
              ))
            ) : (
              <Text className='jf-agr-p jf-prose' id='jf-agr-none'>
                {NO_TERMS_YET}
              </Text>
            )}
          </View>
        </Section>
        {doc.performance.terms.length > 0 && (
          <Section title={doc.performance.heading} id='jf-agr-performance'>
            {doc.performance.terms.map((t, i) => (
              <Text key={i} className='jf-agr-p jf-prose'>
                {t}
              </Text>
            ))}
          </Section>
        )}
        <Section>
          <Text className='jf-agr-p jf-prose'>{doc.binding}</Text>
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
          <Text>{doc.committee}（印章）</Text>
          {doc.date && <Text id='jf-agr-date'>{doc.date}</Text>}
        </View>
      </View>
    </View>
  )
}
