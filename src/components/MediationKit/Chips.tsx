import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './kit.css'

interface Props<T extends string> {
  /** The row's element id, for tests. */
  id?: string
  /** The row's own class (its padding on the page or sheet). */
  className: string
  /** Each chip's own class next to `jf-med-chip`, e.g. `jf-med-type-chip`. */
  chipClass: string
  /** Which data-* attribute carries the code the tests click by (`data-code`, `data-mode`). */
  dataKey?: 'code' | 'mode'
  items: ReadonlyArray<{ code: T; label: string }>
  value: string
  onPick: (code: T) => void
}

/** One choice out of a few, as a wrapping row of pills; the chosen one is highlighted. */
export default function Chips<T extends string>({ id, className, chipClass, dataKey = 'code', items, value, onPick }: Props<T>) {
  return (
    <View className={`jf-med-chips ${className}`} id={id} {...a11y('radiogroup')}>
      {items.map((x) => (
        <View key={x.code} className={`jf-med-chip ${chipClass} ${value === x.code ? 'is-active' : ''}`} {...{ [`data-${dataKey}`]: x.code }} {...a11y('radio', { checked: value === x.code })} onClick={() => onPick(x.code)}>
          <Text>{x.label}</Text>
        </View>
      ))}
    </View>
  )
}
