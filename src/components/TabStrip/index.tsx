import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './tabs.css'

interface Props<K extends string> {
  tabs: ReadonlyArray<{ key: K; label: string }>
  current: K
  onPick: (key: K) => void
  /** The strip's id; each tab's id is `${id}-${key}` unless `tabIdPrefix` says otherwise. */
  id: string
  tabIdPrefix?: string
  /** The page's own classes next to `jf-tabs` / `jf-tab` / `jf-tab-count` (its tests and local tweaks). */
  className?: string
  tabClassName?: string
  countClassName?: string
  /** Shown on the current tab: how many items it holds (left out while unknown). */
  count?: number | string | null
}

/**
 * A sticky row of tabs over a list. Not NutUI's Tabs: its swipe panes and scroll logic (about 19 KB
 * of script and 9 KB of style) would land in the mini-program's main package, where this strip's
 * stylesheet already is because four subpackages use it.
 */
export default function TabStrip<K extends string>(props: Props<K>) {
  const { tabs, current, onPick, id, tabIdPrefix = id, className = '', tabClassName = '', countClassName = '', count = null } = props
  return (
    <View className={`jf-tabs ${className}`} id={id} {...a11y('tablist')}>
      {tabs.map((t) => (
        <View
          key={t.key}
          id={`${tabIdPrefix}-${t.key}`}
          className={`jf-tab ${tabClassName} ${current === t.key ? 'is-active' : ''}`}
          data-tab={t.key}
          {...a11y('tab', { selected: current === t.key })}
          onClick={() => onPick(t.key)}
        >
          <Text>{t.label}</Text>
          {current === t.key && count !== null && <Text className={`jf-tab-count ${countClassName}`} aria-label={`共 ${count} 条`}>{count}</Text>}
        </View>
      ))}
    </View>
  )
}
