/**
 * The mini-program's direct upload: it asks `files.ticket` for a path first, uploads there and
 * registers that file; a refused ticket uploads nothing.
 */
const uploadFile = jest.fn()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    cloud: { uploadFile: (o: unknown) => uploadFile(o), callFunction: jest.fn(), init: jest.fn() },
    getFileSystemManager: () => ({
      getFileInfo: ({ success }: { success: (r: { size: number }) => void }) => success({ size: 1234 }),
      // Temporary files of this run exist; anything else was cleared (wx's access fails for it).
      access: ({ path, success, fail }: { path: string; success: () => void; fail: (e: { errMsg: string }) => void }) =>
        path.startsWith('wxfile://tmp_') ? success() : fail({ errMsg: `access:fail no such file or directory ${path}` }),
    }),
  },
}))

import { createWeappTransport } from '../../src/api/transports/weapp'
import type { FunctionEvent } from '../../src/api/transport'

const PATH = 'photos/20261206/0123456789abcdef0123456789abcdef.jpg'

beforeEach(() => uploadFile.mockReset())

it('uploads to the path of its ticket and registers that file', async () => {
  uploadFile.mockResolvedValue({ fileID: `cloud://env-1.bucket-1/${PATH}` })
  const calls: Array<[string, FunctionEvent]> = []
  const call = async (name: string, e: FunctionEvent) => {
    calls.push([name, e])
    return e.action === 'ticket' ? { ok: true, cloudPath: PATH, expiresAt: '2026-12-06T03:10:00.000Z' } : { ok: true, fileId: '01JFILE' }
  }
  expect(await createWeappTransport().uploadPhoto('wxfile://tmp_a.jpg', call)).toEqual({ ok: true, fileId: '01JFILE' })
  expect(calls).toEqual([
    ['files', { action: 'ticket', data: { contentType: 'image/jpeg' } }],
    ['files', { action: 'register', data: { cloudFileId: `cloud://env-1.bucket-1/${PATH}`, contentType: 'image/jpeg', size: 1234 } }],
  ])
  expect(uploadFile).toHaveBeenCalledWith({ cloudPath: PATH, filePath: 'wxfile://tmp_a.jpg' })
})

it('uploads nothing when the ticket is refused', async () => {
  const refused = { ok: false, code: 'RATE_LIMITED', message: '上传过于频繁，请稍后再试' }
  expect(await createWeappTransport().uploadPhoto('wxfile://tmp_a.png', async () => refused)).toEqual(refused)
  expect(uploadFile).not.toHaveBeenCalled()
})

it('a photo no longer on the phone is a final failure, and nothing is asked or uploaded', async () => {
  const calls: string[] = []
  const r = await createWeappTransport().uploadPhoto('wxfile://usr/outbox/K-1.jpg', async (name) => {
    calls.push(name)
    return { ok: true }
  })
  expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('照片已不在手机上') })
  expect(calls).toEqual([])
  expect(uploadFile).not.toHaveBeenCalled()
})
