import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'
import { parseFiles, plan } from './orgPlan'

/** Applies only the plan that was reviewed: a changed file or store gives another fingerprint. */
export async function applyOrg(d: Deps, actor: Actor, input: { geojson: string; units?: string; fingerprint: string }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const files = parseFiles(input.geojson, input.units)
  if (!Array.isArray(files)) return files
  const { plan: p, view } = await plan(d, files)
  if (view.errors.length > 0) return fail('VALIDATION', `文件有 ${view.errors.length} 处错误，未导入`, { geojson: view.errors[0]!.reason })
  if (view.fingerprint !== input.fingerprint) return { ...fail('CONFLICT', '数据在预览后有变化，请重新预览确认'), retryable: false }
  const writes = [...p.diff.added, ...p.diff.changed.map((c) => c.after)]
  if (writes.length > 0) await d.store.putUnits(writes)
  if (p.diff.removed.length > 0) await d.store.deleteUnits(p.diff.removed.map((u) => u.code))
  d.dataChanged?.()
  return { ok: true as const, plan: view }
}
