/** SQLite side of the named sequences (repos/counters.ts): one row per key, bumped in the writer's transaction. */
import type { CounterTx } from '../../repos/counters'
import type { Statements, TxUse } from './statements'

const NEXT = `INSERT INTO counters (key, value) VALUES (@key, 1)
  ON CONFLICT (key) DO UPDATE SET value = value + 1
  RETURNING value`

const RAISE = `INSERT INTO counters (key, value) VALUES (@key, @value)
  ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`

function nextSequence(s: Statements, key: string): number {
  return (s.get(NEXT).get({ key }) as { value: number }).value
}

export function sqliteCounterTx(use: TxUse): CounterTx {
  return {
    nextSequence: (key) => use((s) => nextSequence(s, key)),
    raiseSequence: (key, value) => use((s) => void s.get(RAISE).run({ key, value })),
  }
}
