/**
 * An action's name is its use case's file name: every row of `backend/functions/<function>.ts` runs
 * the export of the same name from `backend/usecases/<area>/<action>.ts`, so a newcomer finds
 * `mediation.join` in `mediation/join.ts` and `cases.proxySubmit` in `report/proxySubmit.ts` without
 * reading the table. The report area is served by two functions, `reports` (residents) and `cases`
 * (the staff workbench); both have a `get`, and the staff one lives in `report/staffGet.ts`.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { HTTP_MOUNTS } from '../../backend/functions/httpMounts'

const ROOT = path.resolve(__dirname, '../..')

/** Each wire function and the area whose use cases it runs; add a row with every new function. */
const FUNCTIONS: [fn: string, area: string][] = [
  ['reports', 'report'],
  ['cases', 'report'],
  ['mediation', 'mediation'],
  ['grid', 'grid'],
  ['rental', 'rental'],
  ['admin', 'admin'],
  ['inbox', 'inbox'],
  ['session', 'session'],
  ['files', 'files'],
  ['account', 'account'],
  ['voip', 'voip'],
  ['integrations', 'integrations'],
  ['help', 'help'],
]

/** `<function>.<action>` whose use case has another name, because two functions share the action name. */
const RENAMED: Record<string, string> = { 'cases.get': 'staffGet' }

const mockTables = new Map<string, Record<string, { run: unknown }>>()

// Records each function's table as it is defined, so the test reads the real rows, not the source text.
jest.mock('../../backend/functions/handler', () => {
  const actual = jest.requireActual('../../backend/functions/handler')
  return {
    ...actual,
    defineFunction: (name: string, actions: Record<string, { run: unknown }>) => {
      mockTables.set(name, actions)
      return actual.defineFunction(name, actions)
    },
  }
})

/* eslint-disable @typescript-eslint/no-require-imports */
const tableOf = (fn: string) => {
  require(path.join(ROOT, 'backend/functions', `${fn}.ts`))
  return mockTables.get(fn)
}

test.each(FUNCTIONS)('every %s action runs the %s use case of the same name from its own file', (fn, area) => {
  const table = tableOf(fn)
  expect(table).toBeDefined()
  const names = Object.keys(table!)
  // A table that came out empty would pass vacuously.
  expect(names.length).toBeGreaterThan(0)
  const wrong: string[] = []
  for (const action of names) {
    const name = RENAMED[`${fn}.${action}`] ?? action
    const file = path.join(ROOT, 'backend/usecases', area, `${name}.ts`)
    if (!existsSync(file)) {
      wrong.push(`${fn}.${action}: no backend/usecases/${area}/${name}.ts`)
      continue
    }
    const mod = require(file) as Record<string, unknown>
    // A use case required on its first call (handler.ts lazyRun) names the one it loads.
    const row = table![action]!.run as { load?: () => unknown }
    if (mod[name] !== (row.load ? row.load() : row)) wrong.push(`${fn}.${action}: the table does not run ${name}() from ${area}/${name}.ts`)
  }
  expect(wrong).toEqual([])
})

test('the one renamed action still has a use case, and reports.get stays the resident one', () => {
  const { get } = require(path.join(ROOT, 'backend/usecases/report/get.ts')) as { get: unknown }
  const { staffGet } = require(path.join(ROOT, 'backend/usecases/report/staffGet.ts')) as { staffGet: unknown }
  expect(tableOf('reports')!.get!.run).toBe(get)
  expect(tableOf('cases')!.get!.run).toBe(staffGet)
  expect(get).not.toBe(staffGet)
})

test('lists every function of backend/functions/index.json that has actions (timers and HTTP functions have none)', () => {
  const table = JSON.parse(readFileSync(path.join(ROOT, 'backend/functions/index.json'), 'utf8')) as { functions: { name: string; timers?: unknown[] }[] }
  const http = new Set<string>(HTTP_MOUNTS.map((m) => m.fn))
  const withActions = table.functions.filter((f) => !f.timers && !http.has(f.name)).map((f) => f.name)
  expect(FUNCTIONS.map(([fn]) => fn).sort()).toEqual(withActions.sort())
})
