/** Schema history from version 5: rental, onboarding, rate limits and later. Append new entries here; never edit an applied one. */
import { numberStoredCases, rekeyCaseCounters } from './caseNumbers'
import { CASE_COUNTS_SQL, rebuildCaseCounts } from './caseCounts'
import { keyStoredCases } from './caseStreets'
import { COMMITTEE_COUNTS_SQL, rebuildCommitteeCounts } from './committeeCounts'
import { DEPARTMENT_COUNTS_SQL, DEPARTMENT_COUNTS_TABLE, departmentCountTriggersSql, rebuildDepartmentCounts } from './departmentCounts'
import { keptCountTriggers } from './keptCounts'
import type { Migration } from './migrations1to4'

export const MIGRATIONS_5_ON: readonly Migration[] = [
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
  {
    version: 13,
    name: 'user profile and account deletion',
    sql: `
-- 我的: what a person gave about themselves (nickname flag, avatar file, phone sealed with the PII
-- vault, consents to the privacy notice) as one JSON object, and when they deleted their account.
-- Existing users have neither.
ALTER TABLE users ADD COLUMN profile TEXT CHECK (profile IS NULL OR json_valid(profile));
ALTER TABLE users ADD COLUMN deleted_at TEXT;
`,
  },
  {
    version: 14,
    name: 'outbox dead letters',
    sql: `
-- A message set aside for good (a push WeChat refused, or one that failed too often) keeps its
-- reason in last_error and when in dead_at; delivered_at is set too, so it waits for nothing.
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
CREATE INDEX outbox_dead ON outbox (dead_at) WHERE dead_at IS NOT NULL;
`,
  },
  {
    version: 15,
    name: 'real names sealed',
    sql: `
-- Real names were kept in clear: mediation parties' names and the drafted agreement text, and the
-- resident of a proxy report (with their phone). jf_pii_seal_payload seals them as the backend does
-- on write (backend/usecases/mediation/names.ts, report/proxyPerson.ts), leaving the masks (张*明).
UPDATE cases SET payload = jf_pii_seal_payload(kind, payload, id)
WHERE (kind = 'mediation' AND (
    EXISTS (SELECT 1 FROM json_each(cases.payload, '$.parties') AS q
            WHERE json_type(q.value, '$.nameSealed') IS NULL AND json_extract(q.value, '$.name') <> '已注销用户')
    OR (json_type(payload, '$.agreement') = 'object' AND json_type(payload, '$.agreement.sealed') IS NULL)))
  OR (kind = 'report' AND json_type(payload, '$.proxy') = 'object' AND json_type(payload, '$.proxy.sealed') IS NULL);
-- A join's correction note named both names in full; the timeline is append-only, so its guard is
-- lifted for this one rewrite and put back as it was.
DROP TRIGGER timeline_no_update;
UPDATE timeline SET note = jf_mask_correction(note) WHERE action IN ('join', 'decline') AND note LIKE '%被申请人姓名由「%';
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
`,
  },
  {
    version: 16,
    name: 'tenant names sealed',
    sql: `
-- A registration's tenant and cohabitants were named in clear in the case payload; they are sealed
-- as check-in now seals them (backend/usecases/rental/tenantNames.ts), the masks left in place. A
-- purged registration has no names left and is not touched.
UPDATE cases SET payload = jf_pii_seal_payload(kind, payload, id)
WHERE kind = 'checkin' AND json_type(payload, '$.sealed') IS NULL
  AND (json_type(payload, '$.name') = 'text' OR json_array_length(payload, '$.cohabitants') > 0);
`,
  },
  {
    version: 17,
    name: 'case numbers and counters',
    sql: `
-- The number people read and say (京溪-2026-00042): the street's short name (units.short_name when
-- the org data gives one, else its name without 街道/镇/乡), the Shanghai year, the street's yearly
-- sequence. Sequences are rows of counters, bumped in the create's transaction. Stored cases are
-- numbered in creation order by numberStoredCases (caseNumbers.ts) right after this.
ALTER TABLE units ADD COLUMN short_name TEXT;
ALTER TABLE cases ADD COLUMN number TEXT;
CREATE UNIQUE INDEX cases_by_number ON cases (number) WHERE number IS NOT NULL;
CREATE TABLE counters (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
) STRICT, WITHOUT ROWID;
`,
    run: (db) => void numberStoredCases(db),
  },
  {
    version: 18,
    name: 'case counters keyed by printed short name',
    sql: `
-- Case sequences were keyed by the street's code; they are keyed by the short name the number
-- prints, so two streets printing the same short name share one and never print the same number.
-- rekeyCaseCounters (caseNumbers.ts) sets them again from the numbers stored.
SELECT 1;
`,
    run: (db) => rekeyCaseCounters(db),
  },
  {
    version: 19,
    name: 'help duty rosters',
    sql: `
-- 一键求助: who of a community is on duty when (entries: [{ userId, shifts: [{ days, from, to }] }],
-- Shanghai times); one row per community, replaced whole by the administrator.
CREATE TABLE duty_rosters (
  community_code TEXT PRIMARY KEY,
  entries        TEXT NOT NULL CHECK (json_valid(entries)),
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 20,
    name: 'inbox items keep the page they open',
    sql: `
-- A notice opens its case's own page for its reader (a mediation case, a 一键求助); before this
-- every item opened the report page. Items of mediation cases are pointed at the party's page.
ALTER TABLE inbox ADD COLUMN page TEXT;
UPDATE inbox SET page = 'pages/mediation/detail/index?id=' || case_id
  WHERE case_id IN (SELECT id FROM cases WHERE kind = 'mediation');
`,
  },
  {
    version: 21,
    name: 'outside systems: partners, webhook subscriptions, delivery log',
    sql: `
-- 对接系统: Open311 clients (a key's SHA-256 only, never the key) and 12345 platforms (a sealed
-- shared secret). A hotline has no key, hence the partial unique index.
CREATE TABLE integration_partners (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('open311', 'hotline')),
  name            TEXT NOT NULL,
  jurisdiction_id TEXT NOT NULL,
  key_hash        TEXT,
  key_hint        TEXT,
  secret_sealed   TEXT,
  webhook_url     TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  revoked_at      TEXT
) STRICT;
CREATE UNIQUE INDEX integration_partners_by_key_hash ON integration_partners (key_hash) WHERE key_hash IS NOT NULL;
CREATE INDEX integration_partners_by_created ON integration_partners (created_at DESC, id DESC);

-- Case-event subscribers, each with its own sealed secret and its selection of kinds and events.
CREATE TABLE webhook_subscriptions (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  url           TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  events        TEXT NOT NULL CHECK (json_valid(events)),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  revoked_at    TEXT
) STRICT;
CREATE INDEX webhook_subscriptions_by_created ON webhook_subscriptions (created_at DESC, id DESC);

-- Every delivery attempt to a subscriber, a 12345 platform or the door-access system, read by
-- the admin a target at a time, newest first.
CREATE TABLE webhook_deliveries (
  id          TEXT PRIMARY KEY,
  target      TEXT NOT NULL,
  message_id  TEXT NOT NULL,
  event       TEXT NOT NULL,
  case_number TEXT,
  attempt     INTEGER NOT NULL,
  at          TEXT NOT NULL,
  ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
  http_status INTEGER,
  duration_ms REAL NOT NULL,
  error       TEXT,
  dead        INTEGER NOT NULL CHECK (dead IN (0, 1))
) STRICT;
CREATE INDEX webhook_deliveries_by_target ON webhook_deliveries (target, at DESC, id DESC);
`,
  },
  {
    version: 22,
    name: 'street key of cases for district-scale queues',
    sql: `
-- A street's queue read the index entries of ~340 grids and sorted them; with the street on the
-- case row it reads one index range per status, already in deadline order (caseStreets.ts).
-- unit_streets: each unit's street (null above streets), derived from units by the core's rule.
CREATE TABLE unit_streets (
  code        TEXT PRIMARY KEY,
  street_code TEXT
) STRICT, WITHOUT ROWID;
ALTER TABLE cases ADD COLUMN street_code TEXT;
CREATE INDEX cases_queue_by_street ON cases (kind, street_code, status, sla_deadline, id, category);
-- A department's queue per status in deadline order, its streets checked in the entry (a district
-- department covers every street); partial, as most cases have no department.
CREATE INDEX cases_queue_by_department ON cases (json_extract(payload, '$.department'), status, sla_deadline, id, street_code, kind)
  WHERE json_extract(payload, '$.department') IS NOT NULL;
`,
    run: (db) => keyStoredCases(db),
  },
  {
    version: 23,
    name: 'maintained case counts for the district dashboard',
    sql: `
-- The dashboard summed a million case rows (JSON included) per call. Counts per street by status,
-- category, grid and Shanghai day, kept by triggers on cases in the same transaction as every case
-- write (caseCounts.ts); rebuildCaseCounts fills them from the cases stored so far.
${CASE_COUNTS_SQL}`,
    run: (db) => rebuildCaseCounts(db),
  },
  {
    version: 24,
    name: 'read receipts at street scale',
    sql: `
-- 阅读回执 of a street-wide announcement (50,000 members): the first readers a page at a time and
-- the count read within 15 minutes are index ranges, not a sort of 50,000 read marks.
CREATE INDEX announcement_reads_by_time ON announcement_reads (announcement_id, read_at);

-- Members per grid and status, kept by triggers in every transaction that writes a membership:
-- a street's roster size is ~140 lookups, not a count of 50,000 index entries.
CREATE TABLE grid_member_counts (
  grid_code TEXT NOT NULL,
  status    TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (grid_code, status)
) STRICT, WITHOUT ROWID;
INSERT INTO grid_member_counts (grid_code, status, n) SELECT grid_code, status, COUNT(*) FROM memberships GROUP BY grid_code, status;
CREATE TRIGGER memberships_count_insert AFTER INSERT ON memberships BEGIN
  INSERT INTO grid_member_counts (grid_code, status, n) VALUES (NEW.grid_code, NEW.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER memberships_count_update AFTER UPDATE OF status ON memberships WHEN OLD.status IS NOT NEW.status BEGIN
  UPDATE grid_member_counts SET n = n - 1 WHERE grid_code = OLD.grid_code AND status = OLD.status;
  INSERT INTO grid_member_counts (grid_code, status, n) VALUES (NEW.grid_code, NEW.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER memberships_count_delete AFTER DELETE ON memberships BEGIN
  UPDATE grid_member_counts SET n = n - 1 WHERE grid_code = OLD.grid_code AND status = OLD.status;
END;

-- Per announcement and target grid: how many of the grid's joined members have read it, kept by
-- triggers on reads and on joining and leaving. The unread page skips grids whose every member
-- read (a street mostly read), instead of walking 50,000 members.
CREATE TABLE announcement_grid_reads (
  announcement_id TEXT NOT NULL,
  grid_code       TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (announcement_id, grid_code)
) STRICT, WITHOUT ROWID;
INSERT INTO announcement_grid_reads (announcement_id, grid_code, n)
  SELECT r.announcement_id, m.grid_code, COUNT(*) FROM announcement_reads r
    JOIN memberships m ON m.user_id = r.user_id AND m.status = 'joined'
    JOIN announcement_targets t ON t.grid_code = m.grid_code AND t.announcement_id = r.announcement_id
  GROUP BY r.announcement_id, m.grid_code;
CREATE TRIGGER announcement_reads_count_insert AFTER INSERT ON announcement_reads BEGIN
  INSERT INTO announcement_grid_reads (announcement_id, grid_code, n)
    SELECT NEW.announcement_id, m.grid_code, 1 FROM memberships m
      JOIN announcement_targets t ON t.grid_code = m.grid_code AND t.announcement_id = NEW.announcement_id
    WHERE m.user_id = NEW.user_id AND m.status = 'joined'
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER announcement_reads_count_delete AFTER DELETE ON announcement_reads BEGIN
  UPDATE announcement_grid_reads SET n = n - 1
    WHERE announcement_id = OLD.announcement_id AND grid_code IN (SELECT grid_code FROM memberships WHERE user_id = OLD.user_id AND status = 'joined');
END;
CREATE TRIGGER memberships_reads_join AFTER UPDATE OF status ON memberships WHEN OLD.status IS NOT 'joined' AND NEW.status = 'joined' BEGIN
  INSERT INTO announcement_grid_reads (announcement_id, grid_code, n)
    SELECT r.announcement_id, NEW.grid_code, 1 FROM announcement_reads r
      JOIN announcement_targets t ON t.announcement_id = r.announcement_id AND t.grid_code = NEW.grid_code
    WHERE r.user_id = NEW.user_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER memberships_reads_insert AFTER INSERT ON memberships WHEN NEW.status = 'joined' BEGIN
  INSERT INTO announcement_grid_reads (announcement_id, grid_code, n)
    SELECT r.announcement_id, NEW.grid_code, 1 FROM announcement_reads r
      JOIN announcement_targets t ON t.announcement_id = r.announcement_id AND t.grid_code = NEW.grid_code
    WHERE r.user_id = NEW.user_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER memberships_reads_leave AFTER UPDATE OF status ON memberships WHEN OLD.status = 'joined' AND NEW.status IS NOT 'joined' BEGIN
  UPDATE announcement_grid_reads SET n = n - 1
    WHERE grid_code = OLD.grid_code AND announcement_id IN (SELECT announcement_id FROM announcement_reads WHERE user_id = OLD.user_id);
END;
CREATE TRIGGER memberships_reads_delete AFTER DELETE ON memberships WHEN OLD.status = 'joined' BEGIN
  UPDATE announcement_grid_reads SET n = n - 1
    WHERE grid_code = OLD.grid_code AND announcement_id IN (SELECT announcement_id FROM announcement_reads WHERE user_id = OLD.user_id);
END;
`,
  },
  {
    version: 25,
    name: 'maintained department counts for district department queues',
    sql: `
-- A district department's queue total counted up to 10,001 index entries per page (~200,000
-- cases per department). Counts per (kind, street, department, status), kept by triggers on cases
-- (departmentCounts.ts); rebuildDepartmentCounts fills them from the cases stored so far.
${DEPARTMENT_COUNTS_SQL}`,
    run: (db) => rebuildDepartmentCounts(db),
  },
  {
    version: 26,
    name: 'committee key of mediation queues',
    sql: `
-- A mediator's queue read up to 2,000 mediation cases of their streets and kept their committee's.
-- Per committee, place and status in deadline order: a street's mediator (most are: the
-- committee code people is every street's), a district's own cases, and a district-wide grant
-- over every street (its streets checked in the entries). The places, kind, dispute type and
-- mediator are in each entry, so a page and a capped count read no row but the page's; partial,
-- as only mediation cases name a committee (caseQuery.ts COMMITTEE_EXPR, caseWhere).
CREATE INDEX cases_queue_by_committee ON cases (json_extract(payload, '$.committee'), street_code, status, sla_deadline, id, unit_code, kind, category, assignee_id)
  WHERE json_extract(payload, '$.committee') IS NOT NULL;
CREATE INDEX cases_queue_by_committee_unit ON cases (json_extract(payload, '$.committee'), unit_code, status, sla_deadline, id, street_code, kind, category, assignee_id)
  WHERE json_extract(payload, '$.committee') IS NOT NULL;
CREATE INDEX cases_queue_by_committee_status ON cases (json_extract(payload, '$.committee'), status, sla_deadline, id, street_code, unit_code, kind, category, assignee_id)
  WHERE json_extract(payload, '$.committee') IS NOT NULL;
`,
  },
  {
    version: 27,
    name: 'maintained committee counts for mediators\' queues',
    sql: `
-- A mediator's queue total counted its committee's index entries on every page (a district-wide
-- committee's 全部 tab: about 3,600, 0.6 ms). Counts per (kind, committee, street, status, dispute
-- type, mediator), kept by triggers on cases (committeeCounts.ts); rebuildCommitteeCounts fills
-- them from the cases stored so far.
${COMMITTEE_COUNTS_SQL}
-- The department triggers again: removing a case whose payload.department was a number took one
-- off the text department of that name (departmentCounts.ts subtract), so they are recounted too.
${keptCountTriggers(DEPARTMENT_COUNTS_TABLE).map((t) => `DROP TRIGGER ${t};`).join('\n')}
${departmentCountTriggersSql()}`,
    run: (db) => {
      rebuildCommitteeCounts(db)
      rebuildDepartmentCounts(db)
    },
  },
]
