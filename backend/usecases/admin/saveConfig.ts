import { zhIssueMessage } from '../../../src/contracts/configFields'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { districtConfigSchema } from '../../config/district'
import type { ConfigChange } from '../../ports'
import type { Deps } from '../../deps'
import { requireDistrictAdmin } from './access'

const MAX_CHANGES = 200

/** Leaf-level differences ("categories.3.slaHours": 24 → 12); arrays compare by position. */
export function configChanges(before: unknown, after: unknown, path = ''): ConfigChange[] {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((k) => configChanges(before[k], after[k], path ? `${path}.${k}` : k))
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before: before ?? null, after: after ?? null }]
}

/**
 * Saves a whole configuration as the next version. It must pass the same validation as the
 * file at start (every bad field named by its path, in Chinese: the form shows it under the field), keep the district's code, and be based on the
 * version in force (two admins editing at once: the second is told to reload).
 */
export async function saveConfig(d: Deps, actor: Actor, input: { config: Record<string, unknown>; baseVersion: number }) {
  const denied = requireDistrictAdmin(d, actor)
  if (denied) return denied
  const parsed = districtConfigSchema.safeParse(input.config)
  if (!parsed.success) {
    const details: Record<string, string> = {}
    for (const i of parsed.error.issues) details[i.path.join('.') || '_'] ??= zhIssueMessage(i)
    return fail('VALIDATION', `配置有 ${Object.keys(details).length} 处错误，未保存`, details)
  }
  if (parsed.data.district.code !== d.config.district.code) return fail('VALIDATION', '不能修改区划编码', { 'district.code': `应为 ${d.config.district.code}` })
  const latest = await d.store.latestConfigVersion()
  const current = latest?.version ?? 0
  if (input.baseVersion !== current) return { ...fail('CONFLICT', '配置已被他人修改，请刷新后再改'), retryable: false }
  const base = latest ? latest.config : (d.config as unknown as Record<string, unknown>)
  const changes = configChanges(base, parsed.data)
  if (changes.length === 0) return fail('VALIDATION', '配置没有变化')
  const stored = await d.store.addConfigVersion({ version: current + 1, config: parsed.data as unknown as Record<string, unknown>, changes: changes.slice(0, MAX_CHANGES), authorId: actor.userId, at: d.clock.now().toISOString() })
  if (!stored) return { ...fail('CONFLICT', '配置已被他人修改，请刷新后再改'), retryable: false }
  d.dataChanged?.()
  return { ok: true as const, version: current + 1, changes }
}
