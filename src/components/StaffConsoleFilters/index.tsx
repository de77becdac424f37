import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../api'
import type { CategoryView, GridShape } from '../../contracts/api'
import { groupCategories } from '../../utils/categories'
import { STATUS_OPTIONS, emptyConsoleFilter, toggle, type ConsoleFilter } from '../StaffKit/logic'
import { a11y } from '../../utils/a11y'
import './index.css'

interface Props {
  value: ConsoleFilter
  onChange: (f: ConsoleFilter) => void
  /** A problem with the filter itself (e.g. from after to), shown under the bar. */
  error?: string
  /** Offer the search by case number (the queue; the dashboard counts, it does not look one up). */
  search?: boolean
}

/**
 * The console's filter bar (H5 only, desk screens): statuses, category, grid, 仅超时, day range.
 * Native form controls, because they suit a mouse and keyboard and cost nothing to ship.
 */
export default function StaffConsoleFilters({ value, onChange, error, search = false }: Props) {
  const [categories, setCategories] = useState<CategoryView[]>([])
  const [grids, setGrids] = useState<GridShape[]>([])
  const [loadError, setLoadError] = useState('')

  useEffect(() => {
    void (async () => {
      const [c, g] = await Promise.all([api.call('reports.categories', {}), api.call('reports.gridMap', {})])
      if (c.ok) setCategories(c.categories)
      if (g.ok) setGrids(g.grids)
      const failed = [c, g].find((x) => !x.ok)
      setLoadError(failed && !failed.ok ? failed.message : '')
    })()
  }, [])

  const groups = useMemo(() => groupCategories(categories), [categories])
  const set = <K extends keyof ConsoleFilter>(k: K, v: ConsoleFilter[K]) => onChange({ ...value, [k]: v })

  return (
    <View className='jf-cf' id='jf-console-filters'>
      {search && (
        <View className='jf-cf-row'>
          <Text className='jf-cf-label'>编号</Text>
          <input
            id='jf-filter-number'
            className='jf-cf-select'
            type='search'
            placeholder='如 京溪-2026-00042'
            value={value.number ?? ''}
            onChange={(e) => set('number', e.target.value)}
          />
        </View>
      )}
      <View className='jf-cf-row'>
        <Text className='jf-cf-label'>状态</Text>
        <View className='jf-cf-statuses' id='jf-filter-status'>
          {STATUS_OPTIONS.map((s) => (
            <View
              key={s.key}
              className={`jf-cf-chip ${value.statuses.includes(s.key) ? 'is-on' : ''}`}
              data-status={s.key}
              {...a11y('checkbox', { checked: value.statuses.includes(s.key) })}
              onClick={() => set('statuses', toggle(value.statuses, s.key))}
            >
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='jf-cf-row'>
        <Text className='jf-cf-label'>类别</Text>
        <select id='jf-filter-category' aria-label='类别' className='jf-cf-select' value={value.category} onChange={(e) => set('category', e.target.value)}>
          <option value=''>全部类别</option>
          {groups.map((g) =>
            g.children.length ? (
              <optgroup key={g.top.code} label={g.top.name}>
                {g.children.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={g.top.code} value={g.top.code}>
                {g.top.name}
              </option>
            ),
          )}
        </select>
        <Text className='jf-cf-label'>网格</Text>
        <select id='jf-filter-grid' aria-label='网格' className='jf-cf-select' value={value.gridCode} onChange={(e) => set('gridCode', e.target.value)}>
          <option value=''>全部网格</option>
          {grids.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
        </select>
        <Text className='jf-cf-label'>上报日期</Text>
        <input id='jf-filter-from' aria-label='上报日期从' className='jf-cf-date' type='date' value={value.from} max={value.to || undefined} onChange={(e) => set('from', e.target.value)} />
        <Text className='jf-cf-dash'>至</Text>
        <input id='jf-filter-to' aria-label='上报日期至' className='jf-cf-date' type='date' value={value.to} min={value.from || undefined} onChange={(e) => set('to', e.target.value)} />
        <label className='jf-cf-check' htmlFor='jf-filter-overdue'>
          <input id='jf-filter-overdue' className='jf-check' type='checkbox' checked={value.overdue} onChange={(e) => set('overdue', e.target.checked)} />
          <span>仅超时</span>
        </label>
        <button id='jf-filter-reset' className='jf-cf-reset' type='button' onClick={() => onChange(emptyConsoleFilter())}>
          重置
        </button>
      </View>
      {(error || loadError) && (
        <Text className='jf-cf-error' id='jf-filter-error'>
          {error || `筛选项加载失败：${loadError}`}
        </Text>
      )}
    </View>
  )
}
