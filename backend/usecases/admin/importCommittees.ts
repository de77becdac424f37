import type { CommitteePlanView } from '../../../src/contracts/mediationLevels'
import { disputeTypesText, planCommittees, type UnitCommittee } from '../../../src/core/import/committees'
import { MEDIATION_LEVEL_LABELS } from '../../../src/core/kinds/mediationLevelTerms'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { districtConfigSchema } from '../../config/district'
import { readTable } from '../../import/table'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'
import { configChanges } from './saveConfig'

type Stored = { code: string; name: string; disputeTypes: string[]; numberPrefix?: string; level?: string; unitCode?: string }

/**
 * 调解委员会 of communities, streets and the district from a CSV/xlsx table (名称, 级别, 单位编码, 受理类型,
 * 编号前缀), previewed (dryRun) or applied. Applied, it is the next version of the district configuration
 * (its history shows who imported what): the unit committees listed are added or updated, the others and
 * the district-wide ones (交调委, 商调委, 婚调委) stay. All or nothing: a table with a bad row writes nothing.
 */
export async function importCommittees(d: Deps, actor: Actor, input: { fileName: string; contentBase64: string; dryRun: boolean }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const table = readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
  if (!table.ok) return table
  const tree = await d.orgTree()
  const existing = d.config.mediation.committees.filter((c): c is typeof c & { unitCode: string } => c.unitCode !== undefined) as unknown as UnitCommittee[]
  const plan = planCommittees(table.rows, { units: tree.all().filter((u) => tree.isWithin(u.code, d.config.district.code)), existing })
  if ('missing' in plan) return fail('VALIDATION', `缺少列：${plan.missing.join('、')}`, { file: `缺少列：${plan.missing.join('、')}` })
  const view: CommitteePlanView = {
    rows: plan.rows,
    committees: plan.committees.map((c) => ({
      name: c.name,
      levelLabel: MEDIATION_LEVEL_LABELS[c.level],
      unitName: tree.get(c.unitCode)?.name ?? c.unitCode,
      unitCode: c.unitCode,
      disputeTypesLabel: disputeTypesText(c.disputeTypes),
      numberPrefix: c.numberPrefix,
      change: c.change,
    })),
    errors: plan.errors,
    removed: [],
    applied: false,
    version: null,
  }
  const changed = plan.committees.filter((c) => c.change !== 'unchanged')
  if (input.dryRun || plan.errors.length > 0 || changed.length === 0) return { ok: true as const, plan: view }
  const latest = await d.store.latestConfigVersion()
  const current = latest?.version ?? 0
  const base = (latest ? latest.config : d.config) as unknown as { mediation: { committees: Stored[] } } & Record<string, unknown>
  const committees = [...base.mediation.committees]
  for (const { change: _change, ...c } of changed) {
    const at = committees.findIndex((x) => x.unitCode === c.unitCode && x.code === c.code)
    const entry: Stored = { code: c.code, name: c.name, disputeTypes: [...c.disputeTypes], numberPrefix: c.numberPrefix, level: c.level, unitCode: c.unitCode }
    if (at >= 0) committees[at] = entry
    else committees.push(entry)
  }
  const next = { ...base, mediation: { ...base.mediation, committees } }
  const parsed = districtConfigSchema.safeParse(next)
  if (!parsed.success) return fail('VALIDATION', `导入后配置无效：${parsed.error.issues[0]?.message ?? ''}`)
  const stored = await d.store.addConfigVersion({ version: current + 1, config: parsed.data as unknown as Record<string, unknown>, changes: configChanges(base, parsed.data).slice(0, 200), authorId: actor.userId, at: d.clock.now().toISOString() })
  if (!stored) return { ...fail('CONFLICT', '配置已被他人修改，请重新导入'), retryable: false }
  d.dataChanged?.()
  return { ok: true as const, plan: { ...view, applied: true, version: current + 1 } }
}
