/**
 * "No silent regressions": every run keeps, per figure id, the latest earlier measurement
 * (a `--only` run carries the figures it did not measure over from the file before it), and
 * prints each figure that got worse than that by more than the threshold. Pure, like stats.ts.
 */
import type { Figure } from './stats'

/** One earlier measurement of a figure, as bench/results.json keeps it under `previous`. */
export interface Earlier {
  value: number
  unit: string
  /** When the run that measured it started (ISO). */
  at: string
}

export interface Regression {
  id: string
  label: string
  before: number
  after: number
  unit: string
  /** Worse by this fraction of the earlier value (0.12 = 12 % worse). */
  worseBy: number
}

/** 5 %: below this a change is noise even on a quiet machine. */
export const REGRESSION_THRESHOLD = 0.05

/**
 * Which way is better: a target says it; without one, a rate (…/s) or a ratio is better
 * higher, and a time or a size lower.
 */
export function higherIsBetter(f: Pick<Figure, 'target' | 'unit'>): boolean {
  if (f.target) return f.target.op === '>='
  return /\/s$|^×$|ratio/.test(f.unit)
}

/** The figures of this run that are worse than their earlier measurement by more than `threshold`. */
export function regressions(figures: readonly Figure[], previous: Readonly<Record<string, Earlier>>, threshold = REGRESSION_THRESHOLD): Regression[] {
  const out: Regression[] = []
  for (const f of figures) {
    const e = previous[f.id]
    if (!e || e.unit !== f.unit || !Number.isFinite(f.value) || !Number.isFinite(e.value)) continue
    const delta = higherIsBetter(f) ? e.value - f.value : f.value - e.value
    const base = Math.abs(e.value)
    // From zero any growth is a regression (e.g. full scans 0 → 1); 0 → 0 is not.
    const worseBy = base === 0 ? (delta > 0 ? Infinity : 0) : delta / base
    if (worseBy > threshold) out.push({ id: f.id, label: f.label, before: e.value, after: f.value, unit: f.unit, worseBy })
  }
  return out
}

/**
 * The latest earlier measurement of every figure id, from the results file this run replaces:
 * its own figures over what it had carried (so a `--only` run loses none of the others).
 */
export function latestEarlier(file: { startedAt?: string; figures?: readonly Figure[]; previous?: Readonly<Record<string, Earlier>> } | null): Record<string, Earlier> {
  const out: Record<string, Earlier> = { ...(file?.previous ?? {}) }
  for (const f of file?.figures ?? []) if (Number.isFinite(f.value)) out[f.id] = { value: f.value, unit: f.unit, at: file?.startedAt ?? '' }
  return out
}

/** What the run prints under the table: one line per regression, worst first. */
export function regressionLines(rs: readonly Regression[]): string[] {
  const pct = (r: Regression) => (Number.isFinite(r.worseBy) ? `${Math.round(r.worseBy * 100)} % worse` : 'worse (was 0)')
  return [...rs].sort((a, b) => b.worseBy - a.worseBy).map((r) => `REGRESSION ${r.id} ${r.label}: ${r.before} → ${r.after} ${r.unit}`.trimEnd() + ` (${pct(r)})`)
}
