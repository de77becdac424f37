import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import TextBox, { editing } from '../../../components/TextBox'
import { formatFull } from '../../../core/time'
import { MEDIATION_NOTE_MAX } from '../../../contracts/limits'
import { NAME_MAX } from '../../../utils/mediation/apply'
import { useJoinMediation, type JoinState } from './useJoinMediation'
import { a11y } from '../../../utils/a11y'
import '../../../components/MediationKit/kit.css'
import './index.css'

/** The application as the invited party may see it before joining: who, what about, where and when. */
function SummaryCard({ s }: { s: JoinState }) {
  const summary = s.summary!
  // A dispute staff entered (排查发现, 12345 工单 …) has no applicant: the street's committee invites each party.
  const inviter = summary.applicantName ?? `${summary.streetName}调解中心`
  const lines = [
    { key: '纠纷类型', value: summary.disputeTypeLabel, id: 'jf-med-invite-type' },
    summary.applicantName ? { key: '申请人', value: summary.applicantName } : { key: '纠纷来源', value: summary.sourceLabel },
    { key: '受理街道', value: summary.streetName },
    { key: summary.applicantName ? '申请时间' : '登记时间', value: formatFull(summary.createdAt) },
  ]
  return (
    <View className='jf-card jf-medj-summary' id='jf-med-invite-summary' data-invite={s.looked}>
      <View className='jf-medj-summary-head jf-row-between'>
        <Text className='jf-medj-title'>{inviter} 邀请您参加调解</Text>
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
      <Text className='jf-medj-sub'>{summary.applicantName ? '申请人的请求' : '调解事项'}</Text>
      <Text className='jf-medj-para jf-prose' id='jf-med-invite-claims'>
        {summary.claims}
      </Text>
    </View>
  )
}

/** Who joins: the real name the 协议书 will print (as the applicant typed it, to confirm or correct) and the consent. */
function JoinCard({ s }: { s: JoinState }) {
  return (
    <View className='jf-card jf-medj-join' id='jf-med-join-form'>
      <TextBox
        id='jf-med-join-name'
        className='jf-medj-name'
        label='您的真实姓名'
        required
        value={s.name}
        onChange={s.editName}
        placeholder='调解协议书上写的姓名'
        maxLength={NAME_MAX}
        field='name'
        error={s.errors.name}
      />
      <Text className='jf-muted jf-medj-help'>已按申请人填写的姓名预先填好；如与您的真实姓名不符，请直接改正，调解记录会注明更正</Text>
      {s.refusing ? (
        <>
          <TextBox
            id='jf-med-join-reason'
            className='jf-medj-name'
            label='不同意调解的原因'
            required
            rows={3}
            value={s.reason}
            onChange={s.editReason}
            placeholder='申请人和调解组织可以看到，如：已通过物业解决'
            maxLength={MEDIATION_NOTE_MAX}
            field='reason'
            error={s.errors.reason}
          />
          <Text className='jf-muted jf-medj-help'>提交后本次调解结束，申请人可依法通过其他途径解决（如向人民法院起诉）。</Text>
          <View className='jf-medj-action jf-col'>
            <Button id='jf-med-refuse-submit' type='danger' block size='large' loading={s.joining} onClick={() => void s.join()}>
              确认不同意调解
            </Button>
            <Text className='jf-medj-switch' id='jf-med-join-agree' {...a11y('button')} onClick={() => s.chooseRefuse(false)}>
              返回，我同意调解
            </Text>
          </View>
        </>
      ) : (
        <>
          <CellGroup divider={false}>
            <Cell
              title='同意参加人民调解'
              description='人民调解遵循自愿原则，不收取费用。同意后，调解组织将为本次调解使用您的姓名和手机号；您可以查看调解进展、与调解员沟通。'
              extra={
                <View id='jf-med-join-consent'>
                  <Switch checked={s.consent} ariaLabel='同意参加人民调解' onChange={s.editConsent} />
                </View>
              }
            />
          </CellGroup>
          <FieldError field='consent' message={s.errors.consent} />
          <View className='jf-medj-action jf-col'>
            <Button id='jf-med-join' type='primary' block size='large' loading={s.joining} onClick={() => void s.join()}>
              同意并加入调解
            </Button>
            <Text className='jf-medj-switch' id='jf-med-join-refuse' {...a11y('button')} onClick={() => s.chooseRefuse(true)}>
              我不同意调解
            </Text>
          </View>
        </>
      )}
    </View>
  )
}

/** The other party's way in: an invitation code shows the application summary; 加入调解 makes them a party. */
export default function JoinMediation() {
  const s = useJoinMediation()
  const { code, setCode, error, setError, looking, lookup, needPhone, setPhone, summary } = s
  return (
    <View className='jf-page jf-medj' id='jf-med-join-page'>
      <View className='jf-card jf-medj-card'>
        <Text className='jf-section-title'>输入邀请码</Text>
        <Text className='jf-muted jf-medj-help'>邀请码由申请调解的一方发给您，也可以请调解员告知；邀请只对申请人为您填写的手机号开放</Text>
        <View className='jf-medj-row jf-row'>
          <TextBox id='jf-med-invite' className='jf-medj-input' value={code} onChange={editing(setCode, error, setError)} placeholder='请输入邀请码' maxLength={40} />
          <Button id='jf-med-invite-lookup' type='primary' loading={looking} onClick={() => void lookup(code)}>
            查看
          </Button>
        </View>
        <FieldError field='invite' message={error} />
        {needPhone && (
          <View className='jf-medj-phone' id='jf-med-set-phone' {...a11y('link', { label: '去「我的」设置手机号' })} onClick={setPhone}>
            <Text>去「我的」设置手机号 ›</Text>
          </View>
        )}
      </View>
      {summary && <SummaryCard s={s} />}
      {summary && <JoinCard s={s} />}
    </View>
  )
}
