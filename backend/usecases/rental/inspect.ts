import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { FireInspection } from '../../ports'
import type { Deps } from '../../deps'
import { notOwnUpload } from '../files/ownUploads'
import { submit } from '../report/submit'
import { inspectionView } from './inspectionView'
import { Names } from './reads'
import { ownBuilding } from './roles'

/**
 * 消防安全巡查: every checklist item answered; each failed one becomes a report case in the
 * building's grid through the same path as a resident's report (so routing, SLA and the
 * queue treat it alike). The report keys derive from the inspection's key, so a retry after a
 * failure part-way re-files nothing and finishes the rest.
 */
export async function inspect(d: Deps, actor: Actor, input: { idempotencyKey: string; buildingId: string; items: Array<{ code: string; passed: boolean; note?: string }>; photos: string[] }) {
  const b = await ownBuilding(d, actor, input.buildingId)
  if (!b) return fail('NOT_FOUND', '楼栋不存在或无权巡查')
  const checklist = d.config.rental.fireChecklist
  const given = new Map(input.items.map((x) => [x.code, x]))
  const unknown = input.items.find((x) => !checklist.some((c) => c.code === x.code))
  if (unknown || given.size !== input.items.length) return fail('VALIDATION', '巡查项不正确，请刷新检查表后重试', { items: '巡查项不正确' })
  const missing = checklist.filter((c) => !given.has(c.code))
  if (missing.length > 0) return fail('VALIDATION', `请完成全部巡查项：${missing.map((m) => m.label).join('、')}`, { items: '有未完成的巡查项' })
  const bad = await notOwnUpload(d, actor, input.photos)
  if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { photos: bad })
  const caseIds: string[] = []
  for (const item of checklist) {
    const answer = given.get(item.code)!
    if (answer.passed) continue
    const note = answer.note?.trim()
    const description = `消防安全巡查：${item.label} 不合格 — ${b.name}（${b.address}）${note ? `：${note}` : ''}`.slice(0, 500)
    const filed = await submit(d, actor, {
      idempotencyKey: `${input.idempotencyKey}.${item.code}`,
      category: item.category,
      description,
      photos: input.photos,
      location: { lng: b.location.lng, lat: b.location.lat, address: b.address },
      anonymous: false,
    }, undefined, 'building_manager')
    if (!filed.ok) return filed
    caseIds.push(filed.case.id)
  }
  const at = d.clock.now().toISOString()
  const record: FireInspection = {
    id: d.newId(),
    buildingId: b.id,
    inspectorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    at,
    items: checklist.map((c) => ({ code: c.code, passed: given.get(c.code)!.passed, note: given.get(c.code)!.note?.trim() || null })),
    photos: [...new Set(input.photos)],
    caseIds,
  }
  const stored = await d.store.transaction(async (tx) => {
    const first = await tx.insertInspection(record)
    await tx.setBuildingInspected(b.id, first.at)
    return first
  })
  return { ok: true as const, inspection: await inspectionView(d, stored, new Names(d)), replayed: stored.id !== record.id }
}
