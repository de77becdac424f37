import { Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import FieldError from '../FieldError'
import Chips from '../MediationKit/Chips'
import type { FieldProps } from './fieldProps'
import { SESSION_PLACE_MAX } from '../../contracts/limits'
import { shanghaiDay } from '../../core/time'

const MODES = [
  { code: 'online', label: '线上调解' },
  { code: 'in_person', label: '到社区调解室' },
  // 视频调解: in the mini-program (joinVoIPChat); the link below is for whoever cannot use it.
  { code: 'video', label: '视频调解' },
] as const

const PLACE = {
  online: { label: '会议链接 / 会议号', placeholder: '如：腾讯会议 123-456-789' },
  in_person: { label: '调解地点', placeholder: '如：云景社区调解室（党群服务中心 2 楼）' },
  video: { label: '备用会议链接', placeholder: '无法使用微信视频时用，如：腾讯会议 123-456-789' },
} as const

function today(): string {
  return shanghaiDay(Date.now())
}

/** The browser has a datetime input; the mini-program picks the date and the time apart. */
function WhenPicker({ form, set, setAt }: FieldProps) {
  if (process.env.TARO_ENV === 'h5')
    return (
      <input
        id='jf-med-session-at'
        className='jf-med-datetime'
        type='datetime-local'
        value={form.sessionDate && form.sessionTime ? `${form.sessionDate}T${form.sessionTime}` : ''}
        onChange={(e) => {
          const [d = '', t = ''] = (e.target as HTMLInputElement).value.split('T')
          setAt(d, t.slice(0, 5))
        }}
      />
    )
  return (
    <View id='jf-med-session-at' className='jf-med-datetime-row'>
      <Picker mode='date' value={form.sessionDate} start={today()} onChange={(e) => set('sessionDate', String(e.detail.value))}>
        <View className='jf-med-pick'>
          <Text className={form.sessionDate ? '' : 'jf-muted'}>{form.sessionDate || '选择日期'}</Text>
        </View>
      </Picker>
      <Picker mode='time' value={form.sessionTime} onChange={(e) => set('sessionTime', String(e.detail.value))}>
        <View className='jf-med-pick'>
          <Text className={form.sessionTime ? '' : 'jf-muted'}>{form.sessionTime || '选择时间'}</Text>
        </View>
      </Picker>
    </View>
  )
}

/** 安排调解: when, online, in the committee's room or by video, and where (a video session's link is its fallback). */
export default function SessionFields(props: FieldProps) {
  const { form, errors, set } = props
  const place = PLACE[form.sessionMode]
  return (
    <>
      <View className='jf-med-field'>
        <Text className='jf-med-label jf-required'>调解时间</Text>
        <WhenPicker {...props} />
        <FieldError field='at' message={errors.at} />
      </View>
      <View className='jf-med-field'>
        <Text className='jf-med-label jf-required'>调解方式</Text>
        <Chips className='' chipClass='jf-med-mode' dataKey='mode' items={MODES} value={form.sessionMode} onPick={(v) => set('sessionMode', v)} />
        {form.sessionMode === 'video' && (
          <Text className='jf-muted jf-med-video-hint' id='jf-med-video-hint'>
            当事人和调解员在小程序的案件页点击「进入视频调解」，调解时间前 30 分钟开放
          </Text>
        )}
        <FieldError field='mode' message={errors.mode} />
      </View>
      <View className='jf-med-field'>
        <Text className='jf-med-label jf-required'>{place.label}</Text>
        <View id='jf-med-session-place' className='jf-med-input'>
          <Input
            value={form.sessionPlace}
            onChange={(v) => set('sessionPlace', v)}
            placeholder={place.placeholder}
            maxLength={SESSION_PLACE_MAX}
          />
        </View>
        <FieldError field='place' message={errors.place} />
      </View>
    </>
  )
}
