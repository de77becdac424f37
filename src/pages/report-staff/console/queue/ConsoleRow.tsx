import { slaInfo } from '../../../../components/StaffKit/logic'
import StatusTag from '../../../../components/StatusTag'
import type { StaffCaseSummary } from '../../../../contracts/api'
import { formatInstant } from '../../../../core/time'
import type { BulkResult } from './useConsoleQueue'

interface Props {
  c: StaffCaseSummary
  now: Date
  on: boolean
  /** Undefined: no bulk assignment shown, so no result column. */
  result: BulkResult | null | undefined
  onToggle: (id: string) => void
  onOpen: (id: string) => void
}

/** One case as a table row: tick box, number, what and where, status, handler, age and time left. */
export default function ConsoleRow({ c, now, on, result, onToggle, onOpen }: Props) {
  const sla = slaInfo(c.slaDeadline, c.status, now, c.overdue)
  return (
    <tr className={`jf-cq-row ${on ? 'is-selected' : ''} ${c.overdue ? 'is-overdue' : ''}`} data-case-id={c.id} data-status={c.status} onClick={() => onOpen(c.id)}>
      <td className='jf-cq-col-check' onClick={(e) => e.stopPropagation()}>
        <input className='jf-check jf-row-check' type='checkbox' checked={on} data-case-id={c.id} onChange={() => onToggle(c.id)} aria-label='选择' />
      </td>
      <td className='jf-cq-id' data-label='编号'>{c.number ?? '—'}</td>
      <td className='jf-cq-cat' data-label='类别'>{c.categoryName}</td>
      <td className='jf-cq-title' data-label='事项'>
        <span>{c.title}</span>
        {c.anonymous && <span className='jf-cq-anon'>匿名</span>}
      </td>
      <td className='jf-cq-grid' data-label='网格'>{c.gridName}</td>
      <td className='jf-cq-status' data-label='状态'>
        <StatusTag status={c.status} label={c.statusLabel} />
      </td>
      <td className='jf-cq-who' data-label='处置人 / 部门'>{c.assigneeName || c.departmentName || <span className='jf-cq-dim'>未分派</span>}</td>
      <td className='jf-cq-time' data-label='上报时间'>{formatInstant(c.createdAt, now)}</td>
      <td data-label='办理时限' className={`jf-cq-sla ${sla?.overdue ? 'is-overdue' : sla?.urgent ? 'is-urgent' : ''}`}>
        {sla ? (
          <>
            {sla.overdue && <span className='jf-cq-overdue-badge'>超时</span>}
            {sla.text}
          </>
        ) : (
          <span className='jf-cq-dim'>—</span>
        )}
      </td>
      {result !== undefined && (
        <td className='jf-cq-result' data-label='分派结果'>
          {result && (
            <span className={`jf-bulk-result ${result.ok ? 'is-ok' : 'is-failed'}`} data-case-id={c.id} data-ok={result.ok ? '1' : '0'}>
              {result.ok ? '已分派' : result.message || '分派失败'}
            </span>
          )}
        </td>
      )}
    </tr>
  )
}
