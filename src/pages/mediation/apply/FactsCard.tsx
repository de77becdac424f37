import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { CLAIMS_MAX, FACTS_MAX, MAX_EVIDENCE } from '../../../utils/mediation/apply'
import PhotoPicker from '../../../components/PhotoPicker'
import type { MediationApplyState } from './useMediationApply'

/** 事实经过、申请人请求和证据照片. */
export default function FactsCard({ s }: { s: MediationApplyState }) {
  const { draft, photos, add, remove, retry, errors, set } = s
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required'>事实经过</Text>
      <CountedText
        id='jf-med-facts'
        value={draft.facts}
        onChange={(v) => set('facts', v)}
        placeholder='纠纷发生的时间、地点、经过和目前的情况（至少 10 个字）'
        max={FACTS_MAX}
        rows={5}
      />
      <FieldError field='facts' message={errors.facts} />

      <Text className='jf-section-title jf-required'>我的请求</Text>
      <CountedText
        id='jf-med-claims'
        value={draft.claims}
        onChange={(v) => set('claims', v)}
        placeholder='希望对方怎么做，如：赔偿维修费 3000 元、停止噪音（至少 5 个字）'
        max={CLAIMS_MAX}
        rows={3}
      />
      <FieldError field='claims' message={errors.claims} />

      <Text className='jf-section-title'>
        证据材料 <Text className='jf-muted'>（选填，照片、票据、聊天截图，最多 {MAX_EVIDENCE} 张）</Text>
      </Text>
      <PhotoPicker photos={photos} max={MAX_EVIDENCE} onAdd={add} onRemove={remove} onRetry={retry} />
      <FieldError field='evidence' message={errors.evidence} />
    </View>
  )
}

type CountedTextProps = { id: string; value: string; onChange: (v: string) => void; placeholder: string; max: number; rows: number }

/** A text area with a characters-used counter; counts code points like the form's length checks. */
function CountedText({ id, value, onChange, placeholder, max, rows }: CountedTextProps) {
  return (
    <View id={id} className='jf-med-apply-text'>
      <TextArea value={value} onChange={onChange} placeholder={placeholder} maxLength={max} rows={rows} autoSize />
      <Text className='jf-med-apply-counter'>
        {Array.from(value).length}/{max}
      </Text>
    </View>
  )
}
