/**
 * 待发送: reports that could not reach the server, kept on the device and sent again later.
 *
 * Pure list functions plus `createOutbox`, which only talks to the world through the injected
 * storage / submit / upload / clock, so every rule here is unit-tested without Taro.
 * The idempotency key is made once per draft and never changes, so however many times an item
 * is sent, the server files at most one case for it.
 */
import { NETWORK_LOST } from '../api/failures'
import { photoGone } from '../api/photo'
import type { UploadResult } from '../api/transport'
import type { ApiOut, SubmitReportInput } from '../contracts/api'

export const OUTBOX_KEY = 'jf.outbox'

/** Waits between automatic attempts: 5 s, 15 s, 1 min, then every 5 min. */
export const BACKOFF_MS = [5_000, 15_000, 60_000, 300_000] as const

/** A photo of a queued report: its file id once uploaded, else the local path to upload on resend. */
export interface OutboxPhoto {
  localPath: string
  fileId: string | null
}

export type OutboxDraft = Omit<SubmitReportInput, 'photos'> & { photos: OutboxPhoto[] }

export type OutboxState = 'pending' | 'failed'

export interface OutboxItem {
  /** The draft's idempotency key; also the item's id in the list. */
  key: string
  draft: OutboxDraft
  /** What 我的事项 shows before the server has named anything. */
  categoryName: string
  gridName: string | null
  createdAt: string
  /** Automatic and manual sends so far that ended in a retryable failure. */
  attempts: number
  /** Epoch ms before which the timer leaves the item alone. */
  nextAttemptAt: number
  state: OutboxState
  /** The server's message for a permanent failure (or the last retryable one). */
  error: string | null
  errorCode: string | null
  errorDetails: Record<string, string> | null
}

/** Codes that will answer the same however often the same input is sent: stop and ask the user. */
const PERMANENT = new Set(['VALIDATION', 'OUT_OF_AREA', 'FORBIDDEN', 'NOT_FOUND', 'ILLEGAL_TRANSITION'])

export function isPermanent(code: string): boolean {
  return PERMANENT.has(code)
}

export function backoffMs(attempts: number): number {
  const i = Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1
  return BACKOFF_MS[i]!
}

export function newItem(draft: OutboxDraft, label: { categoryName: string; gridName: string | null }, now: number): OutboxItem {
  return {
    key: draft.idempotencyKey,
    draft,
    categoryName: label.categoryName,
    gridName: label.gridName,
    createdAt: new Date(now).toISOString(),
    attempts: 0,
    nextAttemptAt: now,
    state: 'pending',
    error: null,
    errorCode: null,
    errorDetails: null,
  }
}

/** Adds or replaces by key; a re-queued draft (edited after a failure) keeps its place. */
export function upsert(list: OutboxItem[], item: OutboxItem): OutboxItem[] {
  const i = list.findIndex((x) => x.key === item.key)
  if (i < 0) return [item, ...list]
  const out = list.slice()
  out[i] = item
  return out
}

export function removeKey(list: OutboxItem[], key: string): OutboxItem[] {
  return list.filter((x) => x.key !== key)
}

export function isDue(item: OutboxItem, now: number): boolean {
  return item.state === 'pending' && item.nextAttemptAt <= now
}

/** When the timer should next wake, or null when nothing is waiting to be sent. */
export function nextWakeAt(list: OutboxItem[]): number | null {
  const times = list.filter((x) => x.state === 'pending').map((x) => x.nextAttemptAt)
  return times.length ? Math.min(...times) : null
}

export function markRetry(item: OutboxItem, message: string, code: string, now: number): OutboxItem {
  const attempts = item.attempts + 1
  return { ...item, attempts, nextAttemptAt: now + backoffMs(attempts), state: 'pending', error: message, errorCode: code, errorDetails: null }
}

export function markFailed(item: OutboxItem, f: { code: string; message: string; details?: Record<string, string> }): OutboxItem {
  return { ...item, state: 'failed', error: f.message, errorCode: f.code, errorDetails: f.details ?? null }
}

/** The wire input, once every photo has a file id. */
export function submitInput(d: OutboxDraft): SubmitReportInput {
  return {
    idempotencyKey: d.idempotencyKey,
    category: d.category,
    description: d.description,
    // The voice note went up before the report was kept (its upload is the same call as the photos').
    ...(d.voiceFileId ? { voiceFileId: d.voiceFileId } : {}),
    photos: d.photos.map((p) => p.fileId as string),
    location: d.location,
    anonymous: d.anonymous,
    // 联系电话 (选填), as the form chose it: typed, 我的's, or none.
    ...(d.contactPhone ? { contactPhone: d.contactPhone } : {}),
    ...(d.contactFromProfile ? { contactFromProfile: true } : {}),
  }
}

/** Storage may hold anything (older app versions, manual edits): keep only well-formed items. */
export function parseStored(raw: unknown): OutboxItem[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(
    (x): x is OutboxItem =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as OutboxItem).key === 'string' &&
      typeof (x as OutboxItem).draft === 'object' &&
      (x as OutboxItem).draft !== null &&
      Array.isArray((x as OutboxItem).draft.photos) &&
      ((x as OutboxItem).state === 'pending' || (x as OutboxItem).state === 'failed'),
  )
}

export type ResendResult =
  | { kind: 'sent'; key: string; caseId: string; replayed: boolean }
  | { kind: 'retry'; key: string; message: string }
  | { kind: 'failed'; key: string; code: string; message: string }
  | { kind: 'gone'; key: string }

/** Where queued photos are kept so they outlive the app (./photos on WeChat); none on H5. */
export interface PhotoKeeper {
  /** Copies each photo not kept yet into the app's own folder; one that cannot be copied keeps its path. */
  keep(key: string, photos: OutboxPhoto[]): Promise<OutboxPhoto[]>
  /** False when the file is not on the phone any more. */
  exists(path: string): Promise<boolean>
  /** Deletes kept copies; paths outside the folder are left alone. */
  discard(paths: string[]): Promise<void>
  /** Every kept copy in the folder. */
  kept(): Promise<string[]>
}

export interface OutboxDeps {
  load(): OutboxItem[]
  save(list: OutboxItem[]): void
  submit(input: SubmitReportInput): Promise<ApiOut<'reports.submit'>>
  upload(localPath: string): Promise<UploadResult>
  now(): number
  photos?: PhotoKeeper
}

export type OutboxListener = (items: OutboxItem[], result?: ResendResult) => void

export function createOutbox(deps: OutboxDeps) {
  // One send per key at a time: a timer tick, a network event and a 立即重试 tap arriving together
  // share the same promise instead of posting the report twice.
  const inFlight = new Map<string, Promise<ResendResult>>()
  const listeners = new Set<OutboxListener>()
  let adding = 0

  const read = () => deps.load()
  const emit = (result?: ResendResult) => {
    const items = read()
    for (const l of listeners) l(items, result)
  }
  /** Re-reads before every write, so a change made elsewhere meanwhile (a delete) is not undone. */
  const update = (key: string, f: (item: OutboxItem) => OutboxItem | null) => {
    const list = read()
    const cur = list.find((x) => x.key === key)
    if (!cur) return null
    const next = f(cur)
    deps.save(next ? list.map((x) => (x.key === key ? next : x)) : removeKey(list, key))
    if (!next) forget(cur)
    return next
  }
  /** The kept copies of an item that left the queue (sent, deleted, or replaced by an edit). */
  const forget = (gone: OutboxItem, still: OutboxPhoto[] = []) => {
    const keep = new Set(still.map((p) => p.localPath))
    const paths = gone.draft.photos.map((p) => p.localPath).filter((p) => !keep.has(p))
    if (deps.photos && paths.length) void deps.photos.discard(paths).catch(() => undefined)
  }

  async function attempt(key: string): Promise<ResendResult> {
    const item = read().find((x) => x.key === key)
    if (!item) return { kind: 'gone', key }

    const retry = (message: string, code: string): ResendResult => {
      update(key, (x) => markRetry(x, message, code, deps.now()))
      return { kind: 'retry', key, message }
    }
    const failed = (code: string, message: string, details?: Record<string, string>): ResendResult => {
      update(key, (x) => markFailed(x, { code, message, details }))
      return { kind: 'failed', key, code, message }
    }

    // Photos that never reached storage go first; each file id is saved as soon as it exists,
    // so a later attempt does not upload the same photo again.
    for (const [i, p] of item.draft.photos.entries()) {
      if (p.fileId) continue
      let r: UploadResult
      try {
        // A photo that is gone never comes back: a final failure the person fixes, not a retry.
        r = deps.photos && !(await deps.photos.exists(p.localPath)) ? photoGone() : await deps.upload(p.localPath)
      } catch {
        r = { ok: false, code: 'UNAVAILABLE', message: NETWORK_LOST }
      }
      if (!r.ok) return isPermanent(r.code) ? failed(r.code, r.message, r.details) : retry(r.message, r.code)
      const fileId = r.fileId
      const kept = update(key, (x) => ({
        ...x,
        draft: { ...x.draft, photos: x.draft.photos.map((q, j) => (j === i ? { ...q, fileId } : q)) },
      }))
      if (!kept) return { kind: 'gone', key }
      item.draft.photos[i] = { ...p, fileId }
    }

    let r: ApiOut<'reports.submit'>
    try {
      r = await deps.submit(submitInput(item.draft))
    } catch {
      r = { ok: false, code: 'UNAVAILABLE', message: NETWORK_LOST }
    }
    if (r.ok) {
      // Sent, or the server already had it (replayed): either way the real case now exists.
      update(key, () => null)
      return { kind: 'sent', key, caseId: r.case.id, replayed: r.replayed }
    }
    return isPermanent(r.code) ? failed(r.code, r.message, r.details) : retry(r.message, r.code)
  }

  /** Sends one item now, whatever its back-off; a failed item is only sent when `force` is set. */
  function resend(key: string, opts: { force?: boolean } = {}): Promise<ResendResult> {
    const running = inFlight.get(key)
    if (running) return running
    const item = read().find((x) => x.key === key)
    if (!item) return Promise.resolve({ kind: 'gone', key })
    if (item.state === 'failed' && !opts.force) {
      return Promise.resolve({ kind: 'failed', key, code: item.errorCode ?? 'VALIDATION', message: item.error ?? '' })
    }
    const p = attempt(key).finally(() => inFlight.delete(key))
    inFlight.set(key, p)
    void p.then((result) => emit(result))
    return p
  }

  return {
    items: read,
    get: (key: string) => read().find((x) => x.key === key) ?? null,
    isSending: (key: string) => inFlight.has(key),

    /** Queues a draft, its photos first copied where they survive the app stopping. */
    async add(draft: OutboxDraft, label: { categoryName: string; gridName: string | null }): Promise<OutboxItem> {
      let photos = draft.photos
      adding++
      try {
        if (deps.photos) photos = await deps.photos.keep(draft.idempotencyKey, draft.photos)
      } catch {
        // Not copied: the report is still queued, and a photo lost by then fails visibly on resend.
      } finally {
        adding--
      }
      const item = newItem({ ...draft, photos }, label, deps.now())
      const before = read().find((x) => x.key === item.key)
      deps.save(upsert(read(), item))
      if (before) forget(before, photos)
      emit()
      return item
    },

    remove(key: string): void {
      const before = read().find((x) => x.key === key)
      deps.save(removeKey(read(), key))
      if (before) forget(before)
      emit()
    },

    /**
     * Deletes kept photos no queued report refers to (a crash between copy and save leaves some).
     * Skipped while a draft is being queued: its fresh copies are not in the list yet.
     */
    async sweep(): Promise<void> {
      const keeper = deps.photos
      if (!keeper || adding) return
      const files = await keeper.kept().catch(() => [] as string[])
      if (adding) return
      const inUse = new Set(read().flatMap((x) => x.draft.photos.map((p) => p.localPath)))
      await keeper.discard(files.filter((f) => !inUse.has(f))).catch(() => undefined)
    },

    resend,

    /** Every pending item that is due (all pending ones when `all`), one after another. */
    async flush(opts: { all?: boolean } = {}): Promise<ResendResult[]> {
      const now = deps.now()
      const keys = read()
        .filter((x) => x.state === 'pending' && (opts.all || isDue(x, now)))
        .map((x) => x.key)
      const out: ResendResult[] = []
      for (const k of keys) out.push(await resend(k))
      return out
    },

    onChange(l: OutboxListener): () => void {
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
