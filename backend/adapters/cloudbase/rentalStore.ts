/**
 * CloudBase side of the rental ports. Transactions take doc-by-id operations only, so creates
 * are made idempotent by a claim document in jf_idempotency (as announcements are); reads are
 * indexed queries (indexes.ts). Documents map to port types here.
 */
import type { CollectionReference, Db } from '@cloudbase/database'
import type { AuditEntry, Building, FireInspection, RegistrationSecret } from '../../rentalPorts'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { CorruptDocumentError, instant, withoutId, type Doc } from './mappers'
import { checked, compoundId, conflict, docsOf } from './documents'

type Coll = (name: 'buildings' | 'fire_inspections' | 'registration_secrets' | 'audit_log' | 'idempotency') => CollectionReference

const str = (d: Doc, k: string): string => {
  const v = d[k]
  if (typeof v !== 'string') throw new CorruptDocumentError('rental', String(d._id), k)
  return v
}
const strOrNull = (d: Doc, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

export const buildingToDoc = (b: Building): Doc => ({
  _id: b.id,
  code: b.code,
  name: b.name,
  address: b.address,
  location: { lng: b.location.lng, lat: b.location.lat },
  gridCode: b.gridCode,
  floors: b.floors,
  rooms: [...b.rooms],
  managerId: b.managerId,
  creatorId: b.creatorId,
  idempotencyKey: b.idempotencyKey,
  createdAt: instant(b.createdAt),
  lastInspectionAt: b.lastInspectionAt === null ? null : instant(b.lastInspectionAt),
})

export function docToBuilding(d: Doc): Building {
  const loc = (d.location ?? {}) as { lng?: unknown; lat?: unknown }
  return {
    id: str(d, '_id'),
    code: str(d, 'code'),
    name: str(d, 'name'),
    address: str(d, 'address'),
    location: { lng: Number(loc.lng), lat: Number(loc.lat) },
    gridCode: str(d, 'gridCode'),
    floors: Number(d.floors),
    rooms: strings(d.rooms),
    managerId: str(d, 'managerId'),
    creatorId: str(d, 'creatorId'),
    idempotencyKey: str(d, 'idempotencyKey'),
    createdAt: str(d, 'createdAt'),
    lastInspectionAt: strOrNull(d, 'lastInspectionAt'),
  }
}

const inspectionToDoc = (i: FireInspection): Doc => ({
  _id: i.id,
  buildingId: i.buildingId,
  inspectorId: i.inspectorId,
  idempotencyKey: i.idempotencyKey,
  at: instant(i.at),
  items: i.items.map((x) => ({ code: x.code, passed: x.passed, note: x.note })),
  photos: [...i.photos],
  caseIds: [...i.caseIds],
})

function docToInspection(d: Doc): FireInspection {
  const items = Array.isArray(d.items) ? (d.items as Array<Record<string, unknown>>) : []
  return {
    id: str(d, '_id'),
    buildingId: str(d, 'buildingId'),
    inspectorId: str(d, 'inspectorId'),
    idempotencyKey: str(d, 'idempotencyKey'),
    at: str(d, 'at'),
    items: items.map((x) => ({ code: String(x.code), passed: x.passed === true, note: typeof x.note === 'string' ? x.note : null })),
    photos: strings(d.photos),
    caseIds: strings(d.caseIds),
  }
}

const secretToDoc = (s: RegistrationSecret): Doc => ({
  _id: s.caseId,
  buildingId: s.buildingId,
  docCipher: s.docCipher,
  phoneCipher: s.phoneCipher,
  docHmac: s.docHmac,
  purgedAt: s.purgedAt === null ? null : instant(s.purgedAt),
})

const docToSecret = (d: Doc): RegistrationSecret => ({
  caseId: str(d, '_id'),
  buildingId: str(d, 'buildingId'),
  docCipher: strOrNull(d, 'docCipher'),
  phoneCipher: strOrNull(d, 'phoneCipher'),
  docHmac: strOrNull(d, 'docHmac'),
  purgedAt: strOrNull(d, 'purgedAt'),
})

const auditToDoc = (e: AuditEntry): Doc => ({ _id: e.id, actorId: e.actorId, actorRole: e.actorRole, action: e.action, target: e.target, reason: e.reason, unitCode: e.unitCode, at: instant(e.at) })

const docToAudit = (d: Doc): AuditEntry => ({
  id: str(d, '_id'),
  actorId: str(d, 'actorId'),
  actorRole: str(d, 'actorRole'),
  action: str(d, 'action') as AuditEntry['action'],
  target: str(d, 'target'),
  reason: str(d, 'reason'),
  unitCode: str(d, 'unitCode'),
  at: str(d, 'at'),
})

async function byId(coll: Coll, name: Parameters<Coll>[0], id: string): Promise<Doc | null> {
  const docs = docsOf(await guard(() => coll(name).doc(id).get()))
  return docs[0] ?? null
}

/** Insert-once keyed by a claim document: the retry reads the first record back. */
async function insertOnce<T>(coll: Coll, name: 'buildings' | 'fire_inspections', claim: string, id: string, doc: Doc, read: (d: Doc) => T): Promise<T | null> {
  const held = await byId(coll, 'idempotency', claim)
  if (held) {
    const first = await byId(coll, name, str(held, 'recordId'))
    if (!first) throw new CorruptDocumentError(name, String(held.recordId), '_id')
    return read(first)
  }
  try {
    checked(await coll('idempotency').add({ _id: claim, kind: name, recordId: id }))
  } catch (e) {
    if (isDuplicateWrite(e)) throw conflict(`${name} idempotency key claimed concurrently`, e)
    throw mapCloudbaseError(e)
  }
  checked(await guard(() => coll(name).add(doc)))
  return null
}

// ---- inside a transaction ----

export async function insertBuilding(coll: Coll, b: Building): Promise<Building> {
  return (await insertOnce(coll, 'buildings', compoundId('building', b.creatorId, b.idempotencyKey), b.id, buildingToDoc(b), docToBuilding)) ?? b
}

export async function setBuildingInspected(coll: Coll, buildingId: string, at: string): Promise<void> {
  const d = await byId(coll, 'buildings', buildingId)
  if (!d) return
  const last = strOrNull(d, 'lastInspectionAt')
  if (last !== null && last >= instant(at)) return
  checked(await guard(() => coll('buildings').doc(buildingId).set(withoutId({ ...d, lastInspectionAt: instant(at) }))))
}

export async function insertInspection(coll: Coll, i: FireInspection): Promise<FireInspection> {
  return (await insertOnce(coll, 'fire_inspections', compoundId('inspection', i.inspectorId, i.idempotencyKey), i.id, inspectionToDoc(i), docToInspection)) ?? i
}

export async function putSecret(coll: Coll, s: RegistrationSecret): Promise<void> {
  checked(await guard(() => coll('registration_secrets').doc(s.caseId).set(withoutId(secretToDoc(s)))))
}

export async function getSecret(coll: Coll, caseId: string): Promise<RegistrationSecret | null> {
  const d = await byId(coll, 'registration_secrets', caseId)
  return d ? docToSecret(d) : null
}

export async function appendAudit(coll: Coll, e: AuditEntry): Promise<void> {
  checked(await guard(() => coll('audit_log').add(auditToDoc(e))))
}

const liveId = (docHmac: string) => compoundId('live-document', docHmac)

export async function liveDocumentHolder(coll: Coll, docHmac: string): Promise<string | null> {
  const d = await byId(coll, 'idempotency', liveId(docHmac))
  return d ? strOrNull(d, 'caseId') : null
}

export async function setLiveDocumentHolder(coll: Coll, docHmac: string, caseId: string): Promise<void> {
  checked(await guard(() => coll('idempotency').doc(liveId(docHmac)).set({ kind: 'live-document', caseId })))
}

export async function releaseLiveDocument(coll: Coll, docHmac: string, caseId: string): Promise<void> {
  if ((await liveDocumentHolder(coll, docHmac)) !== caseId) return
  checked(await guard(() => coll('idempotency').doc(liveId(docHmac)).remove()))
}

// ---- reads ----

export async function getBuilding(coll: Coll, id: string): Promise<Building | null> {
  const d = await byId(coll, 'buildings', id)
  return d ? docToBuilding(d) : null
}

export async function getBuildingByCode(coll: Coll, code: string): Promise<Building | null> {
  const docs = docsOf(await guard(() => coll('buildings').where({ code }).limit(1).get()))
  return docs[0] ? docToBuilding(docs[0]) : null
}

export async function buildingsOf(coll: Coll, managerId: string): Promise<Building[]> {
  const docs = docsOf(await guard(() => coll('buildings').where({ managerId }).orderBy('_id', 'asc').limit(500).get()))
  return docs.map(docToBuilding)
}

export async function buildingsInGrids(db: Db, coll: Coll, gridCodes: readonly string[]): Promise<Building[]> {
  if (gridCodes.length === 0) return []
  const docs = docsOf(await guard(() => coll('buildings').where({ gridCode: db.command.in([...gridCodes]) }).orderBy('_id', 'asc').limit(1000).get()))
  return docs.map(docToBuilding)
}

export async function listInspections(coll: Coll, buildingId: string): Promise<FireInspection[]> {
  const docs = docsOf(await guard(() => coll('fire_inspections').where({ buildingId }).orderBy('_id', 'desc').limit(100).get()))
  return docs.map(docToInspection)
}

export async function caseIdsByDocHmac(coll: Coll, docHmac: string): Promise<string[]> {
  const docs = docsOf(await guard(() => coll('registration_secrets').where({ docHmac }).orderBy('_id', 'asc').limit(100).get()))
  return docs.map((d) => str(d, '_id'))
}

export async function listAudit(db: Db, coll: Coll, unitCodes: readonly string[], opts: { before?: string; limit?: number }): Promise<AuditEntry[]> {
  if (unitCodes.length === 0) return []
  const _ = db.command
  const limit = Math.min(100, Math.max(1, Math.floor(opts.limit ?? 20) || 20))
  const where: Record<string, unknown> = { unitCode: _.in([...unitCodes]) }
  if (opts.before !== undefined) where._id = _.lt(opts.before)
  const docs = docsOf(await guard(() => coll('audit_log').where(where).orderBy('_id', 'desc').limit(limit).get()))
  return docs.map(docToAudit)
}
