/**
 * One table lists the cloud functions (backend/functions/index.json); cloudbaserc.json's functions
 * and the cloudfunctions/<name>/ package.json and config.json files follow it, and any drift is
 * listed line by line by scripts/functions-table.mjs (and by npm run deploy:check).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import table from '../../backend/functions/index.json'

const ROOT = join(__dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/functions-table.mjs')

interface RcFunction {
  name: string
  timeout: number
  envVariables: Record<string, string>
  triggers?: Array<{ name: string; type: string; config: string }>
}

const rc = () => JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] }

function drift(opts: { rc?: object; functions?: string; table?: object } = {}): { code: number; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'jf-fn-table-'))
  const args = [SCRIPT]
  if (opts.rc) {
    writeFileSync(join(dir, 'cloudbaserc.json'), JSON.stringify(opts.rc))
    args.push('--rc', join(dir, 'cloudbaserc.json'))
  }
  if (opts.table) {
    writeFileSync(join(dir, 'index.json'), JSON.stringify(opts.table))
    args.push('--table', join(dir, 'index.json'))
  }
  if (opts.functions) args.push('--functions', opts.functions)
  try {
    execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    return { code: 0, lines: [] }
  } catch (e) {
    const err = e as { status: number; stderr: string }
    return { code: err.status, lines: err.stderr.split('\n').filter((l) => l.startsWith('drift ')).map((l) => l.slice('drift '.length)) }
  }
}

const copyOfFunctions = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jf-fns-'))
  cpSync(join(ROOT, 'cloudfunctions'), dir, { recursive: true })
  return dir
}

describe('the function table', () => {
  it('names a function per backend/functions/<name>.ts entry, each once', () => {
    const names = table.functions.map((f) => f.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(existsSync(join(ROOT, 'backend/functions', `${name}.ts`))).toBe(true)
    // The source files that define a function's main() are exactly the table's.
    const entries = readdirSync(join(ROOT, 'backend/functions'))
      .filter((f) => f.endsWith('.ts') && /export (const|(async )?function) main\b/.test(readFileSync(join(ROOT, 'backend/functions', f), 'utf8')))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(entries.sort()).toEqual([...names].sort())
  })

  it('matches cloudbaserc.json and the function folders as they are', () => {
    expect(drift()).toEqual({ code: 0, lines: [] })
  })

  it('lists a function cloudbaserc.json lacks, one it adds, and a changed limit, timer or secret', () => {
    const broken = rc()
    broken.functions = broken.functions.filter((f) => f.name !== 'inbox')
    broken.functions.push({ ...broken.functions[0]!, name: 'ghost' })
    broken.functions.find((f) => f.name === 'reports')!.timeout = 30
    broken.functions.find((f) => f.name === 'sla-timer')!.triggers = [{ name: 'every-minute', type: 'timer', config: '0 */5 * * * * *' }]
    delete broken.functions.find((f) => f.name === 'rental')!.envVariables.JIEFANG_PII_KEY
    const r = drift({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.lines).toEqual([
      'function reports: cloudbaserc.json has timeout 30, backend/functions/index.json says 20',
      'function inbox is built but missing from cloudbaserc.json functions',
      'function rental: cloudbaserc.json has env JIEFANG_PII_KEY undefined, backend/functions/index.json says "{{env.JIEFANG_PII_KEY}}"',
      'function sla-timer: cloudbaserc.json has triggers [{"name":"every-minute","type":"timer","config":"0 */5 * * * * *"}], backend/functions/index.json says [{"name":"every-minute","type":"timer","config":"0 */1 * * * * *"}]',
      'cloudbaserc.json declares function ghost, which backend/functions/index.json does not list',
    ])
  })

  it('lists a function folder whose package.json or config.json went its own way, or that the table lacks', () => {
    const fns = copyOfFunctions()
    const pkg = JSON.parse(readFileSync(join(fns, 'grid/package.json'), 'utf8'))
    pkg.dependencies['left-pad'] = '^1.0.0'
    writeFileSync(join(fns, 'grid/package.json'), JSON.stringify(pkg))
    writeFileSync(join(fns, 'rental-timer/config.json'), JSON.stringify({ triggers: [] }))
    cpSync(join(fns, 'grid'), join(fns, 'stray'), { recursive: true })
    const r = drift({ functions: fns })
    expect(r.code).toBe(1)
    expect(r.lines).toEqual([
      'function grid: cloudfunctions/grid/package.json differs from backend/functions/index.json (npm run build:functions rewrites it)',
      'function rental-timer: cloudfunctions/rental-timer/config.json differs from backend/functions/index.json (npm run build:functions rewrites it)',
      'cloudfunctions/stray is a function folder, but backend/functions/index.json does not list stray',
    ])
  })

  it('lists a function the table gains before cloudbaserc.json and the folders follow', () => {
    const grown = { ...table, functions: [...table.functions, { name: 'survey' }] }
    const r = drift({ table: grown })
    expect(r.code).toBe(1)
    expect(r.lines).toEqual(['function survey is built but missing from cloudbaserc.json functions', 'function survey: cloudfunctions/survey/package.json is missing'])
  })
})
