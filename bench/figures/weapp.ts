/**
 * Figure 4: the built mini-program (miniprogram/, from `npm run build:weapp`) in bytes, the
 * main package and each subpackage as WeChat counts them (files under a subpackage root
 * belong to it, everything else to the main package). Above WeChat's caps the run fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { log, ROOT, run } from '../lib/proc'
import { capViolations, figure, packageOf, totalBytes, type FigureReport, type PackageSizes } from '../lib/stats'

const KB = 1024
/** DevTools' project files, not part of the uploaded code package. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])
/** The subpackage of 上报问题 (new report, pick, mine, detail): opened by a resident's first report. */
const REPORT_ROOT = 'pages/report'

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
}

export function measure(root: string): PackageSizes {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) }
  for (const f of files(root)) {
    const rel = relative(root, f).replace(/\\/g, '/')
    if (NOT_UPLOADED.has(rel)) continue
    const pkg = packageOf(rel, roots)
    const bytes = statSync(f).size
    if (pkg === null) sizes.main += bytes
    else sizes.subpackages[pkg]! += bytes
  }
  return sizes
}

run(async (): Promise<FigureReport> => {
  const root = join(ROOT, 'miniprogram')
  if (!existsSync(join(root, 'app.json'))) return { figures: [], skipped: [{ id: '4', reason: 'no miniprogram/app.json: run npm run build:weapp' }] }
  const s = measure(root)
  const total = totalBytes(s)
  const [largest, largestBytes] = Object.entries(s.subpackages).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0]
  const firstReport = s.main + (s.subpackages[REPORT_ROOT] ?? 0)
  log(`main ${s.main} B, first report ${firstReport} B, total ${total} B, largest subpackage ${largest} ${largestBytes} B`)
  return {
    figures: [
      // Issue 21: the main package (app, tab pages, tab bar, shared chunk) ≤ 400 KB.
      figure('4a', 'mini-program main package', s.main / KB, 'KB', { op: '<=', value: 400 }, { bytes: s.main }),
      figure('4b', 'mini-program total (main + subpackages)', total / KB, 'KB', { op: '<=', value: 2048 }, { bytes: total }),
      // Issue 21: what WeChat downloads before a resident's first report opens: main (with 首页) and the report subpackage.
      figure('4c', `resident's first report (main + ${REPORT_ROOT})`, firstReport / KB, 'KB', { op: '<=', value: 550 }, { bytes: firstReport }),
      ...Object.entries(s.subpackages).map(([r, b]) => figure(`4.${r.replace(/^pages\//, '')}`, `subpackage ${r}`, b / KB, 'KB', null, { bytes: b })),
    ],
    capViolations: capViolations(s),
  }
})
