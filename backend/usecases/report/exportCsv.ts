import type { QueueFilter } from '../../../src/contracts/api'
import { sourceLine, type ReportSource } from '../../../src/core/kinds/reportTerms'
import type { Actor } from '../../../src/core/roles'
import { shanghaiDateTime, shanghaiDay } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { auditUnit, writeAudit } from '../shared/audit'
import { csvCell } from '../shared/csv'
import { queries, STAFF_ROLES, staffOnly } from './queueScope'
import { prefetchNames } from '../shared/pageReads'
import { staffSummary } from './staffView'

export const EXPORT_LIMIT = 10_000

/** `cases.exportCsv`: the caller's scope and filter as an Excel-ready CSV, audited, at most 10,000 rows. */
export async function exportCsv(d: Deps, actor: Actor, filter: QueueFilter) {
  const refused = staffOnly(actor)
  if (refused) return refused
  const tree = await d.orgTree()
  const header = ['编号', '状态', '分类', '描述', '网格', '责任单位', '处置人', '处置部门', '上报时间', '办理期限', '是否超时', '来源']
  const lines = [header.map(csvCell).join(',')]
  const names = new Map<string, string>()
  let rows = 0
  const seen = new Set<string>()
  for (const q of queries(d, tree, actor, filter)) {
    let before: string | undefined
    while (rows < EXPORT_LIMIT) {
      const page = await d.store.listCases({ ...q, order: 'newest', limit: 200, before })
      if (page.length === 0) break
      await prefetchNames(d, page, names)
      for (const c of page) {
        if (seen.has(c.id) || rows >= EXPORT_LIMIT) continue
        seen.add(c.id)
        const s = await staffSummary(d, tree, c, names)
        const pay = c.payload as { description?: string; voiceFileId?: string; source?: ReportSource }
        // A voice note stays in the system (no link in a file that travels): the table says there is one.
        const desc = pay.description || (pay.voiceFileId ? '（语音描述，请在系统中收听）' : '')
        lines.push([c.number ?? '', s.statusLabel, s.categoryName, desc, s.gridName, s.unitName, s.assigneeName, s.departmentName, shanghaiDateTime(s.createdAt), s.slaDeadline ? shanghaiDateTime(s.slaDeadline) : '', s.overdue ? '是' : '否', pay.source ? sourceLine(pay.source).replace(/^来源：/, '') : ''].map(csvCell).join(','))
        rows++
      }
      before = page[page.length - 1]!.id
      // A short page was the last: no query to learn that the next one is empty.
      if (page.length < 200) break
    }
  }
  const who = auditUnit(actor, STAFF_ROLES)
  await writeAudit(d, actor, { actorRole: who.role, action: 'export', target: `cases.exportCsv ${JSON.stringify(filter).slice(0, 200)} ${rows} rows`, reason: '导出网格事件', unitCode: who.unitCode })
  // Times and the file's date in Beijing time, as the desk reads them.
  const stamp = shanghaiDay(d.clock.now())
  return { ok: true as const, filename: `网格事件_${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows }
}
