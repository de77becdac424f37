/**
 * CloudBase side of the rental aggregate. Transactions take doc-by-id operations only, so
 * creates are made idempotent by a claim document in jf_idempotency (as announcements are);
 * reads are indexed queries (indexes.ts).
 */
import type { RentalRepo, RentalTx } from '../../ports'
import { BUILDING_FIELDS, INSPECTION_FIELDS, SECRET_FIELDS } from '../tables'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { byId, checked, compoundId, conflict, docsOf, type CloudbaseAccess, type Coll } from './db'
import { CorruptDocumentError, docMapper, instant, withoutId, type Doc, type DocMapper } from './docs'

const buildingDocs = docMapper('jf_buildings', BUILDING_FIELDS, 'id')
const inspectionDocs = docMapper('jf_fire_inspections', INSPECTION_FIELDS, 'id')
const secretDocs = docMapper('jf_registration_secrets', SECRET_FIELDS, 'caseId')

const textOrNull = (d: Doc, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null)

/** Insert-once keyed by a claim document: the retry reads the first record back. */
async function insertOnce<T extends { id: string }>(coll: Coll, name: 'buildings' | 'fire_inspections', docs: DocMapper<T>, claim: string, x: T): Promise<T> {
  const held = await byId(coll, 'idempotency', claim)
  if (held) {
    if (typeof held.recordId !== 'string') throw new CorruptDocumentError(name, String(held._id), 'recordId')
    const first = await byId(coll, name, held.recordId)
    if (!first) throw new CorruptDocumentError(name, String(held.recordId), '_id')
    return docs.fromDoc(first)
  }
  try {
    checked(await coll('idempotency').add({ _id: claim, kind: name, recordId: x.id }))
  } catch (e) {
    if (isDuplicateWrite(e)) throw conflict(`${name} idempotency key claimed concurrently`, e)
    throw mapCloudbaseError(e)
  }
  checked(await guard(() => coll(name).add(docs.toDoc(x))))
  return x
}

const liveId = (docHmac: string) => compoundId('live-document', docHmac)

async function liveDocumentHolder(coll: Coll, docHmac: string): Promise<string | null> {
  const d = await byId(coll, 'idempotency', liveId(docHmac))
  return d ? textOrNull(d, 'caseId') : null
}

async function getSecret(coll: Coll, caseId: string) {
  const d = await byId(coll, 'registration_secrets', caseId)
  return d ? secretDocs.fromDoc(d) : null
}

export function cloudbaseRentalTx(coll: Coll): RentalTx {
  return {
    insertBuilding: (b) => insertOnce(coll, 'buildings', buildingDocs, compoundId('building', b.creatorId, b.idempotencyKey), b),
    async setBuildingInspected(buildingId, at) {
      const d = await byId(coll, 'buildings', buildingId)
      if (!d) return
      const last = textOrNull(d, 'lastInspectionAt')
      if (last !== null && last >= instant(at)) return
      checked(await guard(() => coll('buildings').doc(buildingId).set(withoutId({ ...d, lastInspectionAt: instant(at) }))))
    },
    insertInspection: (i) => insertOnce(coll, 'fire_inspections', inspectionDocs, compoundId('inspection', i.inspectorId, i.idempotencyKey), i),
    putSecret: async (s) => void checked(await guard(() => coll('registration_secrets').doc(s.caseId).set(withoutId(secretDocs.toDoc(s))))),
    getSecret: (caseId) => getSecret(coll, caseId),
    liveDocumentHolder: (docHmac) => liveDocumentHolder(coll, docHmac),
    setLiveDocumentHolder: async (docHmac, caseId) =>
      void checked(await guard(() => coll('idempotency').doc(liveId(docHmac)).set({ kind: 'live-document', caseId }))),
    async releaseLiveDocument(docHmac, caseId) {
      if ((await liveDocumentHolder(coll, docHmac)) !== caseId) return
      checked(await guard(() => coll('idempotency').doc(liveId(docHmac)).remove()))
    },
  }
}

export function cloudbaseRental(c: CloudbaseAccess): RentalRepo {
  const buildings = async (where: Record<string, unknown>, limit: number) =>
    docsOf(await guard(() => c.coll('buildings').where(where).orderBy('_id', 'asc').limit(limit).get())).map(buildingDocs.fromDoc)
  return {
    async getBuilding(id) {
      const d = await byId(c.coll, 'buildings', id)
      return d ? buildingDocs.fromDoc(d) : null
    },
    async getBuildingByCode(code) {
      const docs = docsOf(await guard(() => c.coll('buildings').where({ code }).limit(1).get()))
      return docs[0] ? buildingDocs.fromDoc(docs[0]) : null
    },
    buildingsOf: (managerId) => buildings({ managerId }, 500),
    async buildingsInGrids(gridCodes) {
      if (gridCodes.length === 0) return []
      return buildings({ gridCode: c.db.command.in([...gridCodes]) }, 1000)
    },
    async listInspections(buildingId) {
      const docs = docsOf(await guard(() => c.coll('fire_inspections').where({ buildingId }).orderBy('_id', 'desc').limit(100).get()))
      return docs.map(inspectionDocs.fromDoc)
    },
    getSecret: (caseId) => getSecret(c.coll, caseId),
    async caseIdsByDocHmac(docHmac) {
      const docs = docsOf(await guard(() => c.coll('registration_secrets').where({ docHmac }).orderBy('_id', 'asc').limit(100).get()))
      return docs.map((d) => String(d._id))
    },
  }
}
