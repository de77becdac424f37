import type { AuditEntry } from '../../ports'
import { REPORT_STATUS_LABELS } from '../../../src/core/kinds/reportTerms'
import { CHECKIN_STATUS_LABELS } from '../../../src/core/kinds/statusLabels'
import type { OrgTree } from '../../../src/core/org'
import { labelOf } from '../../../src/core/transition'
import { categoryName } from '../../config/district'
import type { Deps } from '../../deps'

/**
 * An audit row as a sentence people read (「吴刚 导出辖区登记 CSV，2 条，筛选：云景社区，理由：…」,
 * 「吴刚 查看 京溪-2026-00007 的证件号码，理由：…」): what was read or exported in words, a case by its
 * number, never an id or a function name. The stored `target` stays as written (the log is
 * append-only); this reads each writer's form of it.
 */

/** The case an audit row is about, when it is about one: a reveal's target, or the id a read or moderation ends with. */
export function auditCaseId(e: Pick<AuditEntry, 'action' | 'target'>): string | null {
  if (e.action === 'reveal') return e.target.trim() || null
  if (e.action === 'read' || e.action === 'moderate') return e.target.trim().split(/\s+/).pop() || null
  return null
}

const ROWS = /\s(\d+) rows$/

function listed(names: string[]): string {
  return names.filter(Boolean).join('、')
}

/** The filter of a grid-event export ({"statuses":["submitted"],"gridCode":"…"}) in words; the JSON may have been cut at 200 characters. */
function queueFilterWords(d: Deps, tree: OrgTree, json: string): string {
  let f: Record<string, unknown>
  try {
    f = JSON.parse(json) as Record<string, unknown>
  } catch {
    return ''
  }
  const parts: string[] = []
  if (typeof f.number === 'string') parts.push(`编号 ${f.number}`)
  if (typeof f.gridCode === 'string') parts.push(tree.get(f.gridCode)?.name ?? '所选网格')
  if (typeof f.category === 'string') parts.push(categoryName(d.config, f.category))
  if (Array.isArray(f.statuses) && f.statuses.length) parts.push(listed(f.statuses.map((s) => labelOf(REPORT_STATUS_LABELS, String(s)))))
  if (f.overdue === true) parts.push('已超时')
  if (f.mine === true) parts.push('分派给我的')
  if (typeof f.from === 'string' || typeof f.to === 'string') parts.push(`${typeof f.from === 'string' ? f.from : '最早'} 至 ${typeof f.to === 'string' ? f.to : '今天'}`)
  return listed(parts)
}

/** integrations.<change> <record id> <name, which may hold spaces>, as backend/usecases/integrations/audit.ts writes it. */
const INTEGRATION_CHANGES: Record<string, string> = {
  issueKey: '签发 Open311 接口密钥',
  addHotline: '添加 12345 热线对接',
  revokePartner: '停用对接系统',
  subscribe: '添加事件订阅',
  revokeSubscription: '停用事件订阅',
}

function integrationWords(target: string): string {
  const [, change = '', name = ''] = /^integrations\.(\w+)\s+\S+\s*(.*)$/.exec(target) ?? []
  const what = Object.prototype.hasOwnProperty.call(INTEGRATION_CHANGES, change) ? INTEGRATION_CHANGES[change]! : '修改对外接口'
  return name ? `${what}「${name}」` : what
}

/** What was done, without who and why: 「导出辖区登记 CSV，2 条，筛选：云景社区」. */
export function auditWhat(d: Deps, tree: OrgTree, e: Pick<AuditEntry, 'action' | 'target'>, caseNumber: string | null): string {
  const t = e.target.trim()
  const rows = ROWS.exec(t)?.[1]
  const count = rows !== undefined ? `，${rows} 条` : ''
  const named = caseNumber ?? '一件事项'
  switch (e.action) {
    case 'reveal':
      return `查看 ${caseNumber ?? '一条登记'} 的证件号码和手机号`
    case 'read': {
      const words = t.split(/\s+/)
      const kind = words.length >= 3 ? words[words.length - 2] : '事项'
      return `查看${kind} ${named}`
    }
    case 'moderate': {
      // cases.moderate 公开照片（照片 <id>） 网格事件 <id>
      const what = t.replace(/^cases\.moderate\s+/, '').replace(/（照片 [^）]*）/, '').split(/\s+/)[0] ?? ''
      return `审核${t.includes('（照片') ? '照片' : '内容'} ${named}：${what || '内容审核'}`
    }
    case 'search': {
      const masked = t.split(/\s+/).pop() ?? ''
      return `按证件号码 ${masked} 查询辖区登记`
    }
    case 'erase':
      return '注销本人账号'
    case 'integration':
      return integrationWords(t)
    case 'export': {
      const body = t.replace(ROWS, '')
      if (body.startsWith('rental.exportCsv')) {
        const [, units = '', statuses = ''] = /^rental\.exportCsv\s+(\S*)\s*\[([^\]]*)\]/.exec(body) ?? []
        const where = listed(units.split(',').filter(Boolean).map((u) => tree.get(u)?.name ?? '辖区'))
        const which = statuses.split(',').filter(Boolean)
        const state = which.length && which.join(',') !== 'pending,active' ? listed(which.map((s) => labelOf(CHECKIN_STATUS_LABELS, s))) : ''
        return `导出辖区登记 CSV${count}，筛选：${listed([where, state]) || '全部'}`
      }
      if (body.startsWith('cases.exportCsv')) return `导出网格事件 CSV${count}，筛选：${queueFilterWords(d, tree, body.replace(/^cases\.exportCsv\s*/, '')) || '全部'}`
      if (body.startsWith('mediation.ledgerCsv')) {
        const [from = '', to = ''] = body.replace(/^mediation\.ledgerCsv\s*/, '').split('..')
        return `导出调解台账 CSV${count}，时间：${from || to ? `${from || '最早'} 至 ${to || '今天'}` : '全部'}`
      }
      return `导出数据${count}`
    }
    default:
      return '查阅个人信息'
  }
}

/** 「吴刚 查看 京溪-2026-00007 的证件号码和手机号，理由：办理案件：核查盗窃案线索」 */
export function auditSentence(actorName: string, what: string, reason: string): string {
  return `${actorName} ${what}${reason ? `，理由：${reason}` : ''}`
}
