import { useEffect, useRef, useState } from 'react'
import { api } from '../../../../api'
import { emptyConsoleFilter, filterError, toQueueFilter, type ConsoleFilter } from '../../../../components/StaffKit/logic'
import type { StatsView } from '../../../../contracts/api'

/** The desk's numbers for a filter; a newer filter wins over a slower answer to an older one. */
export function useDashboard() {
  const [filter, setFilter] = useState<ConsoleFilter>(emptyConsoleFilter)
  const [stats, setStats] = useState<StatsView | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const seq = useRef(0)
  const badFilter = filterError(filter)

  const load = async (f: ConsoleFilter) => {
    const mine = ++seq.current
    setPhase('loading')
    const r = await api.call('cases.stats', toQueueFilter(f))
    if (mine !== seq.current) return
    if (r.ok) {
      setStats(r.stats)
      setPhase('ready')
      setError('')
    } else {
      setError(r.message)
      setPhase('error')
    }
  }

  useEffect(() => {
    if (!badFilter) void load(filter)
  }, [filter, badFilter])

  return { filter, setFilter, badFilter, stats, phase, error, retry: () => void load(filter) }
}
