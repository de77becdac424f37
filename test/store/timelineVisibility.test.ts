/**
 * Timeline rows written before note visibility existed — staff notes included — read as
 * internal notes in both stores: the SQLite migration's column default, the CloudBase mapper's
 * reading of a missing field. A stored value neither store wrote is refused, not guessed.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DB_FILE_NAME, MIGRATIONS, applyMigrations, openSqliteStore } from '../../backend/adapters/sqlite'
import { docToEvent, eventToDoc } from '../../backend/adapters/cloudbase/cases'
import { CorruptDocumentError } from '../../backend/adapters/cloudbase/docs'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { FakeCloudbase } from '../cloudbase/fakeCloudbase'
import { quietSdkRuntime, sdkApp } from '../cloudbase/sdkApp'
import { makeEvent } from '../contract/fixtures'

quietSdkRuntime()

const VISIBILITY_MIGRATION = MIGRATIONS.find((m) => m.name === 'timeline note visibility')!

describe('SQLite: the visibility migration', () => {
  it('turns every stored row, staff notes included, into an internal note', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jf-visibility-'))
    try {
      const db = new Database(path.join(dir, DB_FILE_NAME))
      applyMigrations(db, MIGRATIONS.filter((m) => m.version < VISIBILITY_MIGRATION.version))
      db.prepare(`INSERT INTO cases (id, kind, status, unit_code, grid_code, assignee_id, category, payload, creator_id, idempotency_key, created_at, updated_at, sla_deadline, version)
        VALUES ('c-old', 'report', 'accepted', 'G1', 'G1', NULL, 'HJ01', '{}', 'u1', 'k1', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', NULL, 2)`).run()
      db.prepare(`INSERT INTO timeline (id, case_id, actor_id, actor_role, action, from_status, to_status, note, attachments, at)
        VALUES ('ev-old', 'c-old', 'w1', 'grid_worker', 'accept', 'submitted', 'accepted', '已联系302房陈女士 13800138000', '[]', '2026-11-01T00:00:00.000Z')`).run()
      db.close()
      const store = openSqliteStore(dir)
      try {
        expect(await store.timeline('c-old')).toEqual([
          expect.objectContaining({ id: 'ev-old', note: '已联系302房陈女士 13800138000', visibility: 'internal' }),
        ])
      } finally {
        await store.close()
      }
      const after = new Database(path.join(dir, DB_FILE_NAME))
      try {
        expect(() => after.prepare(`UPDATE timeline SET visibility = 'public'`).run()).toThrow(/append-only/)
        expect(() =>
          after.prepare(`INSERT INTO timeline (id, case_id, actor_id, actor_role, action, to_status, attachments, at, visibility) VALUES ('x', 'c-old', 'a', 'r', 'n', 's', '[]', 't', 'everyone')`).run(),
        ).toThrow(/CHECK/)
      } finally {
        after.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('CloudBase: documents without visibility', () => {
  it('reads a missing field as internal and refuses a value it never writes', () => {
    const { visibility: _dropped, ...old } = eventToDoc(makeEvent({ note: '已联系陈女士' }), 1)
    expect(docToEvent(old).visibility).toBe('internal')
    expect(docToEvent({ ...old, visibility: null }).visibility).toBe('internal')
    expect(docToEvent(eventToDoc(makeEvent({ visibility: 'public' }), 2)).visibility).toBe('public')
    expect(() => docToEvent({ ...old, visibility: 'everyone' })).toThrow(CorruptDocumentError)
  })

  it('serves stored documents of the old shape as internal notes through the real SDK', async () => {
    const fake = new FakeCloudbase()
    await fake.start()
    const app = sdkApp(fake)
    const store = new CloudbaseStore(app.database(), { retryDelayMs: 5, prefix: 'vis_' })
    try {
      await app.database().createCollection('vis_timeline')
      const { visibility: _dropped, ...old } = eventToDoc(makeEvent({ id: 'ev-old', caseId: 'c-old', note: '已联系陈女士 13800138000' }), 1)
      await app.database().collection('vis_timeline').add(old)
      expect(await store.timeline('c-old')).toEqual([expect.objectContaining({ id: 'ev-old', visibility: 'internal' })])
    } finally {
      await store.close()
      await fake.stop()
    }
  })
})
