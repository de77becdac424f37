import type Database from 'better-sqlite3'
import { dirname } from 'node:path'
import { registerPiiFunctions } from './piiFunctions'

export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * Schema history. Append new entries; never edit an applied one (its name is checked on
 * open so an edited history fails loudly instead of silently diverging).
 *
 * Instants are stored as canonical `Date#toISOString()` text (the mappers normalise), so
 * text comparison and ordering equal time order and indexes serve range queries.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE cases (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  status          TEXT NOT NULL,
  unit_code       TEXT NOT NULL,
  grid_code       TEXT,
  assignee_id     TEXT,
  category        TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  creator_id      TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  sla_deadline    TEXT,
  version         INTEGER NOT NULL,
  UNIQUE (creator_id, idempotency_key)
) STRICT;

-- "My cases": creator's list, newest first.
CREATE INDEX cases_by_creator ON cases (creator_id, id DESC);
-- Grid worker / street queues ordered by deadline.
CREATE INDEX cases_by_grid_status_sla ON cases (grid_code, status, sla_deadline);
CREATE INDEX cases_by_unit_status_sla ON cases (unit_code, status, sla_deadline);
-- "Assigned to me".
CREATE INDEX cases_by_assignee_status ON cases (assignee_id, status);

-- Reservations of (creator, key) made by claimIdempotency. Kept apart from cases so a claim
-- is possible before the case row exists and is undone with its transaction.
CREATE TABLE idempotency (
  creator_id TEXT NOT NULL,
  key        TEXT NOT NULL,
  case_id    TEXT NOT NULL,
  PRIMARY KEY (creator_id, key)
) STRICT, WITHOUT ROWID;

-- seq gives append order; the text id is the event's identity.
CREATE TABLE timeline (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  case_id     TEXT NOT NULL REFERENCES cases (id),
  actor_id    TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  note        TEXT,
  attachments TEXT NOT NULL CHECK (json_valid(attachments)),
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX timeline_by_case ON timeline (case_id, seq);

-- The timeline is the audit trail: rows are never changed or removed.
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  phone      TEXT,
  openid     TEXT UNIQUE,
  grants     TEXT NOT NULL CHECK (json_valid(grants)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE units (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL,
  parent_code TEXT,
  polygon     TEXT CHECK (polygon IS NULL OR json_valid(polygon)),
  phone       TEXT
) STRICT;

CREATE TABLE files (
  id           TEXT PRIMARY KEY,
  owner_id     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  storage_key  TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

-- seq breaks ties between messages created in the same millisecond (insertion order).
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  topic           TEXT NOT NULL,
  key             TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at    TEXT,
  last_error      TEXT
) STRICT;
-- Due scan, and "oldest undelivered of this key" for per-key ordering.
CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);
CREATE INDEX outbox_by_key ON outbox (key, delivered_at, created_at, seq);
`,
  },
  {
    version: 2,
    name: 'inbox, follows, subscribe quota, staff grants, case filter indexes',
    sql: `
-- Department queue and stats filter on payload.department. An expression index rather than a
-- column: existing rows are covered without a backfill and the payload stays the one source.
-- Queries must spell the expression exactly like this (caseQuery.ts DEPARTMENT_EXPR).
CREATE INDEX cases_by_department ON cases (json_extract(payload, '$.department'), status, sla_deadline);
-- Overdue filter (sla_deadline < now) outside a grid/unit; undated cases are never overdue.
CREATE INDEX cases_by_sla ON cases (sla_deadline, id) WHERE sla_deadline IS NOT NULL;
-- Date-range filters (createdAfter / createdBefore) of lists and stats.
CREATE INDEX cases_by_created ON cases (created_at);

-- 站内信. Ids are '<ULID>-<userId>', so id order within a user is time order.
CREATE TABLE inbox (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL,
  case_id    TEXT,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at    TEXT
) STRICT;
CREATE INDEX inbox_by_user ON inbox (user_id, id DESC);
CREATE INDEX inbox_unread ON inbox (user_id, id) WHERE read_at IS NULL;

-- No foreign key to cases: the port does not ask for one and CloudBase could not enforce it.
CREATE TABLE follows (
  case_id    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (case_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX follows_by_case_time ON follows (case_id, created_at, user_id);

-- One row per (role, unit) a user holds, kept by putUser in step with users.grants, so
-- listStaff is an index lookup rather than a scan of every user's JSON.
CREATE TABLE user_grants (
  role      TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  user_id   TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (role, unit_code, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_grants_by_user ON user_grants (user_id);
INSERT OR IGNORE INTO user_grants (role, unit_code, user_id)
  SELECT json_extract(g.value, '$.role'), json_extract(g.value, '$.unitCode'), u.id
  FROM users u, json_each(u.grants) g
  WHERE json_type(g.value, '$.role') = 'text' AND json_type(g.value, '$.unitCode') = 'text';

CREATE TABLE subscribe_quota (
  user_id     TEXT NOT NULL,
  template_id TEXT NOT NULL,
  remaining   INTEGER NOT NULL CHECK (remaining >= 0),
  PRIMARY KEY (user_id, template_id)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 3,
    name: 'case message threads, follows by user',
    sql: `
-- Mediation threads: append-only like the timeline, read oldest first per case.
CREATE TABLE messages (
  id        TEXT PRIMARY KEY,
  case_id   TEXT NOT NULL REFERENCES cases (id),
  author_id TEXT NOT NULL,
  author_role TEXT NOT NULL,
  text      TEXT NOT NULL,
  photos    TEXT NOT NULL CHECK (json_valid(photos)),
  at        TEXT NOT NULL
) STRICT;
CREATE INDEX messages_by_case ON messages (case_id, id);
CREATE TRIGGER messages_no_update BEFORE UPDATE ON messages BEGIN SELECT RAISE(ABORT, 'messages are append-only'); END;
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages BEGIN SELECT RAISE(ABORT, 'messages are append-only'); END;
-- "Cases I follow" (a respondent's mediations).
CREATE INDEX follows_by_user ON follows (user_id, created_at DESC);
`,
  },
  {
    version: 4,
    name: 'grid boards, memberships, announcements',
    sql: `
-- 网格信息公示牌: one per grid; team, services and the group QR are small JSON values.
CREATE TABLE grid_boards (
  grid_code    TEXT PRIMARY KEY,
  scope        TEXT NOT NULL,
  households   INTEGER NOT NULL,
  team         TEXT NOT NULL CHECK (json_valid(team)),
  services     TEXT NOT NULL CHECK (json_valid(services)),
  office_hours TEXT NOT NULL,
  join_policy  TEXT NOT NULL,
  qr           TEXT CHECK (qr IS NULL OR json_valid(qr)),
  updated_at   TEXT NOT NULL
) STRICT;

-- One row per (grid, user), its status moving requested -> joined / refused -> left.
CREATE TABLE memberships (
  grid_code    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  status       TEXT NOT NULL,
  building     TEXT,
  requested_at TEXT NOT NULL,
  decided_at   TEXT,
  decided_by   TEXT,
  PRIMARY KEY (grid_code, user_id)
) STRICT, WITHOUT ROWID;
-- A grid's pending requests / roster, oldest request first; and its counts.
CREATE INDEX memberships_by_grid_status ON memberships (grid_code, status, requested_at);
-- "My groups".
CREATE INDEX memberships_by_user ON memberships (user_id, requested_at);

-- An announcement is stored once however many grids it reaches; the UNIQUE constraint makes
-- a retried publish (same author, same key) find the first instead of adding another.
CREATE TABLE announcements (
  id              TEXT PRIMARY KEY,
  author_id       TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  type            TEXT NOT NULL,
  title           TEXT NOT NULL,
  body            TEXT NOT NULL,
  grid_codes      TEXT NOT NULL CHECK (json_valid(grid_codes)),
  scope_label     TEXT NOT NULL,
  published_at    TEXT NOT NULL,
  UNIQUE (author_id, idempotency_key)
) STRICT;
-- "Published by me", newest first.
CREATE INDEX announcements_by_author ON announcements (author_id, id DESC);

-- One row per (grid, announcement): "newest announcements of these grids" is an index range
-- per grid, never a scan of JSON arrays. type is copied so the type filter is indexed too.
CREATE TABLE announcement_targets (
  grid_code       TEXT NOT NULL,
  announcement_id TEXT NOT NULL REFERENCES announcements (id),
  type            TEXT NOT NULL,
  PRIMARY KEY (grid_code, announcement_id DESC)
) STRICT, WITHOUT ROWID;
CREATE INDEX announcement_targets_by_type ON announcement_targets (grid_code, type, announcement_id DESC);

-- Read marks, written only when a member opens an announcement; the first read stands.
CREATE TABLE announcement_reads (
  announcement_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  read_at         TEXT NOT NULL,
  PRIMARY KEY (announcement_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX announcement_reads_by_user ON announcement_reads (user_id, announcement_id);
`,
  },
  {
    version: 5,
    name: 'rental buildings, fire inspections, registration vault, audit log',
    sql: `
-- 出租屋: the public code is what the QR carries; (creator, key) makes registration idempotent.
CREATE TABLE buildings (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  address            TEXT NOT NULL,
  lng                REAL NOT NULL,
  lat                REAL NOT NULL,
  grid_code          TEXT NOT NULL,
  floors             INTEGER NOT NULL,
  rooms              TEXT NOT NULL CHECK (json_valid(rooms)),
  manager_id         TEXT NOT NULL,
  creator_id         TEXT NOT NULL,
  idempotency_key    TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  last_inspection_at TEXT,
  UNIQUE (creator_id, idempotency_key)
) STRICT;
CREATE INDEX buildings_by_manager ON buildings (manager_id, id);
CREATE INDEX buildings_by_grid ON buildings (grid_code, id);

CREATE TABLE fire_inspections (
  id              TEXT PRIMARY KEY,
  building_id     TEXT NOT NULL REFERENCES buildings (id),
  inspector_id    TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  at              TEXT NOT NULL,
  items           TEXT NOT NULL CHECK (json_valid(items)),
  photos          TEXT NOT NULL CHECK (json_valid(photos)),
  case_ids        TEXT NOT NULL CHECK (json_valid(case_ids)),
  UNIQUE (inspector_id, idempotency_key)
) STRICT;
CREATE INDEX fire_inspections_by_building ON fire_inspections (building_id, id DESC);

-- The vault: ciphertexts (AES-256-GCM, key outside the database) and a keyed hash for exact
-- matches; nothing here is readable without the configured key. Nulled by the purge.
CREATE TABLE registration_secrets (
  case_id      TEXT PRIMARY KEY REFERENCES cases (id),
  building_id  TEXT NOT NULL,
  doc_cipher   TEXT,
  phone_cipher TEXT,
  doc_hmac     TEXT,
  purged_at    TEXT
) STRICT;
CREATE INDEX registration_secrets_by_hmac ON registration_secrets (doc_hmac) WHERE doc_hmac IS NOT NULL;

-- Who read personal data, when, which record and why: rows are never changed or removed.
CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY,
  actor_id   TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  reason     TEXT NOT NULL,
  unit_code  TEXT NOT NULL,
  at         TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_unit ON audit_log (unit_code, id DESC);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
  },
  {
    version: 6,
    name: 'staff invitations, district configuration versions',
    sql: `
-- One-time staff invitations; only the code's SHA-256 is stored.
CREATE TABLE invitations (
  id          TEXT PRIMARY KEY,
  code_hash   TEXT NOT NULL UNIQUE,
  user_id     TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  used_by     TEXT,
  revoked_at  TEXT
) STRICT;
CREATE INDEX invitations_by_user ON invitations (user_id, id DESC);

-- The district configuration as edited in the console; the newest version is the one in force.
CREATE TABLE config_versions (
  version    INTEGER PRIMARY KEY,
  config     TEXT NOT NULL CHECK (json_valid(config)),
  changes    TEXT NOT NULL CHECK (json_valid(changes)),
  author_id  TEXT NOT NULL,
  at         TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 7,
    name: 'rate limit counters; append-only rows cannot be replaced',
    sql: `
-- INSERT OR REPLACE removes the old row without firing DELETE triggers (recursive_triggers is off),
-- so the append-only tables also refuse an insert whose id is already there.
CREATE TRIGGER timeline_no_replace BEFORE INSERT ON timeline WHEN EXISTS (SELECT 1 FROM timeline WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
CREATE TRIGGER messages_no_replace BEFORE INSERT ON messages WHEN EXISTS (SELECT 1 FROM messages WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'messages are append-only'); END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Fixed-window create counters per (identity, action): one row holds the current window, and a
-- hit in a newer window restarts it (backend/adapters/sqlite/rateLimitStore.ts).
CREATE TABLE rate_counters (
  subject      TEXT NOT NULL,
  action       TEXT NOT NULL,
  window_start TEXT NOT NULL,
  hits         INTEGER NOT NULL CHECK (hits > 0),
  PRIMARY KEY (subject, action)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 8,
    name: 'covering queue index by grid',
    sql: `
-- A queue page sorts its scope's matching cases by deadline. With the id (the order's tie-break)
-- and the kind in the index, that sort reads index entries only and just the page's 20 rows come
-- from the table (caseQuery.ts listSql). It starts with the old index's columns, which it replaces.
CREATE INDEX cases_queue_by_grid ON cases (grid_code, status, sla_deadline, id, kind);
DROP INDEX cases_by_grid_status_sla;
`,
  },
  {
    version: 9,
    name: 'staff web sign-in binding',
    sql: `
-- The CloudBase user id of a staff member's H5 desk sign-in, bound with an invitation like the
-- OPENID. ADD COLUMN cannot carry UNIQUE, so the index does (NULLs do not collide).
ALTER TABLE users ADD COLUMN web_uid TEXT;
CREATE UNIQUE INDEX users_by_web_uid ON users (web_uid);
`,
  },
  {
    version: 10,
    name: 'timeline note visibility',
    sql: `
-- Public update (公开回复) or internal note. Every row written before this existed, staff notes
-- included, becomes internal: nothing old turns public without a staff member choosing so.
ALTER TABLE timeline ADD COLUMN visibility TEXT NOT NULL DEFAULT 'internal' CHECK (visibility IN ('public', 'internal'));
`,
  },
  {
    version: 11,
    name: 'mediation phones sealed',
    sql: `
-- Mediation parties' phones were kept in clear in the case payload. Each becomes phoneSealed (the
-- PII vault's AES-GCM, the case id as associated data) and phoneHash (keyed hash of its digits,
-- namespace 'mediation-phone', as backend/usecases/mediation/phones.ts computes it); the clear
-- field goes. applyMigrations registers jf_pii_* (piiFunctions.ts); secure_delete and the
-- checkpoint after migrating leave no old copy in the file or the WAL.
UPDATE cases SET payload = json_set(payload, '$.parties', (
  SELECT json_group_array(json(CASE WHEN json_type(p.value, '$.phone') = 'text'
    THEN json_remove(json_set(json(p.value),
      '$.phoneSealed', jf_pii_seal(json_extract(p.value, '$.phone'), cases.id),
      '$.phoneHash', jf_pii_hash('mediation-phone', replace(replace(json_extract(p.value, '$.phone'), '-', ''), ' ', ''))), '$.phone')
    ELSE p.value END) ORDER BY p.key)
  FROM json_each(cases.payload, '$.parties') AS p))
WHERE kind = 'mediation'
  AND EXISTS (SELECT 1 FROM json_each(cases.payload, '$.parties') AS q WHERE json_type(q.value, '$.phone') = 'text');
`,
  },
  {
    version: 12,
    name: 'upload tickets',
    sql: `
-- Direct uploads to cloud storage (files.ticket → files.register): which caller may register which
-- path, until when, and whether it has been. The path is kept as its hash only.
CREATE TABLE upload_tickets (
  path_hash  TEXT PRIMARY KEY,
  owner_id   TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX upload_tickets_by_expiry ON upload_tickets (expires_at);
`,
  },
]

interface AppliedRow {
  version: number
  name: string
}

/**
 * Applies the migrations not yet recorded, in order, in one IMMEDIATE transaction (so two
 * processes opening the same file at once cannot both apply them). Returns the versions
 * applied now; an up-to-date database returns [].
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw new Error(`migration versions must increase: ${migrations[i - 1].version} then ${migrations[i].version}`)
    }
  }
  // Migrations that seal data kept in clear call the vault (the key of the database's data directory).
  registerPiiFunctions(db, dirname(db.name))
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)

  const run = db.transaction((): number[] => {
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[]
    const known = new Map(migrations.map((m) => [m.version, m]))
    for (const row of applied) {
      const m = known.get(row.version)
      if (!m) throw new Error(`database has migration ${row.version} (${row.name}) unknown to this code; refusing to open`)
      if (m.name !== row.name) throw new Error(`migration ${row.version} was applied as "${row.name}" but is now "${m.name}"`)
    }
    const done = new Set(applied.map((r) => r.version))
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    const now: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      db.exec(m.sql)
      record.run(m.version, m.name, new Date().toISOString())
      now.push(m.version)
    }
    return now
  })
  return run.immediate()
}
