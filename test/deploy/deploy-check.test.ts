/**
 * npm run deploy:check, run as the CLI against the repository and against temp copies with
 * one thing broken: a function missing from cloudbaserc.json, an undeclared collection, a
 * secret given as a value, a timer on a handler that does not load, an oversized mini-program, and
 * a mini-program WeChat's code-quality scan (miniprogram-ci checkCodeQuality) flags.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../support/server'

const rc = () => JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'))

function tinyWeapp(bytes: Record<string, number> = {}, app: object = { lazyCodeLoading: 'requiredComponents' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'jf-weapp-'))
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'pages/staff', pages: ['queue/index'] }], ...app }))
  for (const [file, n] of Object.entries({ 'pages/home/index.js': 1000, 'pages/staff/queue/index.js': 1000, ...bytes })) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), Buffer.alloc(n, 0x61))
  }
  return dir
}

function run(opts: { rc?: object; functions?: string; miniprogram?: string; projectConfig?: object } = {}): { code: number; out: string } {
  const args = [join(ROOT, 'scripts/deploy-check.mjs'), '--miniprogram', opts.miniprogram ?? tinyWeapp()]
  if (opts.rc) {
    const file = join(mkdtempSync(join(tmpdir(), 'jf-rc-')), 'cloudbaserc.json')
    writeFileSync(file, JSON.stringify(opts.rc))
    args.push('--rc', file)
  }
  if (opts.functions) args.push('--functions', opts.functions)
  if (opts.projectConfig) {
    const file = join(mkdtempSync(join(tmpdir(), 'jf-project-')), 'project.config.json')
    writeFileSync(file, JSON.stringify(opts.projectConfig))
    args.push('--project-config', file)
  }
  try {
    return { code: 0, out: execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, out: `${err.stdout}${err.stderr}` }
  }
}

describe('deploy:check', () => {
  it('passes on the repository as it is (functions built, collections declared, the real mini-program build)', () => {
    // npm test builds the mini-program first; run `npm run build:weapp` before this file alone.
    expect(existsSync(join(ROOT, 'miniprogram/app.json'))).toBe(true)
    const r = run({ miniprogram: join(ROOT, 'miniprogram') })
    expect(r.out).toMatch(/ok {2}mini-program: main \d+ KB/)
    expect(r.out).toContain('deploy:check passed')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/ok {2}\d+ functions built and loadable: .*admin/)
    expect(r.out).toMatch(/ok {2}mini-program code quality: all 11 checks pass \(PACKAGE_SIZE_LIMIT, JS_COMPRESS_OPEN, WXML_COMPRESS_OPEN, WXSS_COMPRESS_OPEN, LAZYCODE_LOADING_OPEN/)
  })

  it('fails on a function missing from cloudbaserc.json', () => {
    const broken = rc()
    broken.functions = broken.functions.filter((f: { name: string }) => f.name !== 'admin')
    const r = run({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad function admin is built but missing from cloudbaserc.json functions')
  })

  it('fails on drift from the function table (backend/functions/index.json)', () => {
    const broken = rc()
    broken.functions.find((f: { name: string }) => f.name === 'reports').timeout = 30
    const r = run({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad function reports: cloudbaserc.json has timeout 30, backend/functions/index.json says 20')
  })

  it('fails when a function that stores sealed phones lacks the PII key', () => {
    const broken = rc()
    delete broken.functions.find((f: { name: string }) => f.name === 'mediation').envVariables.JIEFANG_PII_KEY
    const r = run({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad function mediation: envVariables.JIEFANG_PII_KEY must be {{env.JIEFANG_PII_KEY}}')
  })

  it('fails on a collection the store uses but cloudbaserc.json does not declare', () => {
    const broken = rc()
    const db = Object.values(broken.framework.plugins as Record<string, { use: string; inputs: { collections: Array<{ collectionName: string }> } }>).find((p) => p.use === '@cloudbase/framework-plugin-database')!
    db.inputs.collections = db.inputs.collections.filter((c) => c.collectionName !== 'jf_invitations')
    const r = run({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad collection jf_invitations is used by the store but not declared in cloudbaserc.json')
  })

  it('fails on a query the store sends that no declared index serves (the SLA timers without by_sla)', () => {
    const broken = rc()
    const db = Object.values(broken.framework.plugins as Record<string, { use: string; inputs: { collections: Array<{ collectionName: string; createIndexes: Array<{ name: string }> }> } }>).find((p) => p.use === '@cloudbase/framework-plugin-database')!
    const cases = db.inputs.collections.find((c) => c.collectionName === 'jf_cases')!
    cases.createIndexes = cases.createIndexes.filter((i) => i.name !== 'by_sla')
    const r = run({ rc: broken })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad query on jf_cases (fields slaDeadline) (SLA timers: open cases past their deadline (report escalation, mediation SLA)) is served by no index in cloudbaserc.json')
    expect(r.out).not.toContain('kinds of query the store sends, each served by a declared index')
  })

  it('fails on a secret given as a value, and on a timer whose handler does not load', () => {
    const broken = rc()
    broken.functions.find((f: { name: string }) => f.name === 'grid').envVariables.WX_APP_SECRET = 'd41d8cd98f00b204e9800998ecf8427e'
    const fns = mkdtempSync(join(tmpdir(), 'jf-fns-'))
    cpSync(join(ROOT, 'cloudfunctions'), fns, { recursive: true })
    writeFileSync(join(fns, 'sla-timer/index.js'), 'throw new Error("boom")')
    rmSync(join(fns, 'inbox/sdk-axios.js'))
    const r = run({ rc: broken, functions: fns })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/bad function inbox: sdk\.js does not load from the folder alone: .*sdk-axios\.js/)
    expect(r.out).toContain('bad function grid: env WX_APP_SECRET looks like a secret; give it as {{env.WX_APP_SECRET}}, not a value')
    expect(r.out).toContain('bad function sla-timer: timer every-minute points to a handler that does not load')
    // Named, not valued, passes.
    broken.functions.find((f: { name: string }) => f.name === 'grid').envVariables.WX_APP_SECRET = '{{env.WX_APP_SECRET}}'
    expect(run({ rc: broken }).code).toBe(0)
  })

  it('fails when a mini-program package is over WeChat\'s 2 MB', () => {
    const r = run({ miniprogram: tinyWeapp({ 'pages/staff/big.js': 2.5 * 1024 * 1024 }) })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/bad mini-program subpackage pages\/staff is \d+ KB, over WeChat's 2 MB/)
  })

  it('fails when WeChat\'s code-quality scan flags the mini-program: compression off, code not loaded lazily', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'))
    const r = run({ projectConfig: { ...project, setting: { ...project.setting, minified: false, minifyWXSS: false } } })
    expect(r.code).toBe(1)
    expect(r.out).toContain('bad mini-program code quality JS_COMPRESS_OPEN: JS compression is not turned on')
    expect(r.out).toContain('bad mini-program code quality WXSS_COMPRESS_OPEN')
    expect(r.out).not.toContain('WXML_COMPRESS_OPEN')
    const lazy = run({ miniprogram: tinyWeapp({}, {}) })
    expect(lazy.code).toBe(1)
    expect(lazy.out).toContain('bad mini-program code quality LAZYCODE_LOADING_OPEN')
  })
})
