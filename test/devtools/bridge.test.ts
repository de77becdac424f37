/**
 * The bridge the DevTools suite installs in the app (./bridge.ts), run here against the real local
 * server with a `wx` whose request and file system behave as WeChat's do: a brand-new identity's
 * calls reach the functions as that person, a photo goes through ticket → uploadFile → register and a
 * report can cite it, a file the bridge did not upload is refused, an unreachable server rejects the call.
 * So a DevTools run that fails points at the app or DevTools, not at this plumbing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportInput } from '../support/fixtures'
import { jpegWithMetadata } from '../support/images'
import { asOpenid, startServer, type RunningServer } from '../support/server'
import { INSTALL_BRIDGE, WRITE_USER_FILE } from './bridge'

type Cloud = {
  init(o?: unknown): void
  callFunction(o: { name: string; data: unknown }): Promise<{ result: any }>
  uploadFile(o: { cloudPath: string; filePath: string }): Promise<{ fileID: string }>
}

/** wx as the bridge uses it: request (JSON body, statusCode + parsed data), files under USER_DATA_PATH. */
function fakeWx(userData: string) {
  const cloud = { init: () => {}, callFunction: () => Promise.reject(new Error('no CloudBase here')), uploadFile: () => Promise.reject(new Error('no CloudBase here')) }
  return {
    cloud: cloud as unknown as Cloud,
    env: { USER_DATA_PATH: userData },
    request(o: { url: string; method: string; data: unknown; header: Record<string, string>; success(r: { statusCode: number; data: unknown }): void; fail(e: { errMsg: string }): void }) {
      fetch(o.url, { method: o.method, headers: o.header, body: JSON.stringify(o.data) })
        .then(async (r) => o.success({ statusCode: r.status, data: await r.json().catch(() => null) }))
        .catch((e: Error) => o.fail({ errMsg: `request:fail ${e.message}` }))
    },
    getFileSystemManager: () => ({
      readFileSync: (path: string, encoding: 'base64') => readFileSync(path).toString(encoding),
      writeFileSync: (path: string, data: string, encoding: 'base64') => writeFileSync(path, Buffer.from(data, encoding)),
    }),
  }
}

/** What `miniProgram.evaluate(source, ...args)` does in the app service: the function's text, called with the args. */
function evaluate(wx: ReturnType<typeof fakeWx>, source: string, ...args: unknown[]): unknown {
  return (new Function('wx', `return (${source})`)(wx) as (...a: unknown[]) => unknown)(...args)
}

let srv: RunningServer
beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
})
afterAll(async () => {
  await srv?.stop()
})

describe('DevTools bridge: wx.cloud → the local server', () => {
  test('calls run as the brand-new identity; a photo goes ticket → upload → register and a report cites it', async () => {
    const person = await asOpenid(srv.url, `dev-bridge-${Date.now().toString(36)}`)
    const wx = fakeWx(mkdtempSync(join(tmpdir(), 'jf-bridge-')))
    expect(evaluate(wx, INSTALL_BRIDGE, srv.url, person.token)).toBe(true)

    const me = (await wx.cloud.callFunction({ name: 'session', data: { action: 'me', data: {} } })).result
    expect(me).toMatchObject({ ok: true })
    expect(me.user.id).toBe((await person.call('session', 'me', {})).user.id)

    const path = evaluate(wx, WRITE_USER_FILE, 'photo.jpg', jpegWithMetadata(1).bytes.toString('base64')) as string
    const ticket = (await wx.cloud.callFunction({ name: 'files', data: { action: 'ticket', data: { contentType: 'image/jpeg' } } })).result
    expect(ticket).toMatchObject({ ok: true, cloudPath: expect.stringMatching(/\.jpg$/) })
    const up = await wx.cloud.uploadFile({ cloudPath: ticket.cloudPath, filePath: path })
    const reg = (await wx.cloud.callFunction({ name: 'files', data: { action: 'register', data: { cloudFileId: up.fileID, contentType: 'image/jpeg', size: 1 } } })).result
    expect(reg).toMatchObject({ ok: true, fileId: expect.any(String) })
    // One registration per upload, as files.register allows.
    const again = (await wx.cloud.callFunction({ name: 'files', data: { action: 'register', data: { cloudFileId: up.fileID, contentType: 'image/jpeg', size: 1 } } })).result
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION' })

    const submitted = (await wx.cloud.callFunction({ name: 'reports', data: { action: 'submit', data: reportInput({ photos: [reg.fileId] }) } })).result
    expect(submitted).toMatchObject({ ok: true })
    const own = await person.call('reports', 'get', { id: submitted.case.id })
    expect(own.case.photos.map((p: { fileId: string }) => p.fileId)).toEqual([reg.fileId])
  })

  test('a file the bridge did not upload is refused; a bad photo is refused by the server; an unreachable server rejects the call', async () => {
    const person = await asOpenid(srv.url, `dev-bridge-${Date.now().toString(36)}-b`)
    const wx = fakeWx(mkdtempSync(join(tmpdir(), 'jf-bridge-')))
    evaluate(wx, INSTALL_BRIDGE, srv.url, person.token)
    const forged = (await wx.cloud.callFunction({ name: 'files', data: { action: 'register', data: { cloudFileId: 'cloud://devtools/someone-else.jpg', contentType: 'image/jpeg', size: 1 } } })).result
    expect(forged).toMatchObject({ ok: false, code: 'VALIDATION' })

    const notPhoto = evaluate(wx, WRITE_USER_FILE, 'note.jpg', Buffer.from('not an image').toString('base64')) as string
    await expect(wx.cloud.uploadFile({ cloudPath: 'devtools/x.jpg', filePath: notPhoto })).rejects.toThrow(/JPG|格式/)

    const down = fakeWx(mkdtempSync(join(tmpdir(), 'jf-bridge-')))
    evaluate(down, INSTALL_BRIDGE, 'http://127.0.0.1:9', person.token)
    await expect(down.cloud.callFunction({ name: 'session', data: { action: 'me', data: {} } })).rejects.toThrow(/request:fail/)
  })
})
