/**
 * The deployed shape of a function, run as CloudBase runs it: its folder (index.js and the SDK
 * files beside it; local.js left behind) copied outside the repository, so nothing can come from
 * node_modules, required by plain Node in cloud mode, the caller's OPENID in the invocation
 * context, the bundled @cloudbase/node-sdk talking to a FakeCloudbase that holds the demo district.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deployedCopy, seededFake, type SeededFake } from '../cloudbase/seededFake'
import { GRID1_POINT, TINY_JPEG } from '../support/fixtures'
import { ROOT } from '../support/server'

const fnRoot = join(ROOT, 'cloudfunctions')
let seeded: SeededFake
let deployDir: string

const deployed = (name: string) => deployedCopy(fnRoot, name, deployDir)

/** Requires `<dir>/index.js` in a fresh Node, calls `main`, answers its result and the files it loaded. */
function callDeployed(dir: string, event: unknown, context: unknown, extra = ''): Promise<{ result: any; loaded: string[]; extra: unknown }> {
  const script = `
    const { main } = require('./index.js')
    main(${JSON.stringify(event)}, ${JSON.stringify(context)}).then(async (result) => {
      const extra = await (async () => { ${extra} })()
      const loaded = Object.keys(require.cache).filter((f) => f.startsWith(__dirname)).map((f) => f.slice(__dirname.length + 1))
      process.stdout.write(JSON.stringify({ result, loaded, extra }))
      process.exit(0)
    })
  `
  return new Promise((done, fail) => {
    // -e runs with the current directory as its module root: the deployed folder, outside the repository.
    execFile(process.execPath, ['-e', script.replace(/__dirname/g, JSON.stringify(dir))], { cwd: dir, env: seeded.env, encoding: 'utf8', timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) return fail(new Error(`${err.message}\n${stderr}`))
      try {
        done(JSON.parse(stdout))
      } catch {
        fail(new Error(`no answer: ${stdout}\n${stderr}`))
      }
    })
  })
}

beforeAll(async () => {
  deployDir = mkdtempSync(join(tmpdir(), 'jf-deployed-'))
  seeded = await seededFake({ users: ['demo-resident', 'demo-dispatcher'] })
}, 60_000)

afterAll(async () => {
  await seeded?.stop()
  rmSync(deployDir, { recursive: true, force: true })
})

it('every function folder carries the SDK beside its bundle and names no CloudBase dependency to install', () => {
  for (const name of readdirSync(fnRoot)) {
    const files = readdirSync(join(fnRoot, name))
    expect(files).toEqual(expect.arrayContaining(['index.js', 'sdk.js', 'sdk-axios.js']))
    const pkg = require(join(fnRoot, name, 'package.json')) as { dependencies: Record<string, string> }
    expect(Object.keys(pkg.dependencies)).not.toContain('@cloudbase/node-sdk')
  }
})

it.each([
  ['session', 'me', {}, 'demo-resident'],
  ['reports', 'mine', {}, 'demo-resident'],
  ['reports', 'locate', GRID1_POINT, 'demo-resident'],
  ['cases', 'queue', { limit: 20 }, 'demo-dispatcher'],
] as const)('%s.%s answers in cloud mode from the deployed folder alone, loading no deferred SDK part', async (fn, action, data, user) => {
  const r = await callDeployed(deployed(fn), { action, data }, seeded.context(user))
  expect(r.result).toMatchObject({ ok: true })
  expect(r.loaded).toEqual(expect.arrayContaining(['index.js', 'sdk.js']))
  expect(r.loaded.filter((f) => f.startsWith('sdk-'))).toEqual([])
  expect(r.loaded).not.toContain('local.js')
})

it('a brand-new WeChat identity reports with a photo over the bundled SDK; a stranger sees none of it', async () => {
  const wx = (openid: string) => ({ request_id: 't', namespace: 'test-env', environment: JSON.stringify({ WX_OPENID: openid, TCB_ENV: 'test-env' }) })
  const me = wx('oBrandNew_cloud01')
  const upload = await callDeployed(deployed('files'), { action: 'upload', data: { contentType: 'image/jpeg', contentBase64: TINY_JPEG.toString('base64') } }, me)
  expect(upload.result).toMatchObject({ ok: true, fileId: expect.any(String) })
  const report = { category: 'HJ01', description: '楼下垃圾桶满了三天没人清', photos: [upload.result.fileId], location: { ...GRID1_POINT, address: '云景路 12 号' }, anonymous: false }
  const submitted = await callDeployed(deployed('reports'), { action: 'submit', data: { ...report, idempotencyKey: 'cloud-bundle-1' } }, me)
  expect(submitted.result).toMatchObject({ ok: true, case: { id: expect.any(String) } })
  const id = submitted.result.case.id as string
  const mine = await callDeployed(deployed('reports'), { action: 'mine', data: {} }, me)
  expect(mine.result.cases.map((c: { id: string }) => c.id)).toEqual([id])

  const stranger = wx('oBrandNew_cloud02')
  expect((await callDeployed(deployed('reports'), { action: 'mine', data: {} }, stranger)).result).toMatchObject({ ok: true, cases: [] })
  expect((await callDeployed(deployed('reports'), { action: 'get', data: { id } }, stranger)).result).toMatchObject({ ok: false })
  expect((await callDeployed(deployed('cases'), { action: 'queue', data: { limit: 20 } }, stranger)).result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('an upload reaches storage, the deferred XML part loaded on first use', async () => {
  const r = await callDeployed(deployed('files'), { action: 'upload', data: { contentType: 'image/jpeg', contentBase64: TINY_JPEG.toString('base64') } }, seeded.context('demo-resident'))
  expect(r.result).toMatchObject({ ok: true, fileId: expect.any(String) })
  expect(seeded.fake.files.size).toBeGreaterThan(0)
  expect(r.loaded).toContain('sdk-xml2js.js')
})

it('the SDK parts no call of ours reaches still load and work when touched', async () => {
  const extra = `
    const tcb = require('./sdk.js')
    const app = tcb.init({ env: 'test-env', secretId: 'a', secretKey: 'b' })
    return {
      axios: typeof app.requestClient.get,
      axiosCreate: typeof app.requestClient.get.create,
      models: typeof app.models.anyModel,
      ai: typeof app.ai().createModel,
    }
  `
  const r = await callDeployed(deployed('session'), { action: 'me', data: {} }, seeded.context('demo-resident'), extra)
  expect(r.result).toMatchObject({ ok: true })
  expect(r.extra).toEqual({ axios: 'function', axiosCreate: 'function', models: 'object', ai: 'function' })
  expect(r.loaded).toEqual(expect.arrayContaining(['sdk-axios.js', 'sdk-models.js', 'sdk-ai.js']))
})
