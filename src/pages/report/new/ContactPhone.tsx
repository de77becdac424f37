import { Text, View } from '@tarojs/components'
import TextBox from '../../../components/TextBox'
import { usesProfile } from '../../../utils/report/contact'
import { a11y } from '../../../utils/a11y'

interface Props {
  value: string
  /** 我的's phone as its mask, or null when none is saved (or 我的 could not be read). */
  mask: string | null
  onChange: (value: string) => void
  error?: string
}

/** 联系电话（选填）: 我的's phone filled in, which the person may change or clear. */
export default function ContactPhone({ value, mask, onChange, error }: Props) {
  const fromProfile = usesProfile(value, mask)
  return (
    <View className='jf-card jf-contact'>
      <View className='jf-row-between'>
        <Text className='jf-section-title'>
          联系电话 <Text className='jf-muted'>（选填）</Text>
        </Text>
        {value !== '' && (
          <Text className='jf-contact-clear' id='jf-contact-clear' {...a11y('button', { label: '清除联系电话' })} onClick={() => onChange('')}>
            清除
          </Text>
        )}
      </View>
      <TextBox
        id='jf-contact-phone'
        className='jf-contact-box'
        value={value}
        onChange={onChange}
        placeholder='手机号或固定电话，如 020-87700000'
        maxLength={20}
        type='text'
        field='contactPhone'
        error={error}
      />
      <Text className='jf-muted jf-contact-hint' id='jf-contact-hint'>
        {fromProfile ? '已填入「我的」中的手机号，可修改或清除；仅办理人员可见' : '留下电话，方便办理人员联系您；仅办理人员可见，不会公开'}
      </Text>
    </View>
  )
}
