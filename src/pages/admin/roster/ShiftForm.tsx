import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { HelpShift, RosterView } from '../../../contracts/help'

const DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** Adds one shift for one person: who (the community's staff who can come), which days, from when to when. */
export default function ShiftForm({ candidates, onAdd }: { candidates: RosterView['candidates']; onAdd: (userId: string, shift: HelpShift) => void }) {
  const [userId, setUserId] = useState('')
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7])
  const [from, setFrom] = useState('00:00')
  const [to, setTo] = useState('24:00')
  const [problem, setProblem] = useState('')
  const toggle = (d: number) => setDays((x) => (x.includes(d) ? x.filter((y) => y !== d) : [...x, d].sort()))
  const add = () => {
    if (!userId) return setProblem('请选择值班人员')
    if (days.length === 0) return setProblem('请选择值班日')
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(from) || !/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(to)) return setProblem('时间格式应为“时:分”，如 08:30；全天为 00:00 至 24:00')
    if (from === to) return setProblem('开始和结束时间不能相同')
    setProblem('')
    onAdd(userId, { days, from, to })
  }
  return (
    <View className='jf-ak-row' id='jf-roster-add'>
      <select id='jf-roster-person' aria-label='值班人员' value={userId} onChange={(e) => setUserId((e.target as HTMLSelectElement).value)}>
        <option value=''>选择值班人员</option>
        {candidates.map((c) => (
          <option key={c.userId} value={c.userId}>
            {c.name}（{c.roleLabel}）
          </option>
        ))}
      </select>
      {DAYS.map((label, i) => (
        <label key={label} className='jf-roster-pick'>
          <input type='checkbox' className='jf-roster-day' checked={days.includes(i + 1)} onChange={() => toggle(i + 1)} /> {label}
        </label>
      ))}
      <label className='jf-roster-pick'>
        从 <input id='jf-roster-from' value={from} size={5} onChange={(e) => setFrom((e.target as HTMLInputElement).value.trim())} />
      </label>
      <label className='jf-roster-pick'>
        到 <input id='jf-roster-to' value={to} size={5} onChange={(e) => setTo((e.target as HTMLInputElement).value.trim())} />
      </label>
      <button type='button' className='jf-btn' id='jf-roster-add-shift' onClick={add}>
        添加班次
      </button>
      {problem && <Text className='jf-ak-notice is-error'>{problem}</Text>}
    </View>
  )
}
