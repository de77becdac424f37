/**
 * The backend keeps no state on globalThis: what the local server's function bundles share (the
 * clock, the data epoch, the SQLite handles) is one host object the server hands each bundle
 * (backend/host.ts), and a CloudBase instance makes its own. A reference to globalThis (or to
 * `global`, its node alias) anywhere in backend/ is refused.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [p] : []
  })
}

/** `globalThis`, or `global.` / `global[` as an identifier (not a word in a comment like "global"). */
const GLOBAL_STATE = /\bglobalThis\b|(?<![.\w$])global\s*(\.|\[)/

export function globalReads(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (GLOBAL_STATE.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
  )
}

describe('no shared state on globalThis in backend/', () => {
  it('finds no reference to globalThis or global in backend/', () => {
    expect(globalReads(sources(path.join(ROOT, 'backend')))).toEqual([])
  })

  it('would catch one (the check itself can fail)', () => {
    const probe = path.join(ROOT, 'test/rules/no-global-state.test.ts')
    expect(GLOBAL_STATE.test('const g = globalThis as Record<string, unknown>')).toBe(true)
    expect(GLOBAL_STATE.test('global.__offset = 1')).toBe(true)
    expect(GLOBAL_STATE.test("global['x'] = 1")).toBe(true)
    expect(GLOBAL_STATE.test('// one global lock per file')).toBe(false)
    expect(GLOBAL_STATE.test('const globalCount = 1')).toBe(false)
    expect(globalReads([probe]).length).toBeGreaterThan(0)
  })
})
