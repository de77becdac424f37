/**
 * `npm run deploy` creates the timer triggers cloudbaserc.json declares (the SLA and rental timers
 * run on them), after the functions exist, with cron expressions CloudBase accepts (7 fields).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.join(__dirname, '../..')
const script = readFileSync(path.join(ROOT, 'scripts/deploy.sh'), 'utf8')
const rc = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string; triggers?: Array<{ name: string; type: string; config: string }> }>
}

describe('deploy.sh timer triggers', () => {
  const loop = /for fn in \$\(node -e "([^"]+)"\); do\n\s+\$TCB fn trigger delete "\$fn" -e "\$ENV_ID" --yes >\/dev\/null 2>&1 \|\| true\n\s+\$TCB fn trigger create "\$fn" -e "\$ENV_ID" --yes\n/.exec(script)

  it('creates the triggers of every function that declares some, after deploying the functions', () => {
    expect(loop).not.toBeNull()
    // The script's own selection, run against the real cloudbaserc.json.
    const picked = execFileSync(process.execPath, ['-e', loop![1]!], { cwd: ROOT, encoding: 'utf8' }).trim().split(' ')
    const declared = rc.functions.filter((f) => f.triggers?.length).map((f) => f.name)
    expect(picked).toEqual(declared)
    expect(declared).toEqual(expect.arrayContaining(['sla-timer', 'rental-timer']))
    expect(script.indexOf('fn trigger create')).toBeGreaterThan(script.indexOf('fn deploy "$fn"'))
  })

  it('declares timer triggers with 7-field cron expressions', () => {
    for (const f of rc.functions) {
      for (const t of f.triggers ?? []) {
        expect(t.type).toBe('timer')
        expect(t.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)
        expect(t.config.trim().split(/\s+/)).toHaveLength(7)
      }
    }
  })
})
