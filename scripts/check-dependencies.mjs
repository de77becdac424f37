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
  for (const v of violations) console.log(`${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (circle: ${[v.from, ...v.cycle].join(' → ')})` : ''}`)
  console.log(`${output.summary.totalCruised} modules, ${violations.length} violations, ${circles.length} import circles`)
  for (const [rule, n] of Object.entries(byRule)) console.log(`  ${rule}: ${n}`)
}
process.exitCode = violations.length > 0 ? 1 : 0
