import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import CaseNumber from '../../../components/CaseNumber'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import Chips from '../../../components/MediationKit/Chips'
import PhotoPicker from '../../../components/PhotoPicker'
import TextBox from '../../../components/TextBox'
import { CLAIMS_MAX, FACTS_MAX } from '../../../utils/mediation/intake'
import { MAX_EVIDENCE } from '../../../utils/mediation/apply'
import IntakeDone from './IntakeDone'
import PartiesFields from './PartiesFields'
import { useIntake } from './useIntake'
import '../../../components/MediationKit/kit.css'
import './index.css'

const WAYS = [
  { code: 'in_person', label: '到调解室面对面' },
  { code: 'online', label: '线上调解' },
] as const

/**
 * 录入纠纷 (三捕三捉): a mediator, grid worker or dispatcher enters a dispute found on patrol, from a 12345
 * ticket, a police call-out or a public-opinion lead; with `?report=`, 转为调解 of a 网格事件. The parties
 * are invited by their own codes, shown when it is done.
 */
export default function MediationIntake() {
  const s = useIntake()
  const { mode, draft, options, report, errors, formError, submitting, set } = s
  if (s.done) return <IntakeDone done={s.done} mode={mode} />
  if (!options || (mode === 'report' && !report)) return <LoadState error={s.loadError} errorId='jf-intake-error' loadingId='jf-intake-loading' onRetry={() => void s.load()} retryable={s.retryable} />
  const places = options.places.map((p) => ({ code: p.code, label: p.name }))
  const refLabel = options.sources.find((x) => x.code === draft.source)?.refLabel ?? null

  return (
    <View className='jf-page jf-intake' id='jf-intake' data-mode={mode}>
      <View className='jf-intake-intro jf-col'>
        <Text className='jf-intake-intro-title'>{mode === 'report' ? '网格事件转人民调解' : '录入矛盾纠纷'}</Text>
        <Text className='jf-intake-intro-text'>
          {mode === 'report'
            ? '报事人为申请人，请先征得其同意。提交后由街道调解中心受理并指派调解员，各方凭邀请码加入；本事项办结为「已转调解」。'
            : '排查发现、12345 工单、警情、舆情线索中的矛盾纠纷，录入后由调解委员会调解。没有人在线申请：每位当事人凭自己的邀请码加入并表态。'}
        </Text>
      </View>

      {mode === 'report' && report ? (
        <View className='jf-card jf-col' id='jf-intake-report'>
          <Text className='jf-section-title'>来源事项</Text>
          <CaseNumber value={report.number} label='网格事件' id='jf-intake-report-number' />
          <Text className='jf-muted'>
            {report.categoryName} · {report.gridName}
          </Text>
        </View>
      ) : (
        <View className='jf-card'>
          <Text className='jf-section-title jf-required'>纠纷来源</Text>
          <Chips id='jf-intake-sources' className='jf-intake-chips' chipClass='jf-intake-source-chip' items={options.sources} value={draft.source} onPick={(v) => set('source', v)} />
          <FieldError field='source' message={errors.source} />
          {refLabel && (
            <TextBox
              id='jf-intake-ref'
              className='jf-intake-input'
              label={refLabel}
              required
              value={draft.sourceRef}
              onChange={(v) => set('sourceRef', v)}
              placeholder={`请填写${refLabel}`}
              maxLength={40}
              field='sourceRef'
              error={errors.sourceRef}
            />
          )}
          <Text className='jf-section-title jf-required'>发生地（网格或社区）</Text>
          <Chips id='jf-intake-places' className='jf-intake-chips' chipClass='jf-intake-place-chip' items={places} value={draft.placeCode} onPick={(v) => set('placeCode', v)} />
          <FieldError field='placeCode' message={errors.placeCode} />
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>纠纷类型</Text>
        <Chips id='jf-intake-types' className='jf-intake-chips' chipClass='jf-med-type-chip' items={options.disputeTypes} value={draft.disputeType} onPick={(v) => set('disputeType', v)} />
        <FieldError field='disputeType' message={errors.disputeType} />
      </View>

      <PartiesFields s={s} />

      <View className='jf-card'>
        <TextBox id='jf-intake-facts' label='事实经过' required rows={5} value={draft.facts} onChange={(v) => set('facts', v)} placeholder='纠纷发生的时间、地点、经过和目前的情况（至少 10 个字）' maxLength={FACTS_MAX} field='facts' error={errors.facts} />
        <TextBox id='jf-intake-claims' label='调解事项' required rows={3} value={draft.claims} onChange={(v) => set('claims', v)} placeholder='需要调解解决的问题，如：停止深夜施工、赔偿维修费（至少 5 个字）' maxLength={CLAIMS_MAX} field='claims' error={errors.claims} />
        {mode === 'intake' && (
          <>
            <Text className='jf-section-title'>
              证据材料 <Text className='jf-muted'>（选填，现场照片、工单截图，最多 {MAX_EVIDENCE} 张）</Text>
            </Text>
            <PhotoPicker photos={s.photos} max={MAX_EVIDENCE} onAdd={s.add} onRemove={s.remove} onRetry={s.retry} />
            <FieldError field='evidence' message={errors.evidence} />
          </>
        )}
        {mode === 'report' && (
          <TextBox id='jf-intake-consent' label='报事人同意调解的情况' required value={draft.consentNote} onChange={(v) => set('consentNote', v)} placeholder='如：已电话征得报事人同意' maxLength={200} field='consentNote' error={errors.consentNote} />
        )}
        <Text className='jf-section-title'>调解方式</Text>
        <Chips id='jf-intake-way' className='jf-intake-chips' chipClass='jf-intake-way-chip' items={WAYS} value={draft.preferredWay} onPick={(v) => set('preferredWay', v)} />
      </View>

      {formError && (
        <View className='jf-med-banner is-error' id='jf-intake-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-intake-submit-row jf-col'>
        <Button id='jf-intake-submit' type='primary' block size='large' loading={submitting} onClick={() => void s.submit()}>
          {submitting ? '正在提交…' : mode === 'report' ? '转为调解' : '录入并生成邀请码'}
        </Button>
        <Text className='jf-muted jf-intake-note'>当事人的姓名和电话加密保存，只有调解员和街道调解中心能看到完整号码。</Text>
      </View>
    </View>
  )
}
