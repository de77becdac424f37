/**
 * Maintained counts of a mediation committee's cases per street, status, dispute type and mediator
 * (migration 27): a mediator's queue total, summed from a few dozen rows instead of counting the
 * committee's index entries on every page (a district-wide committee's 全部 tab: about 3,600
 * entries, 0.6 ms). Kept by triggers on `cases` like departmentCounts.ts, so every transaction that
 * writes a case moves them in the same commit.
 *
 * Counted: cases with a street key and a text payload.committee, exactly the cases a committee's
 * queue over whole streets matches (caseTotals.ts reads them; a district's own cases, keyed by
 * unit, are counted from `cases`). A case without a dispute type or a mediator is counted under
 * '', which no query asks for (the reader refuses '').
 */
import type Database from 'better-sqlite3'
import { keptCountTriggersSql, type KeptCountTable } from './keptCounts'

export const COMMITTEE_COUNTS_TABLE = 'case_committee_counts'

/** Spelled as the cases_queue_by_committee index expression, so the rebuild reads that index. */
const committee = (row: string) => `json_extract(${row}.payload, '$.committee')`

function add(row: string): string {
  return `
  INSERT INTO case_committee_counts (kind, committee, street_code, status, category, assignee_id, n)
    SELECT ${row}.kind, ${committee(row)}, ${row}.street_code, ${row}.status, coalesce(${row}.category, ''), coalesce(${row}.assignee_id, ''), 1
    WHERE ${row}.street_code IS NOT NULL AND typeof(${committee(row)}) = 'text'
    ON CONFLICT DO UPDATE SET n = n + 1;`
}

/**
 * Only a counted row is subtracted: the typeof check keeps a number in payload.committee (which
 * the TEXT column would compare as text) from taking one off a committee of that name.
 */
function subtract(row: string): string {
  return `
  UPDATE case_committee_counts SET n = n - 1
    WHERE typeof(${committee(row)}) = 'text' AND kind = ${row}.kind AND committee = ${committee(row)} AND street_code = ${row}.street_code
      AND status = ${row}.status AND category = coalesce(${row}.category, '') AND assignee_id = coalesce(${row}.assignee_id, '');`
}

/** The committee is parsed only when either payload mentions one: report updates never do. */
const HAS_COMMITTEE = (row: string) => `instr(${row}.payload, 'committee') > 0`

const COUNTED_CHANGE = `(OLD.kind, OLD.street_code, OLD.status, OLD.category, OLD.assignee_id)
    IS NOT (NEW.kind, NEW.street_code, NEW.status, NEW.category, NEW.assignee_id)
  OR ${committee('OLD')} IS NOT ${committee('NEW')}`

export function committeeCountTriggersSql(): string {
  return keptCountTriggersSql(COMMITTEE_COUNTS_TABLE, { mentions: HAS_COMMITTEE, changed: COUNTED_CHANGE, add, subtract })
}

/** Migration 27's schema (filled by rebuildCommitteeCounts). Rows that fall to 0 are kept. */
export const COMMITTEE_COUNTS_SQL = `
CREATE TABLE case_committee_counts (
  kind        TEXT NOT NULL,
  committee   TEXT NOT NULL,
  street_code TEXT NOT NULL,
  status      TEXT NOT NULL,
  category    TEXT NOT NULL,
  assignee_id TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (kind, committee, street_code, status, category, assignee_id)
) STRICT, WITHOUT ROWID;
${committeeCountTriggersSql()}`

/** Counts again from `cases`: one GROUP BY over the partial committee index, which carries every column counted. */
export function rebuildCommitteeCounts(db: Database.Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM case_committee_counts')
    db.exec(`
      INSERT INTO case_committee_counts (kind, committee, street_code, status, category, assignee_id, n)
      SELECT c.kind, ${committee('c')}, c.street_code, c.status, coalesce(c.category, ''), coalesce(c.assignee_id, ''), COUNT(*)
      FROM cases AS c INDEXED BY cases_queue_by_committee
      WHERE ${committee('c')} IS NOT NULL AND typeof(${committee('c')}) = 'text' AND c.street_code IS NOT NULL
      GROUP BY ${committee('c')}, c.street_code, c.status, c.kind, coalesce(c.category, ''), coalesce(c.assignee_id, '')`)
  })()
}

export const COMMITTEE_COUNTS: KeptCountTable = { table: COMMITTEE_COUNTS_TABLE, triggersSql: committeeCountTriggersSql, rebuild: rebuildCommitteeCounts }
