import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import LoadState from '../../../components/LoadState'
import { judicialApplicationDocument } from '../../../core/kinds/handoffTerms'
import { formatDay, formatFull } from '../../../core/time'
import { useAgreementCase } from '../agreement/useAgreementCase'
import '../agreement/index.css'

/**
 * The 司法确认申请书 laid out as the paper the parties file with the court (人民调解法第三十三条): the
 * applicants, the request naming the agreement, the court, each party's confirmation in the app and the date.
 */
export default function JudicialPrint() {
  const { c, error, retryable, load } = useAgreementCase('司法确认申请书')
  if (!c) return <LoadState error={error} errorId='jf-jud-error' onRetry={() => void load()} retryable={retryable} />
  const j = c.judicial
  if (!j) return <LoadState error='该调解案件尚未拟写司法确认申请书' errorId='jf-jud-error' retryable={false} onRetry={() => void load()} />
  const filed = j.status !== 'drafting'
  const doc = judicialApplicationDocument({
    court: j.court,
    applicants: j.applicants,
    disputeTypeLabel: c.disputeTypeLabel,
    committeeName: c.committee?.name ?? '人民调解委员会',
    agreementNumber: c.agreement?.number ?? null,
    effectiveDay: formatDay(j.effectiveAt),
    dateText: formatDay(j.appliedAt ?? new Date()),
  })
  const confirmedAt = new Map(j.confirmations.map((x) => [`${x.sideLabel}${x.name}`, x.at]))

  return (
    <View className='jf-agr-page' id='jf-judicial' data-case-id={c.id} data-status={j.status}>
      {process.env.TARO_ENV === 'h5' && (
        <View className='jf-agr-toolbar jf-row-between jf-print-hide'>
          <Text className='jf-muted'>{filed ? `${j.statusLabel}，可打印后交人民法院` : j.late ? '已超过30日申请期限' : '各方当事人确认后即提交申请'}</Text>
          <Button id='jf-jud-print-btn' type='primary' size='small' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
      <View className='jf-agr-paper jf-col'>
        {!filed && <Text className='jf-agr-draft'>待确认</Text>}
        <Text className='jf-agr-title'>{doc.title}</Text>
        <View className='jf-agr-section jf-col' id='jf-jud-applicants'>
          {doc.applicants.map((line, i) => (
            <Text key={i} className='jf-agr-party'>
              {line}
            </Text>
          ))}
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-h'>{doc.request.heading}</Text>
          <Text className='jf-agr-p jf-prose' id='jf-jud-request'>
            {doc.request.text}
          </Text>
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-h'>{doc.reasons.heading}</Text>
          <Text className='jf-agr-p jf-prose'>{doc.reasons.text}</Text>
        </View>
        <View className='jf-agr-section jf-col' id='jf-jud-court'>
          {doc.addressee.map((line, i) => (
            <Text key={i} className={i === 0 ? 'jf-agr-p' : 'jf-agr-party'}>
              {line}
            </Text>
          ))}
        </View>
        <View className='jf-agr-section jf-col' id='jf-jud-signatures'>
          <Text className='jf-agr-h'>申请人（签名）</Text>
          {j.applicants.map((x, i) => {
            const at = confirmedAt.get(`${x.sideLabel}${x.name}`)
            return (
              <View key={i} className='jf-agr-sign' data-confirmed={at ? '1' : '0'}>
                <Text>
                  {x.sideLabel}：{x.name}
                  {at ? '（已在线确认）' : '（待确认）'}
                </Text>
                <Text>{at ? formatFull(at) : ''}</Text>
              </View>
            )
          })}
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-p'>附：{c.agreement?.number ? `${c.agreement.number}人民调解协议书` : '人民调解协议书'}</Text>
        </View>
        <View className='jf-agr-foot jf-col'>
          <Text id='jf-jud-date'>{doc.date}</Text>
        </View>
      </View>
    </View>
  )
}
