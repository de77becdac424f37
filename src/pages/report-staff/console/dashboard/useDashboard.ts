import { useEffect, useState } from 'react'
import { api } from '../../../../api'
import { emptyConsoleFilter, filterError, toQueueFilter, type ConsoleFilter } from '../../../../components/StaffKit/logic'
import type { StatsView } from '../../../../contracts/api'
import { useLatestLoad } from '../../../../hooks/useLatestLoad'

/** The desk's numbers for a filter; a newer filter wins over a slower answer to an older one. */
export function useDashboard() {
  const [filter, setFilter] = useState<ConsoleFilter>(emptyConsoleFilter)
  const { value: stats, phase, error, load: latest } = useLatestLoad<StatsView>()
  const badFilter = filterError(filter)

  const load = (f: ConsoleFilter) => latest(() => api.call('cases.stats', toQueueFilter(f)), (r) => r.stats)

  useEffect(() => {
    if (!badFilter) void load(filter)
  }, [filter, badFilter])

  return { filter, setFilter, badFilter, stats, phase, error, retry: () => void load(filter) }
}
