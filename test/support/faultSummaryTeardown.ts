import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FaultFigures } from './faultReport'

const pad = (s: string | number, n: number) => String(s).padEnd(n)
const num = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('en-US'))

function table(title: string, cols: Array<[string, (f: FaultFigures) => string]>, rows: FaultFigures[]): string[] {
  if (rows.length === 0) return []
  const cells = rows.map((r) => cols.map(([, get]) => get(r)))
  const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (vals: string[]) => `| ${vals.map((v, i) => pad(v, widths[i]!)).join(' | ')} |`
  return ['', title, line(cols.map(([h]) => h)), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)]
}

/** Jest global teardown for `npm run test:faults`: one summary table from every suite's figures. */
export default function teardown(): void {
  const dir = process.env.JIEFANG_FAULT_REPORT
  const file = dir && join(dir, 'figures.jsonl')
  const figures: FaultFigures[] = file && existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FaultFigures) : []
  const fuzz = figures.filter((f) => f.name.startsWith('fuzz '))
  const access = figures.filter((f) => f.cells !== undefined)
  const faults = figures.filter((f) => !fuzz.includes(f) && !access.includes(f))
  const sum = (key: keyof FaultFigures) => figures.reduce((n, f) => n + (typeof f[key] === 'number' ? (f[key] as number) : 0), 0)
  const lines = [
    '',
    '================ npm run test:faults — summary ================',
    ...table('Faults injected', [['fault', (f) => f.name], ['injected', (f) => num(f.injected)], ['survived', (f) => num(f.survived)], ['acknowledged', (f) => num(f.acknowledged)], ['stored', (f) => num(f.stored)], ['lost', (f) => num(f.lost)], ['duplicated', (f) => num(f.duplicated)], ['note', (f) => f.note ?? '']], faults),
    ...table('Inputs tried (fast-check, per function)', [['function', (f) => f.name.slice(5)], ['inputs', (f) => num(f.inputs)], ['crashes', (f) => num(f.crashes)], ['note', (f) => f.note ?? '']], fuzz),
    ...table('Access', [['matrix', (f) => f.name], ['cells checked', (f) => num(f.cells)], ['unauthorised', (f) => num(f.unauthorised)], ['note', (f) => f.note ?? '']], access),
    '',
    `Totals: faults injected ${num(sum('injected'))}, survived ${num(sum('survived'))}; inputs tried ${num(fuzz.reduce((n, f) => n + (f.inputs ?? 0), 0))}; matrix cells ${num(sum('cells'))}; ` +
      `acknowledged ${num(sum('acknowledged'))}, lost ${num(sum('lost'))}, duplicated ${num(sum('duplicated'))}, crashes ${num(sum('crashes'))}, unauthorised cells ${num(sum('unauthorised'))}`,
    '================================================================',
  ]
  const text = lines.join('\n')
  console.log(text)
  const out = resolve(__dirname, '../../test-artifacts')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'faults-summary.txt'), `${text}\n`)
}
