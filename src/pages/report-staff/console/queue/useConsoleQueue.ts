import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../../api'
import { bulkTarget, emptyConsoleFilter, filterError, toQueueFilter, type ConsoleFilter } from '../../../../components/StaffKit/logic'
import type { AssigneeView } from '../../../../contracts/api'
import { useQueue } from '../../../../hooks/useQueue'
import { useCsvExport } from '../../../../hooks/useCsvExport'
import { loadDeskState, saveDeskState } from '../../../../utils/desk'

export type BulkResult = { id: string; ok: boolean; code?: string; message?: string }
export type Notice = { tone: 'ok' | 'error'; text: string }

/** The desk queue's state: the filter and its page of cases, the ticked rows, bulk assignment and the CSV export. */
export function useConsoleQueue() {
  // Kept for this browser tab: back from a case (or a reload) finds the list as it was filtered.
  const [filter, setFilter] = useState<ConsoleFilter>(() => loadDeskState('console-filter', emptyConsoleFilter()))
  const q = useQueue(50)
  const [selected, setSelected] = useState<string[]>([])
  const [assignOpen, setAssignOpen] = useState(false)
  const [assignee, setAssignee] = useState<AssigneeView | null>(null)
  const [assigning, setAssigning] = useState(false)
  const [assignError, setAssignError] = useState('')
  const [results, setResults] = useState<BulkResult[] | null>(null)
  const { exporting, notice, setNotice, exportCsv: runExport } = useCsvExport()
  const filterRef = useRef(filter)
  filterRef.current = filter
  const shown = useRef(false)

  const badFilter = filterError(filter)

  useEffect(() => saveDeskState('console-filter', filter), [filter])

  useEffect(() => {
    if (badFilter) return
    setSelected([])
    void q.load(toQueueFilter(filter))
    // q.load is stable; the filter is the only input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, badFilter])

  // Back from a case: the row's status may have changed, reload without blanking the table.
  useDidShow(() => {
    if (shown.current && !filterError(filterRef.current)) void q.load(toQueueFilter(filterRef.current), true)
    shown.current = true
  })

  const allOnPage = q.cases.length > 0 && q.cases.every((c) => selected.includes(c.id))

  const openAssign = () => {
    if (!selected.length) return
    setAssignError('')
    setAssignee(null)
    setAssignOpen(true)
  }

  const bulkAssign = async () => {
    if (!assignee) {
      setAssignError('请选择处置人或部门')
      return
    }
    setAssigning(true)
    setAssignError('')
    const r = await api.call('cases.bulkAssign', { ids: selected, ...bulkTarget(assignee) })
    setAssigning(false)
    if (!r.ok) {
      setAssignError(r.message)
      return
    }
    setResults(r.results)
    setAssignOpen(false)
    setNotice(null)
    // Keep the failed ones ticked so they can be retried or handled one by one.
    setSelected(r.results.filter((x) => !x.ok).map((x) => x.id))
    void q.load(toQueueFilter(filterRef.current), true)
  }

  const exportCsv = async () => {
    if (!badFilter) await runExport(() => api.call('cases.exportCsv', toQueueFilter(filter)))
  }

  const more = () =>
    void q.loadMore().then((r) => {
      if (!r.ok) setNotice({ tone: 'error', text: r.message ?? '加载失败' })
    })

  return {
    q,
    filter,
    setFilter,
    badFilter,
    retry: () => void q.load(toQueueFilter(filter)),
    more,
    // from=console: the case opens in the desk frame, with 返回事项工作台.
    open: (id: string) => void Taro.navigateTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(id)}&from=console` }),
    selected,
    allOnPage,
    toggleAll: () => setSelected(allOnPage ? [] : q.cases.map((c) => c.id)),
    toggleOne: (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])),
    assign: {
      open: assignOpen,
      show: openAssign,
      close: () => !assigning && setAssignOpen(false),
      assignee,
      pick: (a: AssigneeView | null) => (setAssignee(a), setAssignError('')),
      busy: assigning,
      error: assignError,
      submit: bulkAssign,
    },
    results,
    clearResults: () => setResults(null),
    exporting,
    exportCsv,
    notice,
    clearNotice: () => setNotice(null),
  }
}

export type ConsoleQueueState = ReturnType<typeof useConsoleQueue>
