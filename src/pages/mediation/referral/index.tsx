import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import LoadState from '../../../components/LoadState'
import { referralLetterDocument } from '../../../core/kinds/handoffTerms'
import { formatDay } from '../../../core/time'
import { useAgreementCase } from '../agreement/useAgreementCase'
import '../agreement/index.css'

/** The 移送函 a failed mediation sends with the dispute to a court, the police or a petition office. */
export default function ReferralPrint() {
  const { c, error, retryable, load } = useAgreementCase('移送函')
  if (!c) return <LoadState error={error} errorId='jf-letter-error' onRetry={() => void load()} retryable={retryable} />
  const l = c.referral?.letter
  if (!c.referral || !l) return <LoadState error='该调解案件没有移送函' errorId='jf-letter-error' retryable={false} onRetry={() => void load()} />
  const doc = referralLetterDocument({
    number: l.number,
    receiver: l.receiver,
    committeeName: c.committee?.name ?? '人民调解委员会',
    caseNumber: c.number,
    partyNames: c.parties.map((p) => p.name),
    disputeTypeLabel: c.disputeTypeLabel,
    facts: c.facts,
    note: c.referral.note,
    mediatorName: c.mediatorName,
    mediatorPhone: c.mediatorPhone,
    dateText: formatDay(l.issuedAt),
  })

  return (
    <View className='jf-agr-page' id='jf-letter' data-case-id={c.id} data-answer={l.answers[l.answers.length - 1]?.status ?? ''}>
      {process.env.TARO_ENV === 'h5' && (
        <View className='jf-agr-toolbar jf-row-between jf-print-hide'>
          <Text className='jf-muted'>接收单位答复：{l.answerLabel}</Text>
          <Button id='jf-letter-print-btn' type='primary' size='small' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
      <View className='jf-agr-paper jf-col'>
        <Text className='jf-agr-title'>{doc.title}</Text>
        <Text className='jf-agr-no' id='jf-letter-no'>
          {doc.number}
        </Text>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-party' id='jf-letter-receiver'>
            {doc.addressee}
          </Text>
          <Text className='jf-agr-p jf-prose' id='jf-letter-body'>
            {doc.body}
          </Text>
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-h'>{doc.summary.heading}</Text>
          <Text className='jf-agr-p jf-prose'>{doc.summary.text}</Text>
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-h'>{doc.mediation.heading}</Text>
          <Text className='jf-agr-p jf-prose'>{doc.mediation.text}</Text>
        </View>
        <View className='jf-agr-section jf-col'>
          <Text className='jf-agr-p jf-prose'>{doc.ask}</Text>
          {doc.contact && <Text className='jf-agr-p jf-prose'>{doc.contact}</Text>}
        </View>
        <View className='jf-agr-foot jf-col'>
          <Text>{doc.signature}</Text>
          <Text id='jf-letter-date'>{doc.date}</Text>
        </View>
      </View>
    </View>
  )
}
