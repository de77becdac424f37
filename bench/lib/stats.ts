/**
 * The bench's pure parts: percentiles, figures against their targets, the table and the
 * results file, and WeChat's package caps. No I/O here, so `test/bench` can pin them down.
 */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * s.length)
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!
}

export interface Summary {
  n: number
  p50: number
  p99: number
  max: number
  mean: number
}

export function summarize(xs: readonly number[]): Summary {
  const mean = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN
  return { n: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99), max: xs.length ? Math.max(...xs) : NaN, mean }
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50)
}

export interface Target {
  op: '<=' | '>='
  value: number
}

/** One measured figure; `met` is null when the figure has no target (context only). */
export interface Figure {
  id: string
  label: string
  value: number
  unit: string
  target: Target | null
  met: boolean | null
  /** Absolute numbers behind a ratio, sample counts, sizes: whatever explains the figure. */
  context?: Record<string, unknown>
}

export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false
  return target.op === '<=' ? value <= target.value : value >= target.value
}

export function figure(id: string, label: string, value: number, unit: string, target: Target | null = null, context?: Record<string, unknown>): Figure {
  return { id, label, value, unit, target, met: target ? meets(value, target) : null, ...(context ? { context } : {}) }
}

/** Bytes the WeChat platform refuses to upload above (main package, whole app with subpackages). */
export const WECHAT_CAPS = { mainBytes: 2 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 }

export interface PackageSizes {
  main: number
  subpackages: Record<string, number>
}

export function totalBytes(s: PackageSizes): number {
  return s.main + Object.values(s.subpackages).reduce((a, b) => a + b, 0)
}

/** WeChat refuses a single subpackage above 2 MB as well as the main package. */
export function capViolations(s: PackageSizes): string[] {
  const out: string[] = []
  if (s.main > WECHAT_CAPS.mainBytes) out.push(`main package ${s.main} B > ${WECHAT_CAPS.mainBytes} B`)
  for (const [root, bytes] of Object.entries(s.subpackages)) {
    if (bytes > WECHAT_CAPS.mainBytes) out.push(`subpackage ${root} ${bytes} B > ${WECHAT_CAPS.mainBytes} B`)
  }
  const total = totalBytes(s)
  if (total > WECHAT_CAPS.totalBytes) out.push(`total ${total} B > ${WECHAT_CAPS.totalBytes} B`)
  return out
}

/**
 * Which subpackage root a file of the built mini-program belongs to, or null for the main
 * package (everything outside a subpackage root, as WeChat counts it).
 */
export function packageOf(file: string, roots: readonly string[]): string | null {
  const f = file.replace(/\\/g, '/').replace(/^\.?\//, '')
  return roots.find((r) => f.startsWith(`${r.replace(/\/$/, '')}/`)) ?? null
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const a = Math.abs(n)
  if (a >= 1000) return Math.round(n).toLocaleString('en-US')
  if (a >= 100) return n.toFixed(0)
  if (a >= 10) return n.toFixed(1)
  return n.toFixed(a >= 1 ? 2 : 3)
}

export function targetText(t: Target | null, unit: string): string {
  return t ? `${t.op} ${fmt(t.value)} ${unit}`.trim() : '—'
}

/** The stdout table: one row per figure, its target, and met / MISSED / (no target). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.id, f.label, `${fmt(f.value)} ${f.unit}`.trim(), targetText(f.target, f.unit), f.met === null ? '' : f.met ? 'met' : 'MISSED'])
  const head = ['#', 'figure', 'value', 'target', '']
  const width = head.map((h, i) => Math.max(strWidth(h), ...rows.map((r) => strWidth(r[i]!))))
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(width[i]! - strWidth(c))).join('  ').trimEnd()
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** Display width: CJK characters take two columns in a terminal. */
export function strWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

export interface Machine {
  platform: string
  arch: string
  cpus: number
  cpuModel: string
  memoryBytes: number
  node: string
  loadavg: number[]
}

export interface Results {
  startedAt: string
  durationMs: number
  machine: Machine
  figures: Figure[]
  /** Figures that were not measured, and why (a missing browser, a failed step). */
  skipped: { id: string; reason: string }[]
  /** WeChat cap violations: any makes the run exit non-zero. */
  capViolations: string[]
  /** Query plans of the queue figures, keyed by query name. */
  plans: Record<string, string[]>
  /** Per figure id, the latest measurement before this run (bench/lib/regressions.ts). */
  previous: Record<string, { value: number; unit: string; at: string }>
  summary: { figures: number; withTarget: number; met: number; missed: string[] }
}

export function results(input: Omit<Results, 'summary'>): Results {
  const withTarget = input.figures.filter((f) => f.met !== null)
  return {
    ...input,
    summary: {
      figures: input.figures.length,
      withTarget: withTarget.length,
      met: withTarget.filter((f) => f.met).length,
      missed: withTarget.filter((f) => !f.met).map((f) => f.id),
    },
  }
}

/** What a figure script hands back to the runner (one JSON file per script). */
export interface FigureReport {
  figures: Figure[]
  plans?: Record<string, string[]>
  capViolations?: string[]
  skipped?: { id: string; reason: string }[]
}

/** SQLite query-plan rows that read a table without any index: the plans must have none. */
export function fullScans(plan: readonly string[]): string[] {
  return plan.filter((d) => /^SCAN \w+$/.test(d.trim()) || /^SCAN \w+ (?!USING)/.test(d.trim()))
}
