/** Schema history, versions 1–4: cases, timeline, users, outbox, inbox, follows, threads and the grid tables. Never edit an applied entry. */

/** One step of the schema history; `name` is checked on open, so an applied step cannot be edited unnoticed. */
export interface Migration {
  version: number
  name: string
  sql: string
  /** Work SQL alone cannot do (numbering stored cases with the core's rules), run after `sql` in the same transaction. */
  run?: (db: import('better-sqlite3').Database) => void
}

export const MIGRATIONS_1_TO_4: readonly Migration[] = [
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
]
