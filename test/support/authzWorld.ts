/**
 * The world the authorisation matrix runs in: the demo street (京溪街道, 白云区) and a second
 * district with its own street, grid and staff, so that "other unit" exists for every role; one
 * actor per role; and helpers that place a fresh case (report or mediation) in a given status,
 * created by whom and where a cell needs.
 */
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import { dataDir } from '../../backend/runtime'
import { monotonicFactory } from 'ulid'
import { openReport, type ReportPayload } from '../../src/core/kinds/report'
import type { Case } from '../../src/core/case'
import type { OrgUnit } from '../../src/core/org'
import type { Role } from '../../src/core/roles'
import type { Store, User } from '../../backend/ports'
import type { Building } from '../../backend/ports'
import { DEMO_CITY, DEMO_STREET, gridCode } from '../../backend/seed/demoOrg'
import { GRID1_CODE, GRID1_POINT } from './fixtures'

export type Target = 'own' | 'same-unit' | 'other-unit'
export const TARGETS: readonly Target[] = ['own', 'same-unit', 'other-unit']

export const OTHER_DISTRICT = '440106'
export const OTHER_STREET = '440106001'
export const OTHER_GRID = '440106001001001'
export const GRID2_CODE = gridCode(0, 2)

/** A square far from the demo grids: 天河区 五山街道 in this test world. */
const OTHER_POLYGON = {
  type: 'Polygon' as const,
  coordinates: [[[113.4, 23.2], [113.4045, 23.2], [113.4045, 23.204], [113.4, 23.204], [113.4, 23.2]]],
}
export const OTHER_POINT = { lng: 113.40225, lat: 23.202 }

export function otherUnits(): OrgUnit[] {
  return [
    { code: OTHER_DISTRICT, name: '天河区', level: 'district', parentCode: DEMO_CITY },
    { code: OTHER_STREET, name: '五山街道', level: 'street', parentCode: OTHER_DISTRICT },
    { code: '440106001001', name: '华工社区', level: 'community', parentCode: OTHER_STREET },
    { code: OTHER_GRID, name: '华工社区第1网格', level: 'grid', parentCode: '440106001001', polygon: OTHER_POLYGON },
  ]
}

const at = '2026-01-01T00:00:00.000Z'
export const GRID2_MANAGER_PHONE = '13700009002'
export const OTHER_MANAGER_PHONE = '13700009003'
const u = (id: string, name: string, grants: User['grants'], phone: string | null = null): User => ({ id, name, phone, openid: null, grants, createdAt: at })

/** Staff and residents of the other district. */
export function otherUsers(): User[] {
  return [
    u('other-resident', '其他居民', [{ role: 'resident', unitCode: OTHER_DISTRICT }]),
    u('other-grid-worker', '其他网格员', [{ role: 'grid_worker', unitCode: OTHER_GRID }]),
    u('other-dispatcher', '其他坐席', [{ role: 'dispatcher', unitCode: OTHER_STREET }]),
    u('other-mediator', '其他调解员', [{ role: 'mediator', unitCode: OTHER_STREET, committee: 'family' }]),
    // Phones so that a building table can name them (admin.importBuildings finds managers by phone).
    u('other-manager', '其他楼栋长', [{ role: 'building_manager', unitCode: OTHER_GRID }], OTHER_MANAGER_PHONE),
    u('grid2-manager', '二网格楼栋长', [{ role: 'building_manager', unitCode: GRID2_CODE }], GRID2_MANAGER_PHONE),
  ]
}

/** Rental buildings for the three targets: the demo building (grid 1), one in grid 2, one in the other district. */
export function matrixBuildings(): { same: Building; other: Building } {
  const at = new Date().toISOString()
  const base = { floors: 2, rooms: ['101', '102', '201', '202'], lastInspectionAt: null, createdAt: at }
  return {
    same: { ...base, id: newId(), code: 'GRIDTWO001', name: '二网格出租屋', address: '广州市白云区云景路 40 号', location: { lng: 113.32475, lat: 23.181 }, gridCode: GRID2_CODE, managerId: 'grid2-manager', creatorId: 'grid2-manager', idempotencyKey: newId() },
    other: { ...base, id: newId(), code: 'OTHERBLD01', name: '天河出租屋', address: '广州市天河区五山路 1 号', location: OTHER_POINT, gridCode: OTHER_GRID, managerId: 'other-manager', creatorId: 'other-manager', idempotencyKey: newId() },
  }
}

/** A valid check-in at a building (a fresh document number and phone per serial). */
export function checkInPayload(buildingCode: string, serial: number, key: string) {
  return {
    idempotencyKey: key,
    buildingCode,
    room: '101',
    name: '测试租户',
    docType: 'id_card',
    docNumber: idNumberFor(serial),
    phone: `139${String(10_000_000 + serial).slice(-8)}`,
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  }
}

/** An 18-digit identity number with a valid GB 11643 check digit, distinct per serial. */
export function idNumberFor(serial: number): string {
  const day = String(1 + Math.floor(serial / 1000) % 28).padStart(2, '0')
  const body = `44010619900${1 + (Math.floor(serial / 28000) % 9)}${day}${String(serial % 1000).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((n, ch, i) => n + Number(ch) * weights[i]!, 0)
  return body + '10X98765432'[sum % 11]!
}

/** The actor playing each role: the demo user holding it, placed in the demo street / grid 1. */
export const ACTORS: Record<Role, string> = {
  resident: 'demo-resident',
  tenant: 'demo-tenant',
  building_manager: 'demo-building-manager',
  grid_worker: 'demo-grid-worker',
  mediator: 'demo-mediator',
  dispatcher: 'demo-dispatcher',
  department: 'demo-department',
  police: 'demo-police',
  admin: 'demo-admin',
  helper: 'demo-helper',
  proxy_agent: 'demo-proxy-agent',
}

/** Who created a target case, relative to the actor. */
export function creatorFor(actorId: string, target: Target): string {
  return target === 'own' ? actorId : target === 'same-unit' ? 'demo-resident-2' : 'other-resident'
}

const ulid = monotonicFactory()

/** Eight characters of the invitation alphabet (A–Z, 2–9). */
function inviteSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789'
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')
}
export const newId = () => ulid()

/** A report placed for the target, in `status`, handled by 城管 (so departments have a scope). */
export async function placeReport(store: Store, creatorId: string, target: Target, status: string, patch: Partial<Case> = {}): Promise<Case> {
  const other = target === 'other-unit'
  const now = new Date()
  const payload: ReportPayload = {
    description: '楼下垃圾堆了三天没人清理',
    photos: [],
    location: { ...(other ? OTHER_POINT : GRID1_POINT), address: '测试路 1 号' },
    anonymous: false,
    department: 'chengguan',
    ...(status === 'resolved' ? { resolvedAt: now.toISOString() } : {}),
  } as ReportPayload
  const { case: c, event } = openReport({ id: newId(), eventId: newId(), creatorId, idempotencyKey: newId(), category: 'HJ01', gridCode: other ? OTHER_GRID : GRID1_CODE, now, acceptHours: 24, payload })
  const placed: Case = { ...c, status, ...patch }
  await store.transaction(async (tx) => {
    await tx.insertCase(placed)
    await tx.appendEvent(event)
  })
  return placed
}

/**
 * A mediation case placed for the target, copied from a real application (`template`), in
 * `status`, with the committee and assigned mediator of its street (and `helpers` invited).
 */
/** A party's sealed phone and name are bound to its case: a copy into another case is sealed again for it. */
function resealed(party: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const vault = new Vault(loadPiiKey(process.env, { dataDir: dataDir() })!)
  const again = (k: 'phoneSealed' | 'nameSealed') => (typeof party[k] === 'string' ? { [k]: vault.seal(vault.open(party[k] as string, from), to) } : {})
  return { ...party, ...again('phoneSealed'), ...again('nameSealed') }
}

export async function placeMediation(store: Store, template: Case, creatorId: string, target: Target, status: string, helpers: readonly string[] = []): Promise<Case> {
  const other = target === 'other-unit'
  const now = new Date().toISOString()
  const p = template.payload as Record<string, unknown> & { parties: Array<Record<string, unknown>> }
  const assigned = !['applied', 'rejected'].includes(status)
  const id = newId()
  const c: Case = {
    ...template,
    id,
    // A copy is another case: it takes no number of its own here (two cases never share one).
    number: undefined,
    creatorId,
    idempotencyKey: newId(),
    unitCode: other ? OTHER_STREET : DEMO_STREET,
    status,
    assigneeId: assigned ? (other ? 'other-mediator' : 'demo-mediator') : null,
    payload: {
      ...p,
      committee: assigned ? 'family' : null,
      parties: p.parties.map((x) => resealed(x.side === 'applicant' ? { ...x, userId: creatorId } : { ...x, inviteSecret: inviteSecret() }, template.id, id)),
      agreement: status === 'agreement_pending' || status === 'succeeded' ? { version: 1, terms: ['每月支付 2000 元'], text: '调解协议书', draftedAt: now, confirmations: [] } : p.agreement,
      sessions: [],
      // 协助调解: the helpers a mediator invited into it (the matrix's own helper, where a cell needs one).
      ...(helpers.length ? { helpers: helpers.map((userId) => ({ userId, name: '协助调解人', kind: 'legal_adviser', invitedAt: now })) } : {}),
    },
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  await store.transaction(async (tx) => {
    await tx.insertCase(c)
  })
  return c
}

let phoneSerial = 0
/** A mobile number no one in the matrix world holds yet. */
export const freshPhone = () => `136${String(10_000_000 + ++phoneSerial).slice(-8)}`

/**
 * A staff record made for one cell (a grid worker of `unitCode` by default), so that revoking,
 * inviting or binding it leaves every actor of the matrix as it was.
 */
export async function throwawayStaff(store: Store, unitCode: string, role: Role = 'grid_worker'): Promise<User> {
  const user: User = { id: `tmp-${newId()}`, name: '临时人员', phone: freshPhone(), openid: null, grants: [{ role, unitCode }], createdAt: new Date().toISOString() }
  await store.putUser(user)
  return user
}
