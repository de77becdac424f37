/**
 * An action's name is its use case's file name. In the areas split one file per use case, every row of
 * `backend/functions/<area>.ts` runs the export of the same name from `backend/usecases/<area>/<action>.ts`,
 * so a newcomer finds `mediation.join` in `mediation/join.ts` without reading the table.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** Areas already split; add one here when its use cases move to one file per action. */
const AREAS = ['mediation', 'grid', 'rental', 'admin', 'inbox', 'session', 'files']

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

test.each(AREAS)('every %s action runs the use case of the same name from its own file', (area) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(ROOT, 'backend/functions', `${area}.ts`))
  const table = mockTables.get(area)
  expect(table).toBeDefined()
  const names = Object.keys(table!)
  // A table that came out empty would pass vacuously.
  expect(names.length).toBeGreaterThan(0)
  const wrong: string[] = []
  for (const name of names) {
    const file = path.join(ROOT, 'backend/usecases', area, `${name}.ts`)
    if (!existsSync(file)) {
      wrong.push(`${area}.${name}: no backend/usecases/${area}/${name}.ts`)
      continue
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>
    if (mod[name] !== table![name]!.run) wrong.push(`${area}.${name}: the table does not run ${name}() from ${area}/${name}.ts`)
  }
  expect(wrong).toEqual([])
})
