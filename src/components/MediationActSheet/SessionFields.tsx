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
] as const

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

/** 安排调解: when, online or in the committee's room, and where. */
export default function SessionFields(props: FieldProps) {
  const { form, errors, set } = props
  const online = form.sessionMode === 'online'
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
        <FieldError field='mode' message={errors.mode} />
      </View>
      <View className='jf-med-field'>
        <Text className='jf-med-label jf-required'>{online ? '会议链接 / 会议号' : '调解地点'}</Text>
        <View id='jf-med-session-place' className='jf-med-input'>
          <Input
            value={form.sessionPlace}
            onChange={(v) => set('sessionPlace', v)}
            placeholder={online ? '如：腾讯会议 123-456-789' : '如：云景社区调解室（党群服务中心 2 楼）'}
            maxLength={SESSION_PLACE_MAX}
          />
        </View>
        <FieldError field='place' message={errors.place} />
      </View>
    </>
  )
}
