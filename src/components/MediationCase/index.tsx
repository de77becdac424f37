import { Text, View } from '@tarojs/components'
import { useMediationCase } from '../../hooks/useMediationCase'
import { findAction, medActionTone } from '../../utils/mediation/moves'
import { isOpen } from '../../utils/mediation/status'
import { mediationProgress } from '../../utils/progress'
import ActBar from '../ActBar'
import LoadState from '../LoadState'
import MediationActSheet from '../MediationActSheet'
import MediationThread from '../MediationThread'
import ProgressSteps from '../ProgressSteps'
import Timeline from '../Timeline'
import AgreementCard from './AgreementCard'
import { CaseFacts, CaseHead } from './CaseHead'
import HandoffCards from './HandoffCards'
import InvitesCard from './InvitesCard'
import SourceCard from './SourceCard'
import LevelCard from './LevelCard'
import MediationHelpers, { HELPER_MOVES } from '../MediationHelpers'
import { ApplicationCard, MyRatingCard, PartiesCard, ReferralCard, SessionsCard } from './Sections'
import { a11y } from '../../utils/a11y'
import '../MediationKit/kit.css'
import './index.css'

export { AGREEMENT_URL } from './AgreementCard'

/**
 * One mediation case, for a party (pages/mediation/detail) or for the mediator and the centre
 * (pages/mediation-staff/case): the same facts, and exactly the moves the server lists for the viewer.
 */
export default function MediationCase({ audience }: { audience: 'party' | 'staff' }) {
  const m = useMediationCase()
  const { data, error, justApplied, notice, busy } = m

  if (!data) return <LoadState error={error?.message ?? ''} errorId='jf-med-error' onRetry={() => void m.load()} retryable={error?.retryable === true} />

  const c = data.case
  const staff = audience === 'staff'
  const barActions = data.actions.filter((a) => a.action !== 'confirm_agreement' && a.action !== 'confirm_judicial' && !HELPER_MOVES.includes(a.action))
  const invites = <InvitesCard c={c} prominent={justApplied} />

  return (
    <View
      className={`jf-page jf-phone-column jf-med-case jf-med-case-${audience}`}
      id={staff ? 'jf-medc-case' : 'jf-med-detail'}
      data-case-id={c.id}
      data-status={c.status}
      data-version={c.version}
      data-my-role={c.myRole ?? ''}
    >
      {justApplied && c.invites.length > 0 && (
        <View className='jf-med-banner' id='jf-med-created'>
          <Text>调解申请已提交。请把下方邀请码转发给对方当事人，对方加入并同意后即可开始调解。</Text>
        </View>
      )}
      {notice && (
        <View className={`jf-med-banner is-${notice.tone}`} id='jf-med-notice'>
          <Text>{notice.text}</Text>
        </View>
      )}
      <CaseHead c={c} />
      <ProgressSteps progress={mediationProgress(c.status, data.timeline, c.createdAt)} />
      {justApplied && invites}
      <CaseFacts c={c} />
      <SourceCard c={c} audience={audience} />
      <LevelCard c={c} />
      <AgreementCard c={c} confirmAct={findAction(data.actions, 'confirm_agreement')} busy={busy === 'confirm_agreement'} onConfirm={m.confirmAgreement} />
      <ReferralCard c={c} />
      <HandoffCards c={c} confirmAct={findAction(data.actions, 'confirm_judicial')} busy={busy === 'confirm_judicial'} onConfirm={m.tap} />
      <MyRatingCard c={c} />
      {!justApplied && invites}
      <SessionsCard c={c} onVideoChange={() => void m.load()} />
      <PartiesCard c={c} />
      <MediationHelpers c={c} actions={data.actions} busy={busy} send={m.send} />
      <ApplicationCard c={c} />
      {c.status !== 'applied' && c.status !== 'rejected' && (
        <MediationThread
          caseId={c.id}
          active={m.visible}
          canWrite={isOpen(c.status)}
          hint={threadHint(staff, c.helpers.length > 0)}
        />
      )}
      <View className='jf-card'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>{staff ? '办理记录' : '调解进度'}</Text>
        <Timeline events={data.timeline} />
      </View>
      {(barActions.length > 0 || staff) && (
        <ActBar
          actions={barActions}
          busy={busy}
          tone={(a) => medActionTone(a.action)}
          label={(a) => a.label}
          onTap={m.tap}
          ids={{ bar: 'jf-med-act-bar', none: 'jf-med-act-none' }}
          buttonClass='jf-med-act'
        />
      )}
      <MediationActSheet c={c} action={m.sheet} onClose={m.closeSheet} onSubmit={(input) => m.send(input, m.sheet?.label ?? '')} />
    </View>
  )
}

/** Who reads the thread: the invited helpers too, once there are any. */
function threadHint(staff: boolean, helpers: boolean): string {
  if (staff) return helpers ? '您发出的消息各方当事人和协助调解人都能看到' : '您发出的消息各方当事人都能看到'
  return helpers ? '调解员、协助调解人和各方当事人都能看到这里的消息' : '调解员和各方当事人都能看到这里的消息'
}
