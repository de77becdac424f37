// Checks the import rules of .dependency-cruiser.cjs over src/ and backend/ of the current directory
// (the repository root, or a fixture tree in the rules test). Prints each violation and exits 1 on any;
// `--json` prints { violations, byRule, circles, modules } instead, for the test and for measuring.
//
// Runs dependency-cruiser through its API: its CLI refuses Node 20, the API works on it.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const json = process.argv.includes('--json')

const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'))
const hasTsConfig = existsSync('tsconfig.json')
if (!hasTsConfig) delete options.tsConfig
const roots = ['src', 'backend'].filter((d) => existsSync(d))
const result = await cruise(roots, options, {}, hasTsConfig ? { tsConfig: extractTSConfig('tsconfig.json') } : {})
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output

const violations = output.summary.violations.map((v) => ({
  rule: v.rule.name,
  from: v.from,
  to: v.to,
  ...(v.cycle ? { cycle: v.cycle.map((c) => (typeof c === 'string' ? c : c.name)) } : {}),
}))

/**
 * The rules see one import at a time; this follows them. An app module (src/ outside core and
 * contracts) that reaches zod through imports that survive compilation would put zod in the
 * mini-program: reported under the pseudo-rule `app-reaches-zod-at-runtime`, with the path.
 */
function appPathsToZod(modules) {
  const isZod = (s) => /(^|\/)node_modules\/zod\//.test(s)
  const runtime = new Map(
    modules.map((m) => [m.source, (m.dependencies ?? []).filter((d) => !d.dependencyTypes.some((t) => t === 'type-only' || t === 'type-import')).map((d) => d.resolved)]),
  )
  const found = []
  for (const start of modules.map((m) => m.source).filter((s) => /^src\//.test(s) && !/^src\/(core|contracts)\//.test(s))) {
    // Breadth first, so the path reported is a shortest one.
    const parent = new Map([[start, null]])
    const queue = [start]
    let hit = null
    while (queue.length > 0 && !hit) {
      const at = queue.shift()
      for (const next of runtime.get(at) ?? []) {
        if (parent.has(next)) continue
        parent.set(next, at)
        if (isZod(next)) {
          hit = next
          break
        }
        queue.push(next)
      }
    }
    if (!hit) continue
    const path = []
    for (let at = hit; at !== null; at = parent.get(at)) path.unshift(at)
    found.push({ rule: 'app-reaches-zod-at-runtime', from: start, to: hit, via: path.slice(1, -1) })
  }
  return found
}
violations.push(...appPathsToZod(output.modules))

const byRule = {}
for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1

/** Circles as groups of modules tangled together: every cycle reported is merged with those it touches. */
function circleGroups(list) {
  const groups = []
  for (const v of list) {
    if (!v.cycle) continue
    const members = new Set([v.from, ...v.cycle])
    const touching = groups.filter((g) => [...members].some((m) => g.has(m)))
    const merged = new Set([...members, ...touching.flatMap((g) => [...g])])
    for (const g of touching) groups.splice(groups.indexOf(g), 1)
    groups.push(merged)
  }
  return groups.map((g) => [...g].sort())
}
const circles = circleGroups(violations)

if (json) {
  console.log(JSON.stringify({ modules: output.summary.totalCruised, violations, byRule, circles }, null, 2))
} else {
  for (const v of violations) console.log(`${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (circle: ${[v.from, ...v.cycle].join(' → ')})` : ''}${v.via ? ` (via ${v.via.join(' → ')})` : ''}`)
  console.log(`${output.summary.totalCruised} modules, ${violations.length} violations, ${circles.length} import circles`)
  for (const [rule, n] of Object.entries(byRule)) console.log(`  ${rule}: ${n}`)
}
process.exitCode = violations.length > 0 ? 1 : 0
