/**
 * Photos of reports queued offline: copied into USER_DATA_PATH so they outlive the app; a photo that
 * is gone anyway ends as a visible failure the person can fix, never an endless retry. Driven through
 * the outbox and the keeper over a strict FileSystemManager fake, with the app "restarted" between
 * queuing and sending (a new outbox over the same storage, temporary files cleared).
 */
import type { UploadResult } from '../../src/api/transport'
import { photoGone, readPickedPhoto } from '../../src/api/photo'
import type { ApiOut, SubmitReportInput } from '../../src/contracts/api'
import { createPhotoKeeper } from '../../src/outbox/photos'
import { createOutbox, nextWakeAt, parseStored, type OutboxDraft, type OutboxPhoto } from '../../src/outbox/queue'
import { fakeWxFs, USER_DATA_PATH } from '../support/fakeWxFs'

const down = { ok: false as const, code: 'UNAVAILABLE' as const, message: '网络不可用，请稍后重试' }
const label = { categoryName: '市容环境 / 垃圾堆放', gridName: '云景一网格' }

const draft = (key: string, photos: OutboxPhoto[]): OutboxDraft => ({
  idempotencyKey: key,
  category: 'env.garbage',
  description: '小区东门垃圾堆放多日无人清理',
  photos,
  location: { lng: 113.322, lat: 23.182, address: '云景路 12 号东门' },
  anonymous: false,
})

/** A phone: storage and files that survive restarts; `boot()` starts the app (a new outbox) on them. */
function phone() {
  const wx = fakeWxFs()
  let stored: unknown = []
  let online = false
  const uploaded: Array<{ path: string; bytes: string | undefined }> = []
  const sent: SubmitReportInput[] = []
  const boot = () =>
    createOutbox({
      load: () => parseStored(JSON.parse(JSON.stringify(stored))),
      save: (l) => {
        stored = JSON.parse(JSON.stringify(l))
      },
      submit: async (input) => {
        if (!online) return down
        sent.push(input)
        return { ok: true, case: { id: 'C1' }, replayed: false } as unknown as ApiOut<'reports.submit'>
      },
      // wx.cloud.uploadFile of a missing file fails like any other call: without the outbox's own
      // check, that would look like the network and be retried for ever.
      upload: async (path): Promise<UploadResult> => {
        if (!online) return down
        if (!wx.has(path)) throw new Error(`uploadFile:fail file not found ${path}`)
        uploaded.push({ path, bytes: wx.read(path) })
        return { ok: true, fileId: `F${uploaded.length}` }
      },
      now: () => Date.now(),
      photos: createPhotoKeeper(wx.fs, USER_DATA_PATH),
    })
  return { wx, boot, uploaded, sent, goOnline: () => (online = true) }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('outbox photos', () => {
  it('a photo copied when the report was queued survives a restart and is sent from the copy', async () => {
    const p = phone()
    const shot = p.wx.pick('JPEG-east-gate')
    const box = p.boot()
    const item = await box.add(draft('K1', [{ localPath: shot, fileId: null }]), label)
    const kept = item.draft.photos[0]!.localPath
    expect(kept.startsWith(`${USER_DATA_PATH}/outbox/K1-`)).toBe(true)
    expect(box.get('K1')!.draft.photos[0]!.localPath).toBe(kept)

    p.wx.restart()
    expect(p.wx.has(shot)).toBe(false)
    const after = p.boot()
    p.goOnline()
    await expect(after.resend('K1')).resolves.toMatchObject({ kind: 'sent', caseId: 'C1' })
    expect(p.uploaded).toEqual([{ path: kept, bytes: 'JPEG-east-gate' }])
    expect(p.sent[0]!.photos).toEqual(['F1'])
    // Sent: the copy is no longer needed.
    await settle()
    expect(p.wx.userFiles()).toEqual([])
  })

  it('a queued report whose photo was deleted ends as a visible failure and is not retried', async () => {
    const p = phone()
    const box = p.boot()
    const item = await box.add(draft('K2', [{ localPath: p.wx.pick('a'), fileId: null }, { localPath: p.wx.pick('b'), fileId: null }]), label)
    // The person cleared the app's storage (or the copy was lost some other way).
    p.wx.remove(item.draft.photos[1]!.localPath)
    p.wx.restart()
    const after = p.boot()
    p.goOnline()
    await expect(after.resend('K2')).resolves.toEqual({ kind: 'failed', key: 'K2', code: 'VALIDATION', message: photoGone().message })
    expect(after.get('K2')).toMatchObject({ state: 'failed', errorCode: 'VALIDATION', errorDetails: { photos: photoGone().message } })
    expect(nextWakeAt(after.items())).toBeNull()
    // The first photo went up and keeps its file id, so fixing the report does not send it twice.
    expect(after.get('K2')!.draft.photos.map((x) => x.fileId)).toEqual(['F1', null])

    const tries = p.uploaded.length
    await after.flush({ all: true })
    await after.flush({ all: true })
    expect(p.uploaded).toHaveLength(tries)
    expect(p.sent).toEqual([])
  })

  it('a photo that could not be copied keeps its path and the report still queues; once that file is gone the resend fails visibly', async () => {
    const p = phone()
    const box = p.boot()
    // A path chooseImage never gave (or storage refused the copy): copyFile fails, the report still queues.
    const item = await box.add(draft('K3', [{ localPath: 'wxfile://tmp_missing.jpg', fileId: null }]), label)
    expect(item.draft.photos[0]!.localPath).toBe('wxfile://tmp_missing.jpg')
    expect(p.wx.calls.some((c) => c.startsWith('copyFile wxfile://tmp_missing.jpg'))).toBe(true)
    p.wx.restart()
    p.goOnline()
    await expect(p.boot().resend('K3')).resolves.toMatchObject({ kind: 'failed', code: 'VALIDATION' })
  })

  it('editing, deleting and the start-up sweep remove copies nobody refers to, and only those', async () => {
    const p = phone()
    const box = p.boot()
    const first = await box.add(draft('K4', [{ localPath: p.wx.pick('one'), fileId: null }, { localPath: p.wx.pick('two'), fileId: null }]), label)
    const [one, two] = first.draft.photos.map((x) => x.localPath)
    // Edited after a failure: the first photo was removed, a new one added.
    const edited = await box.add(draft('K4', [{ localPath: two!, fileId: null }, { localPath: p.wx.pick('three'), fileId: null }]), label)
    await settle()
    expect(edited.draft.photos[0]!.localPath).toBe(two)
    expect(p.wx.has(one!)).toBe(false)
    expect(p.wx.userFiles()).toEqual([two, edited.draft.photos[1]!.localPath].sort())

    await box.add(draft('K5', [{ localPath: p.wx.pick('five'), fileId: null }]), label)
    box.remove('K4')
    await settle()
    expect(p.wx.userFiles()).toEqual([box.get('K5')!.draft.photos[0]!.localPath])

    // A crash between copying and saving leaves an orphan; the next start removes it, and nothing in use.
    const orphan = `${USER_DATA_PATH}/outbox/K9-crash.jpg`
    await new Promise<void>((r) => p.wx.fs.copyFile({ srcPath: p.wx.pick('x'), destPath: orphan, success: () => r(), fail: () => r() }))
    expect(p.wx.has(orphan)).toBe(true)
    await p.boot().sweep()
    expect(p.wx.userFiles()).toEqual([box.get('K5')!.draft.photos[0]!.localPath])
  })

  it('the sweep leaves alone the copies of a report being queued at that moment', async () => {
    const p = phone()
    const box = p.boot()
    const adding = box.add(draft('K6', [{ localPath: p.wx.pick('six'), fileId: null }]), label)
    await box.sweep()
    const item = await adding
    await box.sweep()
    expect(p.wx.has(item.draft.photos[0]!.localPath)).toBe(true)
  })
})

describe('photos picked in a browser', () => {
  it('a blob: URL that no longer loads is a gone photo; another failed load is still the network', async () => {
    const broken = async () => {
      throw new TypeError('Failed to fetch')
    }
    await expect(readPickedPhoto('blob:http://127.0.0.1:8080/0f3c', broken)).resolves.toBeNull()
    await expect(readPickedPhoto('http://127.0.0.1:8080/tmp/a.jpg', broken)).rejects.toThrow('Failed to fetch')
  })
})
