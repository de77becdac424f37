import { appendFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Figures for the `npm run test:faults` summary table. Each suite records what it injected and
 * what it saw; the global teardown (test/faults/summary.ts) prints one table. Outside that run
 * (plain `npm test`) JIEFANG_FAULT_REPORT is unset and this does nothing.
 */
export interface FaultFigures {
  /** Row label: the fault or input class. */
  name: string
  injected?: number
  survived?: number
  inputs?: number
  cells?: number
  acknowledged?: number
  stored?: number
  lost?: number
  duplicated?: number
  crashes?: number
  unauthorised?: number
  note?: string
}

export function recordFaults(f: FaultFigures): void {
  const dir = process.env.JIEFANG_FAULT_REPORT
  if (!dir) return
  appendFileSync(join(dir, 'figures.jsonl'), JSON.stringify(f) + '\n')
}
