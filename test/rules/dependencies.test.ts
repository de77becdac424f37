/**
 * The import rules of .dependency-cruiser.cjs, run by dependency-cruiser over src/ and backend/:
 * core imports no I/O and only core; client layers pages → components → hooks/api → contracts → core,
 * never upward; use cases never import adapters, the wiring file or the wire functions; no import circles;
 * the app (and what it loads: contract types, limits, kind terms) never loads zod or a schema at runtime.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const SCRIPT = path.join(ROOT, 'scripts/check-dependencies.mjs')

interface Violation {
  rule: string
  from: string
  to: string
  cycle?: string[]
  via?: string[]
}

interface Report {
  modules: number
  violations: Violation[]
  byRule: Record<string, number>
  circles: string[][]
}

function check(cwd: string): Report {
  const run = spawnSync(process.execPath, [SCRIPT, '--json'], { cwd, encoding: 'utf8', timeout: 120_000 })
  if (run.error) throw run.error
  if (run.status !== 0 && run.status !== 1) throw new Error(`check-dependencies failed (${run.status}): ${run.stderr}`)
  return JSON.parse(run.stdout) as Report
}

const describeViolation = (v: Violation) => `${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (circle: ${[v.from, ...v.cycle].join(' → ')})` : ''}`

test('src/ and backend/ break none of the import rules', () => {
  const report = check(ROOT)
  // A cruise that found nothing would pass vacuously.
  expect(report.modules).toBeGreaterThan(250)
  expect(report.violations.map(describeViolation)).toEqual([])
  expect(report.circles).toEqual([])
})

describe('the rules catch what they forbid', () => {
  let dir: string
  let report: Report

  const files: Record<string, string> = {
    // core: a builtin, a platform package, a component, itself in a circle
    'src/core/a.ts': "import { readFileSync } from 'node:fs'\nimport 'better-sqlite3'\nimport { X } from '../components/X'\nimport { b } from './b'\nexport const a = [readFileSync, X, b]\n",
    'src/core/b.ts': "import { a } from './a'\nexport const b = () => a\n",
    'src/core/ok.ts': 'export const ok = 1\n',
    // contracts reaching into the api
    'src/contracts/api.ts': "import { client } from '../api/client'\nimport { ok } from '../core/ok'\nexport const api = [client, ok]\n",
    // the api and a util importing a component
    'src/api/client.ts': "import { Z } from '../components/Z'\nexport const client = Z\n",
    'src/utils/csv.ts': "import { Z } from '../components/Z'\nexport const csv = Z\n",
    'src/hooks/useThing.ts': "import { client } from '../api/client'\nexport const useThing = () => client\n",
    // a component importing a page
    'src/components/X.tsx': "import { Page } from '../pages/p/index'\nexport const X = Page\n",
    'src/components/Z.tsx': 'export const Z = 1\n',
    'src/components/Y.tsx': "import { useThing } from '../hooks/useThing'\nexport const Y = useThing\n",
    // a page may import anything below it
    'src/pages/p/index.tsx': "import { Y } from '../../components/Y'\nimport { ok } from '../../core/ok'\nexport const Page = [Y, ok]\n",
    // use cases importing the wiring and an adapter; a port is fine
    'backend/ports.ts': 'export interface Port { x: number }\n',
    'backend/runtime.ts': "import { open } from './adapters/sqlite/open'\nexport const deps = open\n",
    'backend/adapters/sqlite/open.ts': "import type { Port } from '../../ports'\nexport const open = (p: Port) => p\n",
    'backend/usecases/thing.ts': "import type { Port } from '../ports'\nimport { deps } from '../runtime'\nimport { open } from '../adapters/sqlite/open'\nexport const thing = (p: Port) => [deps, open(p)]\n",
    // outbox delivery naming an area instead of looking it up; the registry's list of areas may
    'backend/usecases/grid/notices.ts': 'export const gridNotices = 1\n',
    'backend/usecases/inbox/deliver.ts': "import { gridNotices } from '../grid/notices'\nexport const notify = gridNotices\n",
    'backend/usecases/inbox/notices.ts': "import { gridNotices } from '../grid/notices'\nexport const NOTICES = [gridNotices]\n",
    // a use case reaching up into the wire; the wire importing a use case is the way down
    'backend/functions/handler.ts': "import { thing } from '../usecases/thing'\nexport const action = thing\n",
    'backend/usecases/area/step.ts': "import { action } from '../../functions/handler'\nexport const step = action\n",
    // zod: a stand-in package, a contract schema over it and the type inferred from it
    'node_modules/zod/package.json': '{ "name": "zod", "main": "index.js" }\n',
    'node_modules/zod/index.js': 'exports.z = {}\n',
    'src/contracts/thingSchemas.ts': "import { z } from 'zod'\nexport const thing = z\n",
    'src/contracts/thing.ts': "import type { thing } from './thingSchemas'\nexport type Thing = typeof thing\n",
    // a contract file, a kind's terms and app modules loading zod at runtime
    'src/contracts/limitsBad.ts': "import { thing } from './thingSchemas'\nexport const MAX = thing ? 9 : 0\n",
    'src/core/kinds/thing.ts': "import { z } from 'zod'\nexport const kind = z\n",
    'src/core/kinds/thingTerms.ts': "import { kind } from './thing'\nexport const label = kind\n",
    'src/core/kindHelper.ts': "import { kind } from './kinds/thing'\nexport const helper = kind\n",
    'src/pages/q/index.tsx': "import type { Thing } from '../../contracts/thing'\nimport { thing } from '../../contracts/thingSchemas'\nexport const Q = (t: Thing) => [t, thing]\n",
    'src/hooks/useKind.ts': "import { kind } from '../core/kinds/thing'\nexport const useKind = () => kind\n",
    'src/utils/indirect.ts': "import { helper } from '../core/kindHelper'\nexport const indirect = helper\n",
    // the app naming schemas in types only is fine
    'src/components/T.tsx': "import type { thing } from '../contracts/thingSchemas'\nimport type { Thing } from '../contracts/thing'\nexport const T = (a: typeof thing, b: Thing) => [a, b]\n",
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deps-rules-'))
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    report = check(dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const pairs = () => report.violations.map((v) => `${v.rule}: ${v.from} → ${v.to}`)

  test.each([
    // dependency-cruiser names a builtin without its node: prefix
    ['core-no-io', 'src/core/a.ts', 'fs'],
    ['core-no-io', 'src/core/a.ts', 'better-sqlite3'],
    ['core-only-core', 'src/core/a.ts', 'src/components/X.tsx'],
    ['contracts-only-core', 'src/contracts/api.ts', 'src/api/client.ts'],
    ['client-services-no-ui', 'src/api/client.ts', 'src/components/Z.tsx'],
    ['client-services-no-ui', 'src/utils/csv.ts', 'src/components/Z.tsx'],
    ['components-no-pages', 'src/components/X.tsx', 'src/pages/p/index.tsx'],
    ['usecases-no-adapters', 'backend/usecases/thing.ts', 'backend/runtime.ts'],
    ['usecases-no-adapters', 'backend/usecases/thing.ts', 'backend/adapters/sqlite/open.ts'],
    ['notify-knows-no-area', 'backend/usecases/inbox/deliver.ts', 'backend/usecases/grid/notices.ts'],
    ['usecases-not-wire', 'backend/usecases/area/step.ts', 'backend/functions/handler.ts'],
    ['app-no-zod-at-runtime', 'src/pages/q/index.tsx', 'src/contracts/thingSchemas.ts'],
    ['app-no-zod-at-runtime', 'src/hooks/useKind.ts', 'src/core/kinds/thing.ts'],
    ['contract-types-no-zod-at-runtime', 'src/contracts/limitsBad.ts', 'src/contracts/thingSchemas.ts'],
    ['kind-terms-no-zod', 'src/core/kinds/thingTerms.ts', 'src/core/kinds/thing.ts'],
  ])('%s: %s → %s', (rule, from, to) => {
    expect(pairs()).toContain(`${rule}: ${from} → ${to}`)
  })

  test('an app module that reaches zod through modules the rules allow is reported with its path', () => {
    const reach = report.violations.filter((v) => v.rule === 'app-reaches-zod-at-runtime')
    expect(reach).toContainEqual({ rule: 'app-reaches-zod-at-runtime', from: 'src/utils/indirect.ts', to: 'node_modules/zod/index.js', via: ['src/core/kindHelper.ts', 'src/core/kinds/thing.ts'] })
    // Type-only imports are erased: the component and the contract types load nothing.
    expect(reach.map((v) => v.from)).not.toContain('src/components/T.tsx')
    expect(report.violations.map((v) => v.from)).not.toContain('src/contracts/thing.ts')
  })

  test('a circle is reported once, with its members', () => {
    expect(report.circles).toEqual([['src/core/a.ts', 'src/core/b.ts']])
  })

  test('imports that go down a layer are not flagged', () => {
    const flagged = report.violations.map((v) => v.from)
    for (const fine of ['src/pages/p/index.tsx', 'src/components/Y.tsx', 'src/hooks/useThing.ts', 'backend/adapters/sqlite/open.ts', 'backend/functions/handler.ts', 'backend/usecases/inbox/notices.ts', 'src/components/T.tsx', 'src/contracts/thing.ts', 'src/contracts/thingSchemas.ts']) {
      expect(flagged).not.toContain(fine)
    }
    expect(pairs()).not.toContain('usecases-no-adapters: backend/usecases/thing.ts → backend/ports.ts')
  })
})
