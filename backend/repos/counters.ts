/**
 * Named sequences (counters) for the numbers people read: a street's cases of a year
 * (京溪-2026-00042), a committee's agreements of a year (（2026）白云京溪调字第 42 号). Keys are made by
 * src/core/caseNumber.ts; the store only counts.
 */
export interface CounterTx {
  /**
   * The next number of sequence `key`: 1 the first time, then one more each call, never the same
   * number twice however many transactions take one at once. Inside the create's transaction, so a
   * rolled-back create gives its number back.
   */
  nextSequence(key: string): Promise<number>
  /** Moves the sequence up to at least `value` (numbering stored cases); never down. */
  raiseSequence(key: string, value: number): Promise<void>
}
