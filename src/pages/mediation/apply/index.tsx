import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import ConsentSheet from '../../../components/ConsentSheet'
import LoadState from '../../../components/LoadState'
import DisputeCard from './DisputeCard'
import FactsCard from './FactsCard'
import PartiesCard from './PartiesCard'
import { useMediationApply } from './useMediationApply'
import WaysCard, { type Way } from './WaysCard'
import '../../../components/MediationKit/kit.css'
import './index.css'

const WAYS = [
  { code: 'online', title: '线上调解', text: '在小程序里沟通，视频会议调解' },
  { code: 'in_person', title: '到社区调解室', text: '约定时间到调解室面对面调解' },
] as const satisfies readonly Way[]

/** 申请调解: the dispute, the parties, the facts and evidence, and how to mediate. */
export default function MediationApply() {
  const s = useMediationApply()
  const { options, loadError, formError, submitting, loadOptions, submit } = s
  if (!options) return <LoadState error={loadError} errorId='jf-med-apply-error' loadingId='jf-med-apply-loading' onRetry={() => void loadOptions()} />

  return (
    <View className='jf-page jf-med-apply' id='jf-med-apply'>
      <View className='jf-med-apply-intro jf-col'>
        <Text className='jf-med-apply-intro-title'>人民调解 · 免费 · 自愿</Text>
        <Text className='jf-med-apply-intro-text'>
          提交后由街道调解中心受理，指派调解员；对方当事人通过邀请码加入并同意后开始调解。调解达成的协议经双方确认后具有法律约束力。
        </Text>
      </View>

      <DisputeCard s={s} />

      <PartiesCard s={s} />

      <FactsCard s={s} />

      <WaysCard s={s} ways={WAYS} />

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
