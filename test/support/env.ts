/**
 * Clears the environment variables `keys` before every test of the enclosing block and puts back
 * what they held after it, so a test sets only what it means to.
 */
export function clearedEnvForEachTest(keys: readonly string[]): void {
  let saved: Record<string, string | undefined> = {}
  beforeEach(() => {
    saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]))
    for (const k of keys) delete process.env[k]
  })
  afterEach(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  })
}
