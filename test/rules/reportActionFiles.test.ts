/**
 * An action's name is its use case's file name. The report area is served by two functions,
 * `reports` (residents) and `cases` (the staff workbench); every row of either runs the export of
 * the same name from `backend/usecases/report/<action>.ts`, so `cases.proxySubmit` is found in
 * `report/proxySubmit.ts` without reading the table. The one exception is named here: both
 * functions have a `get`, and the staff one lives in `report/staffGet.ts`.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

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

test.each(['reports', 'cases'])('every %s action runs the report use case of the same name from its own file', (fn) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(ROOT, 'backend/functions', `${fn}.ts`))
  const table = mockTables.get(fn)
  expect(table).toBeDefined()
  const names = Object.keys(table!)
  // A table that came out empty would pass vacuously.
  expect(names.length).toBeGreaterThan(5)
  const wrong: string[] = []
  for (const action of names) {
    const name = RENAMED[`${fn}.${action}`] ?? action
    const file = path.join(ROOT, 'backend/usecases/report', `${name}.ts`)
    if (!existsSync(file)) {
      wrong.push(`${fn}.${action}: no backend/usecases/report/${name}.ts`)
      continue
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>
    if (mod[name] !== table![action]!.run) wrong.push(`${fn}.${action}: the table does not run ${name}() from report/${name}.ts`)
  }
  expect(wrong).toEqual([])
})

test('the one renamed action still has a use case, and reports.get stays the resident one', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(ROOT, 'backend/functions/reports.ts'))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(ROOT, 'backend/functions/cases.ts'))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { get } = require(path.join(ROOT, 'backend/usecases/report/get.ts')) as { get: unknown }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { staffGet } = require(path.join(ROOT, 'backend/usecases/report/staffGet.ts')) as { staffGet: unknown }
  expect(mockTables.get('reports')!.get!.run).toBe(get)
  expect(mockTables.get('cases')!.get!.run).toBe(staffGet)
  expect(get).not.toBe(staffGet)
})
