import { Text, View } from '@tarojs/components'
import { a11y, decorative } from '../../utils/a11y'
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
 * 1–5 stars; big tap targets because the 评价 is done on a phone, often one-handed. Not NutUI's Rate:
 * the staff act sheet already uses Rate in report-staff, and with this widget's three subpackages
 * (report, mediation, mediation-staff) Rate would reach four and move into the mini-program's main
 * package (about 5.5 KB of script and 3.7 KB of style, minified).
 */
export default function Stars({ value, onChange, readOnly, size = 'normal', showLabel = true }: Props) {
  return (
    <View
      className={`jf-stars jf-stars-${size} ${readOnly ? 'is-readonly' : ''}`}
      data-value={value}
      // A given rating is one picture with its words; a rating to give is five radio buttons.
      {...(readOnly ? a11y('img', { label: value ? `${value} 星，${STAR_LABELS[value]}` : '未评分' }) : a11y('radiogroup', { label: '评分' }))}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`jf-star ${n <= value ? 'is-on' : ''}`}
          data-value={n}
          {...(readOnly ? decorative : a11y('radio', { label: `${n} 星，${STAR_LABELS[n]}`, checked: n === value }))}
          onClick={readOnly ? undefined : () => onChange?.(n)}
        >
          <Text {...decorative}>★</Text>
        </View>
      ))}
      {showLabel && <Text className='jf-stars-label' {...(readOnly ? decorative : a11y('status', { live: 'polite' }))}>{value ? STAR_LABELS[value] : readOnly ? '' : '请点击星星评分'}</Text>}
    </View>
  )
}
