import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import TextBox, { editing } from '../../../components/TextBox'
import { formatFull } from '../../../core/time'
import { useJoinMediation, type InviteSummary } from './useJoinMediation'
import '../../../components/MediationKit/kit.css'
import './index.css'

/** The application as the invited party may see it before joining: who, what about, where and when. */
function SummaryCard({ summary, looked, joining, onJoin }: { summary: InviteSummary; looked: string; joining: boolean; onJoin: () => void }) {
  const lines = [
    { key: '纠纷类型', value: summary.disputeTypeLabel, id: 'jf-med-invite-type' },
    { key: '申请人', value: summary.applicantName },
    { key: '受理街道', value: summary.streetName },
    { key: '申请时间', value: formatFull(summary.createdAt) },
  ]
  return (
    <View className='jf-card jf-medj-summary' id='jf-med-invite-summary' data-invite={looked}>
      <View className='jf-medj-summary-head jf-row-between'>
        <Text className='jf-medj-title'>{summary.applicantName} 邀请您参加调解</Text>
        <Text className='jf-medj-status'>{summary.statusLabel}</Text>
      </View>
      <View className='jf-medj-facts'>
        {lines.map((l) => (
          <View key={l.key} className='jf-medj-line jf-row-between'>
            <Text className='jf-medj-key'>{l.key}</Text>
            <Text className='jf-medj-val' id={l.id}>
              {l.value}
            </Text>
          </View>
        ))}
      </View>
      <Text className='jf-medj-sub'>事实经过</Text>
      <Text className='jf-medj-para jf-prose' id='jf-med-invite-facts'>
        {summary.facts}
      </Text>
      <Text className='jf-medj-sub'>申请人的请求</Text>
      <Text className='jf-medj-para jf-prose' id='jf-med-invite-claims'>
        {summary.claims}
      </Text>
      <Text className='jf-medj-note'>人民调解遵循自愿原则，不收取费用。加入后您可以查看调解进展、与调解员沟通，并选择是否同意调解。</Text>
      <View className='jf-medj-action'>
        <Button id='jf-med-join' type='primary' block size='large' loading={joining} onClick={onJoin}>
          加入调解
        </Button>
      </View>
    </View>
  )
}

/** The other party's way in: an invitation code shows the application summary; 加入调解 makes them a party. */
export default function JoinMediation() {
  const { code, setCode, looked, summary, error, setError, looking, joining, lookup, join } = useJoinMediation()
  return (
    <View className='jf-page jf-medj' id='jf-med-join-page'>
      <View className='jf-card jf-medj-card'>
        <Text className='jf-section-title'>输入邀请码</Text>
        <Text className='jf-muted jf-medj-help'>邀请码由申请调解的一方发给您，也可以请调解员告知</Text>
        <View className='jf-medj-row jf-row'>
          <TextBox id='jf-med-invite' className='jf-medj-input' value={code} onChange={editing(setCode, error, setError)} placeholder='请输入邀请码' maxLength={40} />
          <Button id='jf-med-invite-lookup' type='primary' loading={looking} onClick={() => void lookup(code)}>
            查看
          </Button>
        </View>
        <FieldError field='invite' message={error} />
      </View>
      {summary && <SummaryCard summary={summary} looked={looked} joining={joining} onJoin={() => void join()} />}
    </View>
  )
}
