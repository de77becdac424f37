/**
 * SQLite side of the rental aggregate (migration 5): buildings, fire inspections and the
 * registration vault, with the live-document claims of check-ins.
 */
import type { Building, FireInspection, RegistrationSecret, RentalRepo, RentalTx } from '../../ports'
import { BUILDING_FIELDS, INSPECTION_FIELDS, SECRET_FIELDS } from '../tables'
import { instant, rowMapper, type RowMapper } from './rows'
import { jsonList, type SqliteAccess, type Statements, type TxUse } from './statements'

const buildingRows = rowMapper(BUILDING_FIELDS)
const inspectionRows = rowMapper(INSPECTION_FIELDS)
const secretRows = rowMapper(SECRET_FIELDS)
const UPSERT_SECRET = secretRows.upsertSql('registration_secrets', ['case_id'])

/** Live-document claims share the reservations table under their own creator id (no migration). */
const LIVE_DOCUMENT = 'rental:live-document'

function getSecret(s: Statements, caseId: string): RegistrationSecret | null {
  return secretRows.one(s, 'SELECT * FROM registration_secrets WHERE case_id = ?', caseId)
}

function liveDocumentHolder(s: Statements, docHmac: string): string | null {
  const r = s.get('SELECT case_id FROM idempotency WHERE creator_id = ? AND key = ?').get(LIVE_DOCUMENT, docHmac) as { case_id: string } | undefined
  return r?.case_id ?? null
}

/** Inserts `x`, or returns the record already holding (`who`, idempotency key). */
function insertOnce<T>(s: Statements, table: string, rows: RowMapper<T>, who: string, whoId: string, key: string, x: T): T {
  const first = rows.one(s, `SELECT * FROM ${table} WHERE ${who} = ? AND idempotency_key = ?`, whoId, key)
  if (first) return first
  s.get(rows.insertSql(table)).run(rows.toRow(x))
  return x
}

export function sqliteRentalTx(use: TxUse): RentalTx {
  return {
    insertBuilding: (b: Building) => use((s) => insertOnce(s, 'buildings', buildingRows, 'creator_id', b.creatorId, b.idempotencyKey, b)),
    // Never moves back: a late retry of an older inspection keeps the newest time.
    setBuildingInspected: (buildingId, at) =>
      use((s) => {
        s.get('UPDATE buildings SET last_inspection_at = ? WHERE id = ? AND (last_inspection_at IS NULL OR last_inspection_at < ?)').run(instant(at), buildingId, instant(at))
      }),
    insertInspection: (i: FireInspection) =>
      use((s) => insertOnce(s, 'fire_inspections', inspectionRows, 'inspector_id', i.inspectorId, i.idempotencyKey, i)),
    putSecret: (x) =>
      use((s) => {
        s.get(UPSERT_SECRET).run(secretRows.toRow(x))
      }),
    getSecret: (caseId) => use((s) => getSecret(s, caseId)),
    liveDocumentHolder: (docHmac) => use((s) => liveDocumentHolder(s, docHmac)),
    setLiveDocumentHolder: (docHmac, caseId) =>
      use((s) => {
        s.get('INSERT INTO idempotency (creator_id, key, case_id) VALUES (?, ?, ?) ON CONFLICT (creator_id, key) DO UPDATE SET case_id = excluded.case_id').run(LIVE_DOCUMENT, docHmac, caseId)
      }),
    releaseLiveDocument: (docHmac, caseId) =>
      use((s) => {
        s.get('DELETE FROM idempotency WHERE creator_id = ? AND key = ? AND case_id = ?').run(LIVE_DOCUMENT, docHmac, caseId)
      }),
  }
}

export function sqliteRental(db: SqliteAccess): RentalRepo {
  const building = (method: string, sql: string, param: string) =>
    db.read(method, (s) => buildingRows.one(s, sql, param))
  return {
    getBuilding: (id) => building('getBuilding', 'SELECT * FROM buildings WHERE id = ?', id),
    getBuildingByCode: (code) => building('getBuildingByCode', 'SELECT * FROM buildings WHERE code = ?', code),
    buildingsOf: (managerId) =>
      db.read('buildingsOf', (s) => buildingRows.all(s, 'SELECT * FROM buildings WHERE manager_id = ? ORDER BY id LIMIT 500', managerId)),
    buildingsInGrids: (gridCodes) =>
      db.read('buildingsInGrids', (s) => {
        if (gridCodes.length === 0) return []
        return buildingRows.all(s, 'SELECT * FROM buildings WHERE grid_code IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 2000', jsonList(gridCodes))
      }),
    listInspections: (buildingId) =>
      db.read('listInspections', (s) =>
        inspectionRows.all(s, 'SELECT * FROM fire_inspections WHERE building_id = ? ORDER BY id DESC LIMIT 100', buildingId),
      ),
    getSecret: (caseId) => db.read('getSecret', (s) => getSecret(s, caseId)),
    caseIdsByDocHmac: (docHmac) =>
      db.read('caseIdsByDocHmac', (s) =>
        (s.get('SELECT case_id FROM registration_secrets WHERE doc_hmac = ? ORDER BY case_id LIMIT 100').all(docHmac) as Array<{ case_id: string }>).map((r) => r.case_id),
      ),
  }
}
