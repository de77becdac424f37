import { randomBytes } from 'node:crypto'
import qrcode from 'qrcode-generator'
import type { BuildingView } from '../../../src/contracts/rental'
import { gridAt } from '../../../src/core/geo'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { CaseQuery } from '../../ports'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'
import { buildingView, casePages, gridsOf, Names, pl, publicView } from './views'

const NOT_FOUND = '楼栋不存在或无权查看'
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** 10 characters of a 31-letter alphabet (about 50 bits): printed on paper, never guessable. */
export function newBuildingCode(): string {
  const bytes = randomBytes(10)
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

export function isManager(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'building_manager')
}

/** Street staff (综治中心, admin) see the buildings of their unit. */
function streetUnits(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'dispatcher' || g.role === 'admin').map((g) => g.unitCode)
}

/** Pending and active registrations per building, read through an indexed case query. */
async function countsBy(d: Deps, q: CaseQuery): Promise<Map<string, { pending: number; active: number }>> {
  const out = new Map<string, { pending: number; active: number }>()
  for await (const page of casePages(d, { ...q, kind: 'checkin', statuses: ['pending', 'active'], order: 'newest' }, 50)) {
    for (const c of page) {
      const n = out.get(pl(c).buildingId) ?? { pending: 0, active: 0 }
      if (c.status === 'pending') n.pending++
      else n.active++
      out.set(pl(c).buildingId, n)
    }
  }
  return out
}

async function views(d: Deps, buildings: Building[], counts: Map<string, { pending: number; active: number }>): Promise<BuildingView[]> {
  const tree = await d.orgTree()
  const names = new Names(d)
  const out: BuildingView[] = []
  for (const b of buildings) out.push(await buildingView(d, tree, b, counts.get(b.id) ?? { pending: 0, active: 0 }, names))
  return out
}

/** A building manager registers a building in their area; its grid comes from its location. */
export async function registerBuilding(d: Deps, actor: Actor, input: { idempotencyKey: string; name: string; address: string; location: { lng: number; lat: number }; floors: number; rooms: string[] }) {
  if (!isManager(actor)) return fail('FORBIDDEN', '仅楼栋长可登记楼栋')
  const tree = await d.orgTree()
  const grid = gridAt(tree, input.location)
  if (!grid) return fail('OUT_OF_AREA', '该位置不在本区网格范围内，请重新选点', { location: '不在网格范围内' })
  const mine = actor.grants.filter((g) => g.role === 'building_manager').some((g) => tree.isWithin(grid.code, g.unitCode))
  if (!mine) return fail('FORBIDDEN', `该位置属于「${grid.name}」，不在您负责的范围内`, { location: '不在负责范围内' })
  const rooms = [...new Set(input.rooms.map((r) => r.trim()).filter(Boolean))]
  if (rooms.length === 0) return fail('VALIDATION', '请至少填写一个房号', { rooms: '至少一个房号' })
  const b: Building = {
    id: d.newId(),
    code: newBuildingCode(),
    name: input.name.trim(),
    address: input.address.trim(),
    location: { lng: input.location.lng, lat: input.location.lat },
    gridCode: grid.code,
    floors: input.floors,
    rooms,
    managerId: actor.userId,
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    createdAt: d.clock.now().toISOString(),
    lastInspectionAt: null,
  }
  const stored = await d.store.transaction((tx) => tx.insertBuilding(b))
  const [view] = await views(d, [stored], new Map())
  return { ok: true as const, building: view!, replayed: stored.id !== b.id }
}

export async function myBuildings(d: Deps, actor: Actor) {
  if (!isManager(actor)) return { ok: true as const, buildings: [] }
  const buildings = await d.store.buildingsOf(actor.userId)
  return { ok: true as const, buildings: await views(d, buildings, await countsBy(d, { assigneeId: actor.userId })) }
}

/** The building a tenant scanned: public facts and the consent notice, nobody's registration. */
export async function building(d: Deps, _actor: Actor, input: { code: string }) {
  const b = await d.store.getBuildingByCode(input.code)
  if (!b) return fail('NOT_FOUND', '楼栋不存在，请重新扫描楼栋二维码')
  return { ok: true as const, building: await publicView(d, await d.orgTree(), b, new Names(d)) }
}

export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.JIEFANG_PUBLIC_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
}

export function checkinLink(code: string): string {
  return `${publicBaseUrl()}/#/pages/rental/checkin/index?b=${encodeURIComponent(code)}`
}

export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true })
}

/** The printable building QR (楼栋二维码) for its manager. */
export async function buildingQr(d: Deps, actor: Actor, input: { buildingId: string }) {
  const b = await d.store.getBuilding(input.buildingId)
  if (!b || b.managerId !== actor.userId || !isManager(actor)) return fail('NOT_FOUND', NOT_FOUND)
  const [view] = await views(d, [b], await countsBy(d, { assigneeId: actor.userId }))
  const link = checkinLink(b.code)
  return { ok: true as const, link, svg: qrSvg(link), building: view! }
}

/** Buildings of the street whose monthly fire check is overdue or was never done. */
export async function overdueInspections(d: Deps, actor: Actor, input: { street?: string }) {
  const units = streetUnits(actor)
  if (units.length === 0) return fail('FORBIDDEN', '仅街道综治中心或管理员可查看')
  const tree = await d.orgTree()
  const within = input.street ? units.filter((u) => tree.isWithin(input.street!, u)).map(() => input.street!) : units
  if (within.length === 0) return fail('FORBIDDEN', '该街道不在您的管辖范围内')
  const grids = gridsOf(tree, within)
  const all = await d.store.buildingsInGrids(grids)
  const list = await views(d, all, await countsBy(d, { gridCodes: grids }))
  return { ok: true as const, buildings: list.filter((b) => b.inspectionState === 'overdue' || b.inspectionState === 'never') }
}
