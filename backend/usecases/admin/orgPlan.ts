import { createHash } from 'node:crypto'
import type { OrgPlanView, UnitRowView } from '../../../src/contracts/admin'
import { planOrgImport, type ImportIssue, type OrgImportPlan } from '../../../src/core/import/geojson'
import { ORG_LEVEL_LABELS, type OrgUnit } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { ROLES } from '../../../src/core/roles'
import type { Deps } from '../../deps'

export function row(u: OrgUnit, fields?: string[]): UnitRowView {
  const v: UnitRowView = { code: u.code, name: u.name, level: u.level, levelLabel: ORG_LEVEL_LABELS[u.level], parentCode: u.parentCode }
  if (fields) v.fields = fields
  return v
}

const issue = (i: ImportIssue) => ({ feature: i.feature + 1, code: i.code, field: i.field ?? null, reason: i.reason })

export function parseFiles(geojson: string, units?: string): unknown[] | Failure {
  const out: unknown[] = []
  for (const [name, text] of [['网格文件', geojson], ['街道/社区文件', units]] as const) {
    if (text === undefined) continue
    try {
      out.push(JSON.parse(text))
    } catch {
      return fail('VALIDATION', `${name}不是有效的 JSON`, { [name === '网格文件' ? 'geojson' : 'units']: '无法解析 JSON' })
    }
  }
  return out
}

/**
 * Removing a unit must not orphan anything: cases filed in it or handled by it, staff holding
 * roles on it, members of its grid group, or buildings registered in it. Such units are refused, not silently kept.
 */
async function removalBlockers(d: Deps, removed: readonly OrgUnit[]): Promise<ImportIssue[]> {
  const out: ImportIssue[] = []
  for (const u of removed) {
    const cases = (await d.store.countCases({ gridCodes: [u.code] })) + (await d.store.countCases({ unitCodes: [u.code] }))
    const staff = (await d.store.listStaff([u.code], ROLES)).length
    const members = u.level === 'grid' ? await d.store.countMemberships([u.code], 'joined') : 0
    const buildings = u.level === 'grid' ? (await d.store.buildingsInGrids([u.code])).length : 0
    const what = [cases && `${cases} 件事项`, staff && `${staff} 名工作人员`, members && `${members} 名群成员`, buildings && `${buildings} 栋楼栋`].filter(Boolean)
    if (what.length > 0) out.push({ feature: -1, code: u.code, field: 'code', reason: `文件中没有${ORG_LEVEL_LABELS[u.level]}「${u.name}」（${u.code}），但它仍有${what.join('、')}，不能删除` })
  }
  return out
}

export async function plan(d: Deps, files: unknown[]): Promise<{ plan: OrgImportPlan; view: OrgPlanView }> {
  const p = planOrgImport(files, await d.store.listUnits(), d.config.district.code)
  if (p.errors.length === 0) p.errors.push(...(await removalBlockers(d, p.diff.removed)))
  // The fingerprint covers what would be written and what it would replace.
  const fingerprint = createHash('sha256').update(JSON.stringify({ units: p.units, diff: p.diff })).digest('hex').slice(0, 32)
  const view: OrgPlanView = {
    errors: p.errors.map(issue),
    warnings: p.warnings.map(issue),
    overlaps: p.overlaps,
    streets: p.streets,
    added: p.diff.added.map((u) => row(u)),
    changed: p.diff.changed.map((c) => row(c.after, c.fields)),
    removed: p.diff.removed.map((u) => row(u)),
    unchanged: p.diff.unchanged,
    fingerprint,
  }
  return { plan: p, view }
}
