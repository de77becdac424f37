import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../../api'
import StaffAssigneePicker from '../../../../components/StaffAssigneePicker'
import StaffConsoleFilters from '../../../../components/StaffConsoleFilters'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import {
  bulkTarget,
  emptyConsoleFilter,
  filterError,
  shortId,
  slaInfo,
  toQueueFilter,
  type ConsoleFilter,
} from '../../../../components/StaffKit/logic'
import StatusTag from '../../../../components/StatusTag'
import type { AssigneeView } from '../../../../contracts/api'
import { formatInstant } from '../../../../core/time'
import { useQueue } from '../../../../hooks/useQueue'
import { downloadCsv } from '../../../../utils/download-csv'
import './index.css'

type BulkResult = { id: string; ok: boolean; code?: string; message?: string }

/** The street's queue for the 综治中心 desk (H5): filter, select, bulk-assign, export. */
export default function ConsoleQueue() {
  const [filter, setFilter] = useState<ConsoleFilter>(emptyConsoleFilter)
  const q = useQueue(50)
  const [selected, setSelected] = useState<string[]>([])
  const [assignOpen, setAssignOpen] = useState(false)
  const [assignee, setAssignee] = useState<AssigneeView | null>(null)
  const [assigning, setAssigning] = useState(false)
  const [assignError, setAssignError] = useState('')
  const [results, setResults] = useState<BulkResult[] | null>(null)
  const [exporting, setExporting] = useState(false)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const filterRef = useRef(filter)
  filterRef.current = filter
  const shown = useRef(false)

  const badFilter = filterError(filter)

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

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(id)}` })
  const allOnPage = q.cases.length > 0 && q.cases.every((c) => selected.includes(c.id))
  const toggleAll = () => setSelected(allOnPage ? [] : q.cases.map((c) => c.id))
  const toggleOne = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))
  const resultOf = (id: string) => results?.find((r) => r.id === id)

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
      setAssignError(r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)
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
    if (exporting || badFilter) return
    setExporting(true)
    setNotice(null)
    const r = await api.call('cases.exportCsv', toQueueFilter(filter))
    setExporting(false)
    if (!r.ok) {
      setNotice({ tone: 'error', text: `导出失败：${r.message}` })
      return
    }
    downloadCsv(r.filename, r.csv)
    setNotice({ tone: 'ok', text: `已导出 ${r.rows} 条记录（${r.filename}）` })
  }

  const more = () =>
    void q.loadMore().then((r) => {
      if (!r.ok) setNotice({ tone: 'error', text: r.message ?? '加载失败' })
    })

  const now = new Date()

  return (
    <View className='jf-console' id='jf-console-queue'>
      <StaffConsoleHeader current='queue' />
      <View className='jf-console-main'>
        <StaffConsoleFilters value={filter} onChange={setFilter} error={badFilter} />

        <View className='jf-cq-toolbar'>
          <Text className='jf-cq-total' id='jf-queue-total'>
            {q.phase === 'ready' ? `共 ${q.total} 件` : q.phase === 'loading' ? '正在查询…' : ''}
          </Text>
          {selected.length > 0 && <Text className='jf-cq-selected'>已选 {selected.length} 件</Text>}
          <View className='jf-cq-actions'>
            <button id='jf-bulk-assign' type='button' className='jf-btn jf-btn-primary' disabled={!selected.length} onClick={openAssign}>
              批量分派{selected.length ? `（${selected.length}）` : ''}
            </button>
            <button id='jf-export-csv' type='button' className='jf-btn' disabled={exporting || !!badFilter} onClick={() => void exportCsv()}>
              {exporting ? '正在导出…' : '导出 CSV'}
            </button>
          </View>
        </View>

        {notice && (
          <View className={`jf-cq-notice is-${notice.tone}`} id='jf-console-notice'>
            <Text>{notice.text}</Text>
            <Text className='jf-cq-notice-close' onClick={() => setNotice(null)}>
              ×
            </Text>
          </View>
        )}

        {results && (
          <View className={`jf-cq-results ${results.some((r) => !r.ok) ? 'has-failed' : ''}`} id='jf-bulk-results'>
            <View className='jf-cq-results-head'>
              <Text className='jf-cq-results-title'>
                分派结果：成功 {results.filter((r) => r.ok).length} 件
                {results.some((r) => !r.ok) ? `，失败 ${results.filter((r) => !r.ok).length} 件` : ''}
              </Text>
              <Text className='jf-cq-notice-close' onClick={() => setResults(null)}>
                ×
              </Text>
            </View>
            {results
              .filter((r) => !r.ok)
              .map((r) => (
                <Text key={r.id} className='jf-cq-results-line' data-case-id={r.id}>
                  {shortId(r.id)}：{r.message || '分派失败'}
                </Text>
              ))}
          </View>
        )}

        <View className='jf-cq-table-wrap'>
          <table className='jf-cq-table' id='jf-console-table'>
            <thead>
              <tr>
                <th className='jf-cq-col-check'>
                  <input id='jf-select-all' className='jf-check' type='checkbox' checked={allOnPage} onChange={toggleAll} aria-label='全选' />
                </th>
                <th>编号</th>
                <th>类别</th>
                <th>事项</th>
                <th>网格</th>
                <th>状态</th>
                <th>处置人 / 部门</th>
                <th>上报时间</th>
                <th>办理时限</th>
                {results && <th>分派结果</th>}
              </tr>
            </thead>
            <tbody>
              {q.phase === 'ready' &&
                q.cases.map((c) => {
                  const sla = slaInfo(c.slaDeadline, c.status, now, c.overdue)
                  const res = resultOf(c.id)
                  const on = selected.includes(c.id)
                  return (
                    <tr
                      key={c.id}
                      className={`jf-cq-row ${on ? 'is-selected' : ''} ${c.overdue ? 'is-overdue' : ''}`}
                      data-case-id={c.id}
                      data-status={c.status}
                      onClick={() => open(c.id)}
                    >
                      <td className='jf-cq-col-check' onClick={(e) => e.stopPropagation()}>
                        <input
                          className='jf-check jf-row-check'
                          type='checkbox'
                          checked={on}
                          data-case-id={c.id}
                          onChange={() => toggleOne(c.id)}
                          aria-label='选择'
                        />
                      </td>
                      <td className='jf-cq-id'>{shortId(c.id)}</td>
                      <td>{c.categoryName}</td>
                      <td className='jf-cq-title'>
                        <span>{c.title}</span>
                        {c.anonymous && <span className='jf-cq-anon'>匿名</span>}
                      </td>
                      <td>{c.gridName}</td>
                      <td>
                        <StatusTag status={c.status} label={c.statusLabel} />
                      </td>
                      <td>{c.assigneeName || c.departmentName || <span className='jf-cq-dim'>未分派</span>}</td>
                      <td className='jf-cq-time'>{formatInstant(c.createdAt, now)}</td>
                      <td className={`jf-cq-sla ${sla?.overdue ? 'is-overdue' : sla?.urgent ? 'is-urgent' : ''}`}>
                        {sla ? (
                          <>
                            {sla.overdue && <span className='jf-cq-overdue-badge'>超时</span>}
                            {sla.text}
                          </>
                        ) : (
                          <span className='jf-cq-dim'>—</span>
                        )}
                      </td>
                      {results && (
                        <td>
                          {res && (
                            <span
                              className={`jf-bulk-result ${res.ok ? 'is-ok' : 'is-failed'}`}
                              data-case-id={c.id}
                              data-ok={res.ok ? '1' : '0'}
                            >
                              {res.ok ? '已分派' : res.message || '分派失败'}
                            </span>
                          )}
                        </td>
                      )}
                    </tr>
                  )
                })}
            </tbody>
          </table>
          {q.phase === 'loading' && <View className='jf-cq-state'>正在查询…</View>}
          {q.phase === 'error' && (
            <View className='jf-cq-state is-error' id='jf-queue-error'>
              <Text>{q.error}</Text>
              <button type='button' className='jf-btn' onClick={() => void q.load(toQueueFilter(filter))}>
                重试
              </button>
            </View>
          )}
          {q.phase === 'ready' && !q.cases.length && (
            <View className='jf-cq-state' id='jf-queue-empty'>
              没有符合条件的事项
            </View>
          )}
        </View>

        {q.phase === 'ready' && q.cases.length > 0 && (
          <View className='jf-cq-more'>
            {q.next ? (
              <button id='jf-queue-more' type='button' className='jf-btn' disabled={q.loadingMore} onClick={more}>
                {q.loadingMore ? '正在加载…' : `加载更多（已显示 ${q.cases.length} / ${q.total}）`}
              </button>
            ) : (
              <Text className='jf-cq-dim'>已显示全部 {q.cases.length} 件</Text>
            )}
          </View>
        )}
      </View>

      {assignOpen && (
        // A click on the mask itself closes; clicks inside the dialog are not stopped (stopping a
        // native event on a Taro View would keep React's handlers inside it from ever running).
        <div className='jf-modal-mask' onClick={(e) => e.target === e.currentTarget && !assigning && setAssignOpen(false)}>
          <View className='jf-modal' id='jf-bulk-dialog'>
            <View className='jf-modal-head'>
              <Text className='jf-modal-title'>批量分派 {selected.length} 件事项</Text>
              <Text className='jf-modal-close' onClick={() => !assigning && setAssignOpen(false)}>
                ×
              </Text>
            </View>
            <View className='jf-modal-body'>
              <StaffAssigneePicker value={assignee} onChange={(a) => (setAssignee(a), setAssignError(''))} />
            </View>
            {assignError && (
              <Text className='jf-modal-error' id='jf-bulk-error'>
                {assignError}
              </Text>
            )}
            <View className='jf-modal-foot'>
              <button id='jf-bulk-cancel' type='button' className='jf-btn' disabled={assigning} onClick={() => setAssignOpen(false)}>
                取消
              </button>
              <button id='jf-bulk-confirm' type='button' className='jf-btn jf-btn-primary' disabled={assigning} onClick={() => void bulkAssign()}>
                {assigning ? '正在分派…' : '确认分派'}
              </button>
            </View>
          </View>
        </div>
      )}
    </View>
  )
}
