import { Rate } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import './index.css'

/** What each score means, so a tap gives immediate feedback in words, not just colour. */
export const STAR_LABELS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'] as const

interface Props {
  value: number
  onChange?: (value: number) => void
  /** Shows a given rating without taps. */
  readOnly?: boolean
  size?: 'normal' | 'small'
  showLabel?: boolean
}

/**
 * 1–5 stars on NutUI's Rate; big tap targets because the 评价 is done on a phone, often one-handed.
 * A tap on the first star of a one-star rating keeps it (min 1): a score is never taken back to none.
 */
export default function Stars({ value, onChange, readOnly, size = 'normal', showLabel = true }: Props) {
  return (
    <View className={`jf-stars jf-stars-${size} ${readOnly ? 'is-readonly' : ''}`} data-value={value}>
      <Rate value={value} min={readOnly ? 0 : 1} readOnly={readOnly} size={size} onChange={(v) => onChange?.(v)} />
      {showLabel && <Text className='jf-stars-label'>{value ? STAR_LABELS[value] : readOnly ? '' : '请点击星星评分'}</Text>}
    </View>
  )
}
