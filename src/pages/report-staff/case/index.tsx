import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import ActBar from '../../../components/ActBar'
import CaseHead from '../../../components/CaseHead'
import VoicePlayer from '../../../components/VoicePlayer'
import LoadState from '../../../components/LoadState'
import ProgressSteps from '../../../components/ProgressSteps'
import StaffActSheet from '../../../components/StaffActSheet'
import { actionTone } from '../../../components/StaffKit/logic'
import StaffSla from '../../../components/StaffSla'
import Timeline from '../../../components/Timeline'
import { formatFull } from '../../../core/time'
import { reportProgress } from '../../../utils/progress'
import CaseFacts from './CaseFacts'
import ReporterCard from './ReporterCard'
import MediationCard, { TO_MEDIATION } from './MediationCard'
import { useStaffCase } from './useStaffCase'
import './index.css'

/** The 综治中心 desk frame, H5 only (the require is a dead branch in the mini-program, which has no desk). */
const desk: typeof import('../../../components/StaffConsoleHeader') | null = process.env.TARO_ENV === 'h5' ? require('../../../components/StaffConsoleHeader') : null

/** Opened from a desk list (`from=console` or `from=moderation`): shown in the desk frame with the way back to that list. */
export default function StaffCasePage() {
  const { params } = useRouter()
  return desk && desk.isDeskList(params.from) ? (
    <desk.ConsoleCaseDesk from={params.from}>
      <StaffCase />
    </desk.ConsoleCaseDesk>
  ) : (
    <StaffCase />
  )
}

/** A handler's view of one case: everything needed to act, and exactly the moves the server allows now. */
function StaffCase() {
  const s = useStaffCase()
  if (!s.data) return <LoadState error={s.error} errorId='jf-case-error' loadingId='jf-case-error' onRetry={() => void s.load()} retryable={s.retryable} />

  const c = s.data.case
  return (
    <View className='jf-page jf-phone-column jf-staff-case' id='jf-staff-case' data-case-id={c.id} data-status={c.status} data-version={c.version}>
      <CaseHead className='jf-staff-head' c={c} description={c.description || '（居民用语音描述，请收听）'} waiting='staff'>
        {c.voiceUrl && <VoicePlayer url={c.voiceUrl} id='jf-case-voice' label='居民的语音描述' />}
        <View className='jf-staff-head-foot'>
          <StaffSla deadline={c.slaDeadline} status={c.status} overdue={c.overdue} />
          <Text className='jf-muted'>上报于 {formatFull(c.createdAt)}</Text>
        </View>
      </CaseHead>

      <ProgressSteps progress={reportProgress(c.status, s.data.timeline, c.createdAt)} />

      <View className='jf-card'>
        <CaseFacts c={c} />
      </View>

      <ReporterCard reporter={c.reporter} source={c.source} />

      <MediationCard c={c} actions={s.data.actions} />

      <View className='jf-card'>
        <Text className='jf-section-title'>办理过程</Text>
        <Timeline events={s.data.timeline} marks />
      </View>

      {s.actError && (
        <View className='jf-case-notice is-danger jf-staff-act-error' id='jf-case-act-error'>
          <Text>{s.actError}</Text>
        </View>
      )}

      <ActBar
        actions={s.data.actions.filter((a) => a.action !== TO_MEDIATION)}
        busy={s.busy}
        tone={(a) => actionTone(a.action)}
        label={s.label}
        onTap={(a) => void s.tap(a)}
        ids={{ bar: 'jf-act-bar', none: 'jf-act-none' }}
      />

      <StaffActSheet
        caseRef={{ id: c.id, version: c.version }}
        action={s.sheet}
        label={s.sheetLabel}
        onClose={s.closeSheet}
        onSubmit={s.submitSheet}
      />
    </View>
  )
}
