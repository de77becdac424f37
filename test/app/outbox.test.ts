/** The 待发送 queue: what stays, what goes, when it is tried again, and that nothing is sent twice. */
import type { UploadResult } from '../../src/api/transport'
import type { ApiOut, SubmitReportInput } from '../../src/contracts/api'
import {
  BACKOFF_MS,
  backoffMs,
  createOutbox,
  nextWakeAt,
  parseStored,
  type OutboxDraft,
  type OutboxItem,
} from '../../src/outbox/queue'

const draft = (key = 'KEY00000000000000000000001', photos: OutboxDraft['photos'] = []): OutboxDraft => ({
  idempotencyKey: key,
  category: 'env.garbage',
  description: '小区东门垃圾堆放多日无人清理',
  photos,
  location: { lng: 113.322, lat: 23.182, address: '云景路 12 号东门' },
  anonymous: false,
})

const okCase = (id = 'C1', replayed = false): ApiOut<'reports.submit'> =>
  ({ ok: true, case: { id } as never, replayed }) as ApiOut<'reports.submit'>
const down = { ok: false as const, code: 'UNAVAILABLE' as const, message: '网络不可用，请稍后重试' }

function setup() {
  let stored: unknown = undefined
  let now = 1_000_000
  const sent: SubmitReportInput[] = []
  const uploads: string[] = []
  let answer: () => Promise<ApiOut<'reports.submit'>> = async () => okCase()
  let uploadAnswer: (p: string) => Promise<UploadResult> = async (p) => ({ ok: true, fileId: `F-${p}` })
  const box = createOutbox({
    // JSON round trip, as Taro storage does: no object is shared between reads.
    load: () => parseStored(stored === undefined ? [] : JSON.parse(JSON.stringify(stored))),
    save: (l) => {
      stored = JSON.parse(JSON.stringify(l))
    },
    submit: (input) => {
      sent.push(input)
      return answer()
    },
    upload: (p) => {
      uploads.push(p)
      return uploadAnswer(p)
    },
    now: () => now,
  })
  return {
    box,
    sent,
    uploads,
    stored: () => stored as OutboxItem[],
    tick: (ms: number) => (now += ms),
    now: () => now,
    answer: (f: () => Promise<ApiOut<'reports.submit'>>) => (answer = f),
    uploadAnswer: (f: (p: string) => Promise<UploadResult>) => (uploadAnswer = f),
  }
}

describe('outbox', () => {
  it('enqueues with the draft key, pending and due at once', async () => {
    const t = setup()
    const item = await t.box.add(draft(), { categoryName: '市容环境 / 垃圾堆放', gridName: '云景一网格' })
    expect(item.key).toBe('KEY00000000000000000000001')
    expect(t.box.items()).toHaveLength(1)
    expect(t.stored()[0]).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: t.now(), categoryName: '市容环境 / 垃圾堆放' })
    // Queuing the same draft again (edited after a failure) replaces it rather than adding a second.
    await t.box.add({ ...draft(), description: '改过的描述内容' }, { categoryName: 'x', gridName: null })
    expect(t.box.items()).toHaveLength(1)
    expect(t.box.items()[0]!.draft.description).toBe('改过的描述内容')
  })

  it('removes the item when the resend succeeds, and also when the server replays it', async () => {
    const t = setup()
    await t.box.add(draft('K1'), { categoryName: 'a', gridName: null })
    await t.box.add(draft('K2'), { categoryName: 'b', gridName: null })
    const seen: string[] = []
    t.box.onChange((_items, r) => r && seen.push(r.kind))
    await expect(t.box.resend('K1')).resolves.toEqual({ kind: 'sent', key: 'K1', caseId: 'C1', replayed: false })
    t.answer(async () => okCase('C2', true))
    await expect(t.box.resend('K2')).resolves.toMatchObject({ kind: 'sent', caseId: 'C2', replayed: true })
    expect(t.box.items()).toEqual([])
    expect(seen).toEqual(['sent', 'sent'])
  })

  it('keeps an UNAVAILABLE item with growing back-off, capped at 5 minutes', async () => {
    const t = setup()
    t.answer(async () => down)
    await t.box.add(draft(), { categoryName: 'a', gridName: null })
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      await t.box.resend(draft().idempotencyKey)
      const it = t.box.items()[0]!
      expect(it.state).toBe('pending')
      expect(it.error).toBe('网络不可用，请稍后重试')
      waits.push(it.nextAttemptAt - t.now())
    }
    expect(waits).toEqual([5_000, 15_000, 60_000, 300_000, 300_000, 300_000])
    expect(backoffMs(1)).toBe(BACKOFF_MS[0])
  })

  it('a thrown submit counts as a network failure, not a lost report', async () => {
    const t = setup()
    t.answer(() => Promise.reject(new Error('socket hang up')))
    await t.box.add(draft(), { categoryName: 'a', gridName: null })
    await expect(t.box.resend(draft().idempotencyKey)).resolves.toMatchObject({ kind: 'retry' })
    expect(t.box.items()[0]).toMatchObject({ state: 'pending', attempts: 1 })
  })

  it('flush sends only items that are due, unless asked for all', async () => {
    const t = setup()
    t.answer(async () => down)
    await t.box.add(draft('K1'), { categoryName: 'a', gridName: null })
    await t.box.flush()
    expect(t.sent).toHaveLength(1)
    await t.box.flush() // back-off of 5 s not over yet
    expect(t.sent).toHaveLength(1)
    expect(nextWakeAt(t.box.items())).toBe(t.now() + 5_000)
    t.tick(5_000)
    await t.box.flush()
    expect(t.sent).toHaveLength(2)
    await t.box.flush({ all: true }) // the network came back: do not wait
    expect(t.sent).toHaveLength(3)
  })

  it('marks VALIDATION and OUT_OF_AREA as failed with the server message, and stops sending them', async () => {
    const t = setup()
    t.answer(async () => ({ ok: false, code: 'VALIDATION', message: '请选择具体的问题分类', details: { category: '分类不存在' } }))
    await t.box.add(draft('K1'), { categoryName: 'a', gridName: null })
    await expect(t.box.resend('K1')).resolves.toMatchObject({ kind: 'failed', code: 'VALIDATION', message: '请选择具体的问题分类' })
    expect(t.box.get('K1')).toMatchObject({ state: 'failed', error: '请选择具体的问题分类', errorDetails: { category: '分类不存在' } })
    expect(nextWakeAt(t.box.items())).toBeNull()

    t.answer(async () => ({ ok: false, code: 'OUT_OF_AREA', message: '该位置不在本区网格范围内，请重新选点' }))
    await t.box.add(draft('K2'), { categoryName: 'a', gridName: null })
    await t.box.flush({ all: true })
    expect(t.box.get('K2')).toMatchObject({ state: 'failed', errorCode: 'OUT_OF_AREA' })
    const before = t.sent.length
    t.tick(3_600_000)
    await t.box.flush({ all: true })
    await t.box.resend('K1')
    expect(t.sent).toHaveLength(before)
  })

  it('sends the same idempotency key on every resend', async () => {
    const t = setup()
    let n = 0
    t.answer(async () => (++n < 4 ? down : okCase()))
    await t.box.add(draft('SAMEKEY'), { categoryName: 'a', gridName: null })
    for (let i = 0; i < 4; i++) await t.box.resend('SAMEKEY')
    expect(t.sent.map((s) => s.idempotencyKey)).toEqual(['SAMEKEY', 'SAMEKEY', 'SAMEKEY', 'SAMEKEY'])
    expect(t.box.items()).toEqual([])
  })

  it('two resends racing share one request', async () => {
    const t = setup()
    let release!: () => void
    t.answer(() => new Promise((r) => (release = () => r(okCase()))))
    await t.box.add(draft('K1'), { categoryName: 'a', gridName: null })
    const a = t.box.resend('K1')
    const b = t.box.resend('K1')
    const c = t.box.flush({ all: true })
    expect(t.box.isSending('K1')).toBe(true)
    await Promise.resolve()
    release()
    const [ra, rb] = await Promise.all([a, b, c])
    expect(ra).toEqual(rb)
    expect(t.sent).toHaveLength(1)
    expect(t.box.items()).toEqual([])
    // Once done, a later resend of the gone item sends nothing.
    await expect(t.box.resend('K1')).resolves.toEqual({ kind: 'gone', key: 'K1' })
    expect(t.sent).toHaveLength(1)
  })

  it('uploads photos that never made it, keeps each file id, and does not upload them again', async () => {
    const t = setup()
    let uploadsOk = false
    t.uploadAnswer(async (p) => (uploadsOk || p === 'tmp/a.jpg' ? { ok: true, fileId: `F-${p}` } : down))
    await t.box.add(
      draft('K1', [
        { localPath: 'tmp/0.jpg', fileId: 'F-0' },
        { localPath: 'tmp/a.jpg', fileId: null },
        { localPath: 'tmp/b.jpg', fileId: null },
      ]),
      { categoryName: 'a', gridName: null },
    )
    await expect(t.box.resend('K1')).resolves.toMatchObject({ kind: 'retry' })
    expect(t.sent).toHaveLength(0)
    expect(t.box.get('K1')!.draft.photos.map((p) => p.fileId)).toEqual(['F-0', 'F-tmp/a.jpg', null])
    uploadsOk = true
    await t.box.resend('K1')
    expect(t.uploads).toEqual(['tmp/a.jpg', 'tmp/b.jpg', 'tmp/b.jpg'])
    expect(t.sent[0]!.photos).toEqual(['F-0', 'F-tmp/a.jpg', 'F-tmp/b.jpg'])
    expect(t.box.items()).toEqual([])
  })

  it('a photo the server refuses is a permanent failure', async () => {
    const t = setup()
    t.uploadAnswer(async () => ({ ok: false, code: 'VALIDATION', message: '仅支持 JPG、PNG、WebP 格式的图片' }))
    await t.box.add(draft('K1', [{ localPath: 'tmp/x.gif', fileId: null }]), { categoryName: 'a', gridName: null })
    await expect(t.box.resend('K1')).resolves.toMatchObject({ kind: 'failed', message: '仅支持 JPG、PNG、WebP 格式的图片' })
  })

  it('a delete while sending is not undone by the answer', async () => {
    const t = setup()
    let release!: () => void
    t.answer(() => new Promise((r) => (release = () => r(down))))
    await t.box.add(draft('K1'), { categoryName: 'a', gridName: null })
    const p = t.box.resend('K1')
    t.box.remove('K1')
    release()
    await p
    expect(t.box.items()).toEqual([])
  })

  it('ignores malformed storage', () => {
    expect(parseStored(null)).toEqual([])
    expect(parseStored('x')).toEqual([])
    expect(parseStored([{ key: 1 }, { key: 'a', draft: { photos: [] }, state: 'pending' }])).toHaveLength(1)
  })
})
