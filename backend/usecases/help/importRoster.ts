import type { ApiIn } from '../../../src/contracts/api'
import type { RosterImportPlan } from '../../../src/contracts/help'
import { readDutyTable } from '../../../src/core/import/dutyRoster'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { readTable } from '../../import/table'
import type { DutyRoster } from '../../ports'
import { dutyCandidates } from './duty'
import { keepsRoster } from './roster'

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '')

/**
 * `help.importRoster`: duty rosters from a table, one shift per row. Each person is found by phone
 * among the staff who may stand on that community's roster; every community the table names gets
 * its rows as its whole roster. A dry run, or any row in error, writes nothing.
 */
export async function importRoster(d: Deps, actor: Actor, input: ApiIn<'help.importRoster'>) {
  if (!actor.grants.some((g) => g.role === 'admin' || g.role === 'dispatcher')) return fail('FORBIDDEN', '仅管理员和综治中心可导入值班表')
  const table = readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
  if (!table.ok) return table
  const read = readDutyTable(table.rows)
  if ('missing' in read) return fail('VALIDATION', `表格缺少列：${read.missing.join('、')}`, { contentBase64: '缺少列' })
  const tree = await d.orgTree()
  const errors = read.errors.map((e) => ({ row: e.line, message: e.message }))
  const staffOf = new Map<string, Map<string, string>>()
  const rosters = new Map<string, Map<string, DutyRoster['entries'][number]>>()
  for (const r of read.rows) {
    const unit = tree.get(r.communityCode)
    if (!unit || unit.level !== 'community' || !keepsRoster(tree, actor, r.communityCode)) {
      errors.push({ row: r.line, message: `社区编码 ${r.communityCode} 不存在或不在您的管辖范围内` })
      continue
    }
    let byPhone = staffOf.get(r.communityCode)
    if (!byPhone) staffOf.set(r.communityCode, (byPhone = new Map((await dutyCandidates(d, tree, r.communityCode)).map(({ user }) => [digits(user.phone), user.id]))))
    const userId = byPhone.get(digits(r.phone))
    if (!userId) {
      errors.push({ row: r.line, message: `手机号 ${r.phone} 不是${unit.name}可值班的网格员、调解员或协助调解人` })
      continue
    }
    const entries = rosters.get(r.communityCode) ?? new Map()
    rosters.set(r.communityCode, entries)
    const entry = entries.get(userId) ?? { userId, shifts: [] }
    entry.shifts.push(r.shift)
    entries.set(userId, entry)
  }
  errors.sort((a, b) => a.row - b.row)
  const plan: RosterImportPlan = {
    rows: read.rows.length + read.errors.length,
    errors,
    communities: [...rosters].map(([code, entries]) => ({
      communityCode: code,
      communityName: tree.get(code)?.name ?? '',
      people: entries.size,
      shifts: [...entries.values()].reduce((n, e) => n + e.shifts.length, 0),
    })),
    applied: 0,
  }
  if (input.dryRun || errors.length > 0) return { ok: true as const, plan }
  const at = d.clock.now().toISOString()
  for (const [communityCode, entries] of rosters) {
    await d.store.putDutyRoster({ communityCode, entries: [...entries.values()], updatedAt: at, updatedBy: actor.userId })
    plan.applied++
  }
  return { ok: true as const, plan }
}
