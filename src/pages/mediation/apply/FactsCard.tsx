import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import FieldError from '../../../components/FieldError'
import PhotoPicker from '../../../components/PhotoPicker'
import VoiceNote from '../../../components/VoiceNote'
import { CLAIMS_MAX, FACTS_MAX, MAX_EVIDENCE } from '../../../utils/mediation/apply'
import { limitText, overLimitMessage } from '../../../utils/textLimit'
import type { MediationApplyState } from './useMediationApply'

/** 事实经过、申请人请求和证据照片. `claimsLabel`: the agent's form (代办) names the 当事人's request, not 我的. */
export default function FactsCard({ s, claimsLabel = '我的请求' }: { s: MediationApplyState; claimsLabel?: string }) {
  const { photos, add, remove, retry, errors } = s
  return (
    <View className='jf-card'>
      <Text className='jf-section-title'>语音陈述</Text>
      <View className='jf-voice-field'>
        <Text className='jf-muted jf-voice-hint'>不方便打字，可以按住说话（最长 60 秒），说清楚发生了什么、希望怎么解决；说了语音，下面的文字可以少写或不写</Text>
        <VoiceNote {...s.voice} idPrefix='jf-med-apply-voice' />
        <FieldError field='voiceFileId' message={s.errors.voice} />
      </View>
      <CountedText s={s} field='facts' label='事实经过' placeholder='纠纷发生的时间、地点、经过和目前的情况（至少 10 个字）' max={FACTS_MAX} rows={5} />
      <CountedText s={s} field='claims' label={claimsLabel} placeholder='希望对方怎么做，如：赔偿维修费 3000 元、停止噪音（至少 5 个字）' max={CLAIMS_MAX} rows={3} />
      <Text className='jf-section-title'>
        证据材料 <Text className='jf-muted'>（选填，照片、票据、聊天截图，最多 {MAX_EVIDENCE} 张）</Text>
      </Text>
      <PhotoPicker photos={photos} max={MAX_EVIDENCE} onAdd={add} onRemove={remove} onRetry={retry} />
      <FieldError field='evidence' message={errors.evidence} />
    </View>
  )
}

type CountedTextProps = { s: MediationApplyState; field: 'facts' | 'claims'; label: string; placeholder: string; max: number; rows: number }

/** A required text of the draft with a characters-used counter; counts code points like the form's length checks. */
function CountedText({ s, field, label, placeholder, max, rows }: CountedTextProps) {
  const value = s.draft[field]
  // A paste over the limit keeps its first `max` characters and says so, never silently.
  const [over, setOver] = useState(false)
  const change = (v: string) => {
    const kept = limitText(v, max)
    setOver(kept.over)
    s.set(field, kept.text)
  }
  return (
    <>
      <Text className='jf-section-title jf-required'>{label}</Text>
      <View id={`jf-med-${field}`} className='jf-med-apply-text'>
        <TextArea value={value} onChange={change} placeholder={placeholder} maxLength={-1} rows={rows} autoSize />
        <Text className='jf-med-apply-counter'>
          {Array.from(value).length}/{max}
        </Text>
      </View>
      {over && (
        <Text className='jf-field-error' id={`jf-med-${field}-over`}>
          {overLimitMessage(max)}
        </Text>
      )}
      <FieldError field={field} message={s.errors[field]} />
    </>
  )
}
