import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import ConsentSheet from '../../../components/ConsentSheet'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import Chips from '../../../components/MediationKit/Chips'
import CommunityPick from './CommunityPick'
import FactsCard from './FactsCard'
import PartiesCard from './PartiesCard'
import { useMediationApply } from './useMediationApply'
import { a11y } from '../../../utils/a11y'
import '../../../components/MediationKit/kit.css'
import './index.css'

const WAYS = [
  { code: 'online', title: '线上调解', text: '在小程序里沟通，视频会议调解' },
  { code: 'in_person', title: '到社区调解室', text: '约定时间到调解室面对面调解' },
] as const

/** 申请调解: the dispute, the parties, the facts and evidence, and how to mediate. */
export default function MediationApply() {
  const s = useMediationApply()
  const { draft, options, loadError, errors, formError, submitting, loadOptions, set, submit } = s
  if (!options) return <LoadState error={loadError} errorId='jf-med-apply-error' loadingId='jf-med-apply-loading' onRetry={() => void loadOptions()} />
  const streets = options.streets.map((x) => ({ code: x.code, label: x.name }))

  return (
    <View className='jf-page jf-med-apply' id='jf-med-apply'>
      <View className='jf-med-apply-intro jf-col'>
        <Text className='jf-med-apply-intro-title'>人民调解 · 免费 · 自愿</Text>
        <Text className='jf-med-apply-intro-text'>
          提交后由街道调解中心受理，指派调解员；对方当事人通过邀请码加入并同意后开始调解。调解达成的协议经双方确认后具有法律约束力。
        </Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>纠纷类型</Text>
        <Chips id='jf-med-types' className='jf-med-apply-chips' chipClass='jf-med-type-chip' items={options.disputeTypes} value={draft.disputeType} onPick={(v) => set('disputeType', v)} />
        <FieldError field='disputeType' message={errors.disputeType} />
        <Text className='jf-section-title jf-required'>受理街道</Text>
        <Chips id='jf-med-streets' className='jf-med-apply-chips' chipClass='jf-med-street-chip' items={streets} value={draft.streetCode} onPick={(v) => (set('streetCode', v), set('communityCode', ''))} />
        <FieldError field='streetCode' message={errors.streetCode} />
        <CommunityPick communities={options.communities ?? []} streetCode={draft.streetCode} value={draft.communityCode ?? ''} onPick={(v) => set('communityCode', v)} error={errors.communityCode} />
      </View>

      <PartiesCard s={s} />

      <FactsCard s={s} />

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>希望的调解方式</Text>
        <View className='jf-med-ways' id='jf-med-way' {...a11y('radiogroup', { label: '希望的调解方式' })}>
          {WAYS.map((w) => (
            <View key={w.code} className={`jf-med-way jf-med-option jf-col ${draft.preferredWay === w.code ? 'is-active' : ''}`} data-way={w.code} {...a11y('radio', { checked: draft.preferredWay === w.code })} onClick={() => set('preferredWay', w.code)}>
              <Text className='jf-med-way-title'>{w.title}</Text>
              <Text className='jf-med-way-text'>{w.text}</Text>
            </View>
          ))}
        </View>
      </View>

      {formError && (
        <View className='jf-med-banner is-error' id='jf-med-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-med-apply-submit jf-col'>
        <Button id='jf-med-submit' type='primary' block size='large' loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交调解申请'}
        </Button>
        <Text className='jf-muted jf-med-apply-note'>您填写的信息仅用于本次调解；您的电话号码只有调解员能看到完整号码。</Text>
      </View>
      <ConsentSheet gate={s.consent} />
    </View>
  )
}
