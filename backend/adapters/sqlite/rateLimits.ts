/** SQLite side of the rate-limit counters. */
import type { RateLimitRepo, RateLimitTx } from '../../ports'
import type { SqliteAccess, Statements, TxUse } from './statements'

/**
 * One row per (subject, action) holds the current window: a hit in a newer window restarts the
 * count, so the table never grows beyond one row per identity and action.
 */
const HIT = `INSERT INTO rate_counters (subject, action, window_start, hits) VALUES (@subject, @action, @window_start, 1)
  ON CONFLICT (subject, action) DO UPDATE SET
    hits = CASE WHEN window_start = excluded.window_start THEN hits + 1 ELSE 1 END,
    window_start = excluded.window_start
  WHERE window_start <> excluded.window_start OR hits < @max`

function countRateHit(statements: Statements, subject: string, action: string, windowStart: string, max: number): boolean {
  if (max < 1) return false
  return statements.get(HIT).run({ subject, action, window_start: windowStart, max }).changes === 1
}

export function sqliteRateLimitTx(use: TxUse): RateLimitTx {
  return { countRateHit: (subject, action, windowStart, max) => use((s) => countRateHit(s, subject, action, windowStart, max)) }
}

export function sqliteRateLimits(db: SqliteAccess): RateLimitRepo {
  return { countRateHitAlone: (subject, action, windowStart, max) => db.write('countRateHitAlone', (s) => countRateHit(s, subject, action, windowStart, max)) }
}
