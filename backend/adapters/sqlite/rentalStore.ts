/**
 * SQLite side of the rental ports (migration 5). Plain functions over a statement cache so the
 * store and its transactions wire them in with one line each; rows map to port types here.
 */
import type Database from 'better-sqlite3'
import type { AuditEntry, Building, FireInspection, RegistrationSecret } from '../../rentalPorts'
import { jsonList } from './caseQuery'
import { instant } from './mappers'

export interface Statements {
  get(sql: string): Database.Statement
}

interface BuildingRow {
  id: string
  code: string
  name: string
  address: string
  lng: number
  lat: number
  grid_code: string
  floors: number
  rooms: string
  manager_id: string
  creator_id: string
  idempotency_key: string
  created_at: string
  last_inspection_at: string | null
}

interface InspectionRow {
  id: string
  building_id: string
  inspector_id: string
  idempotency_key: string
  at: string
  items: string
  photos: string
  case_ids: string
}

interface SecretRow {
  case_id: string
  building_id: string
  doc_cipher: string | null
  phone_cipher: string | null
  doc_hmac: string | null
  purged_at: string | null
}

interface AuditRow {
  id: string
  actor_id: string
  actor_role: string
  action: string
  target: string
  reason: string
  unit_code: string
  at: string
}

const toBuilding = (r: BuildingRow): Building => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  location: { lng: r.lng, lat: r.lat },
  gridCode: r.grid_code,
  floors: r.floors,
  rooms: JSON.parse(r.rooms) as string[],
  managerId: r.manager_id,
  creatorId: r.creator_id,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
  lastInspectionAt: r.last_inspection_at,
})

const toInspection = (r: InspectionRow): FireInspection => ({
  id: r.id,
  buildingId: r.building_id,
  inspectorId: r.inspector_id,
  idempotencyKey: r.idempotency_key,
  at: r.at,
  items: JSON.parse(r.items) as FireInspection['items'],
  photos: JSON.parse(r.photos) as string[],
  caseIds: JSON.parse(r.case_ids) as string[],
})

const toSecret = (r: SecretRow): RegistrationSecret => ({
  caseId: r.case_id,
  buildingId: r.building_id,
  docCipher: r.doc_cipher,
  phoneCipher: r.phone_cipher,
  docHmac: r.doc_hmac,
  purgedAt: r.purged_at,
})

const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action as AuditEntry['action'],
  target: r.target,
  reason: r.reason,
  unitCode: r.unit_code,
  at: r.at,
})

// ---- writes (inside a transaction) ----

export function insertBuilding(s: Statements, b: Building): Building {
  const first = s.get('SELECT * FROM buildings WHERE creator_id = ? AND idempotency_key = ?').get(b.creatorId, b.idempotencyKey) as BuildingRow | undefined
  if (first) return toBuilding(first)
  s.get(
    `INSERT INTO buildings (id, code, name, address, lng, lat, grid_code, floors, rooms, manager_id, creator_id, idempotency_key, created_at, last_inspection_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(b.id, b.code, b.name, b.address, b.location.lng, b.location.lat, b.gridCode, b.floors, JSON.stringify(b.rooms), b.managerId, b.creatorId, b.idempotencyKey, instant(b.createdAt), b.lastInspectionAt === null ? null : instant(b.lastInspectionAt))
  return b
}

export function setBuildingInspected(s: Statements, buildingId: string, at: string): void {
  // Never moves back: a late retry of an older inspection keeps the newest time.
  s.get('UPDATE buildings SET last_inspection_at = ? WHERE id = ? AND (last_inspection_at IS NULL OR last_inspection_at < ?)').run(instant(at), buildingId, instant(at))
}

export function insertInspection(s: Statements, i: FireInspection): FireInspection {
  const first = s.get('SELECT * FROM fire_inspections WHERE inspector_id = ? AND idempotency_key = ?').get(i.inspectorId, i.idempotencyKey) as InspectionRow | undefined
  if (first) return toInspection(first)
  s.get('INSERT INTO fire_inspections (id, building_id, inspector_id, idempotency_key, at, items, photos, case_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    i.id, i.buildingId, i.inspectorId, i.idempotencyKey, instant(i.at), JSON.stringify(i.items), JSON.stringify(i.photos), JSON.stringify(i.caseIds),
  )
  return i
}

export function putSecret(s: Statements, x: RegistrationSecret): void {
  s.get(
    `INSERT INTO registration_secrets (case_id, building_id, doc_cipher, phone_cipher, doc_hmac, purged_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (case_id) DO UPDATE SET building_id = excluded.building_id, doc_cipher = excluded.doc_cipher,
       phone_cipher = excluded.phone_cipher, doc_hmac = excluded.doc_hmac, purged_at = excluded.purged_at`,
  ).run(x.caseId, x.buildingId, x.docCipher, x.phoneCipher, x.docHmac, x.purgedAt === null ? null : instant(x.purgedAt))
}

export function appendAudit(s: Statements, e: AuditEntry): void {
  s.get('INSERT INTO audit_log (id, actor_id, actor_role, action, target, reason, unit_code, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.id, e.actorId, e.actorRole, e.action, e.target, e.reason, e.unitCode, instant(e.at),
  )
}

/** Live-document claims share the reservations table under their own creator id (no migration). */
const LIVE_DOCUMENT = 'rental:live-document'

export function liveDocumentHolder(s: Statements, docHmac: string): string | null {
  const r = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(LIVE_DOCUMENT, docHmac) as { case_id: string } | undefined
  return r?.case_id ?? null
}

export function setLiveDocumentHolder(s: Statements, docHmac: string, caseId: string): void {
  s.get('INSERT INTO idempotency (creator_id, key, case_id) VALUES (?, ?, ?) ON CONFLICT (creator_id, key) DO UPDATE SET case_id = excluded.case_id').run(LIVE_DOCUMENT, docHmac, caseId)
}

export function releaseLiveDocument(s: Statements, docHmac: string, caseId: string): void {
  s.get('DELETE FROM idempotency WHERE creator_id = ? AND key = ? AND case_id = ?').run(LIVE_DOCUMENT, docHmac, caseId)
}

// ---- reads ----

export function getSecret(s: Statements, caseId: string): RegistrationSecret | null {
  const r = s.get('SELECT * FROM registration_secrets WHERE case_id = ?').get(caseId) as SecretRow | undefined
  return r ? toSecret(r) : null
}

export function getBuilding(s: Statements, id: string): Building | null {
  const r = s.get('SELECT * FROM buildings WHERE id = ?').get(id) as BuildingRow | undefined
  return r ? toBuilding(r) : null
}

export function getBuildingByCode(s: Statements, code: string): Building | null {
  const r = s.get('SELECT * FROM buildings WHERE code = ?').get(code) as BuildingRow | undefined
  return r ? toBuilding(r) : null
}

export function buildingsOf(s: Statements, managerId: string): Building[] {
  return (s.get('SELECT * FROM buildings WHERE manager_id = ? ORDER BY id LIMIT 500').all(managerId) as BuildingRow[]).map(toBuilding)
}

export function buildingsInGrids(s: Statements, gridCodes: readonly string[]): Building[] {
  if (gridCodes.length === 0) return []
  const rows = s.get('SELECT * FROM buildings WHERE grid_code IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 2000').all(jsonList(gridCodes)) as BuildingRow[]
  return rows.map(toBuilding)
}

export function listInspections(s: Statements, buildingId: string): FireInspection[] {
  return (s.get('SELECT * FROM fire_inspections WHERE building_id = ? ORDER BY id DESC LIMIT 100').all(buildingId) as InspectionRow[]).map(toInspection)
}

export function caseIdsByDocHmac(s: Statements, docHmac: string): string[] {
  const rows = s.get('SELECT case_id FROM registration_secrets WHERE doc_hmac = ? ORDER BY case_id LIMIT 100').all(docHmac) as Array<{ case_id: string }>
  return rows.map((r) => r.case_id)
}

export function listAudit(s: Statements, unitCodes: readonly string[], opts: { before?: string; limit?: number }): AuditEntry[] {
  if (unitCodes.length === 0) return []
  const limit = Math.min(100, Math.max(1, Math.floor(opts.limit ?? 20) || 20))
  const rows = s
    .get('SELECT * FROM audit_log WHERE unit_code IN (SELECT value FROM json_each(?)) AND id < ? ORDER BY id DESC LIMIT ?')
    .all(jsonList(unitCodes), opts.before ?? '\uffff', limit) as AuditRow[]
  return rows.map(toAudit)
}
