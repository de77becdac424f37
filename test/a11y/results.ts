/** What the axe check keeps of each page, the rules it leaves out (each with its reason), and its summary. */

export interface Violation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  nodes: { target: string; html: string; summary: string }[]
}

export interface PageResult {
  role: string
  page: string
  mode: string
  violations: Violation[]
  /** Time to open and settle the page, and axe's own run. */
  ms: { load: number; axe: number }
}

/** Rules switched off, with the reason (also listed in the README's accessibility paragraph). */
export const EXCLUDED_RULES: { id: string; reason: string }[] = []

const SEVERE = new Set(['serious', 'critical'])

/** Pages × modes checked, and the violations by rule (pages hit, nodes, impact), serious and critical first. */
export function summarise(results: readonly PageResult[]): { checked: number; byMode: Record<string, number>; byRule: Record<string, { impact: string; pages: number; nodes: number }>; text: string } {
  const byMode: Record<string, number> = {}
  const byRule: Record<string, { impact: string; pages: number; nodes: number }> = {}
  for (const r of results) {
    byMode[r.mode] = (byMode[r.mode] ?? 0) + 1
    for (const v of r.violations) {
      const row = (byRule[v.id] ??= { impact: v.impact ?? 'unknown', pages: 0, nodes: 0 })
      row.pages++
      row.nodes += v.nodes.length
    }
  }
  const pages = new Set(results.map((r) => `${r.role} ${r.page}`)).size
  const rules = Object.entries(byRule).sort(([, a], [, b]) => Number(SEVERE.has(b.impact)) - Number(SEVERE.has(a.impact)) || b.pages - a.pages)
  const lines = [
    `axe-core (wcag2a, wcag2aa) at 390 px: ${pages} pages (page × role, ${new Set(results.map((r) => r.role)).size} roles) × ${Object.keys(byMode).length} modes = ${results.length} page checks (${Object.entries(byMode).map(([m, n]) => `${m} ${n}`).join(', ')})`,
    `time: opening pages ${Math.round(results.reduce((n, r) => n + r.ms.load, 0) / 1000)} s, axe ${Math.round(results.reduce((n, r) => n + r.ms.axe, 0) / 1000)} s`,
    rules.length ? 'violations by rule:' : 'no violations',
    ...rules.map(([id, r]) => `  ${id} (${r.impact}): ${r.pages} page checks, ${r.nodes} nodes`),
    ...(EXCLUDED_RULES.length ? ['excluded rules:', ...EXCLUDED_RULES.map((r) => `  ${r.id}: ${r.reason}`)] : []),
  ]
  return { checked: results.length, byMode, byRule, text: lines.join('\n') }
}
