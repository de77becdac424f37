/**
 * The app's outbox: the pure queue (./queue) over Taro storage and the real api, plus the
 * triggers that send it again: app show, the network coming back, and a back-off timer.
 */
import Taro from '@tarojs/taro'
import { api } from '../api'
import { createPhotoKeeper } from './photos'
import { OUTBOX_KEY, createOutbox, nextWakeAt, parseStored, type OutboxItem, type PhotoKeeper } from './queue'

export * from './queue'

function load(): OutboxItem[] {
  try {
    return parseStored(Taro.getStorageSync(OUTBOX_KEY))
  } catch {
    return []
  }
}

/**
 * WeChat: queued photos are copied into USER_DATA_PATH, since chooseImage's temporary files may be
 * gone after a restart. H5 has no such folder; there a photo lost with the page fails on resend.
 */
function photoKeeper(): PhotoKeeper | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const root = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env?.USER_DATA_PATH
    return root ? createPhotoKeeper(Taro.getFileSystemManager(), root) : undefined
  } catch {
    return undefined
  }
}

function save(list: OutboxItem[]): void {
  try {
    if (list.length) Taro.setStorageSync(OUTBOX_KEY, list)
    else Taro.removeStorageSync(OUTBOX_KEY)
  } catch {
    // Storage full or blocked: nothing better to do than keep going with what is stored.
  }
}

/**
 * One outbox per app run. The mini-program build copies this module into each subpackage that
 * imports it (report and cases), and two copies would mean two locks and two timers, so the
 * instance lives on the Taro module object, which the main package holds once for everyone.
 */
type Runtime = { outbox: ReturnType<typeof createOutbox>; started: boolean; timer: ReturnType<typeof setTimeout> | null }
const holder = Taro as unknown as { __jfOutbox?: Runtime }
function sharedRuntime(): Runtime {
  if (holder.__jfOutbox) return holder.__jfOutbox
  const made: Runtime = {
    outbox: createOutbox({
      load,
      save,
      submit: (input) => api.call('reports.submit', input),
      upload: (path) => api.uploadPhoto(path),
      now: () => Date.now(),
      photos: photoKeeper(),
    }),
    started: false,
    timer: null,
  }
  try {
    holder.__jfOutbox = made
  } catch {
    // A frozen module object: each copy keeps its own; the idempotency key still prevents doubles.
  }
  return made
}
const rt = sharedRuntime()

export const outbox = rt.outbox

/** Sleeps until the earliest pending item is due; re-planned after every change. */
function schedule(): void {
  if (rt.timer) clearTimeout(rt.timer)
  rt.timer = null
  const at = nextWakeAt(outbox.items())
  if (at === null) return
  rt.timer = setTimeout(() => {
    rt.timer = null
    void outbox.flush().finally(schedule)
  }, Math.max(at - Date.now(), 0) + 50)
}

/** Back online: everything pending goes now rather than at its back-off time. */
function sendAll(): void {
  if (outbox.items().some((x) => x.state === 'pending')) void outbox.flush({ all: true }).finally(schedule)
}

/**
 * Starts the automatic resend once per app run. Pages that deal with reports call it on show, so
 * it runs from whichever of them the user opens first (and app.ts may call it at launch).
 */
export function startOutbox(): void {
  if (rt.started) {
    schedule()
    return
  }
  rt.started = true
  void outbox.sweep()
  outbox.onChange(() => schedule())
  try {
    Taro.onNetworkStatusChange((r) => {
      if (r.isConnected) sendAll()
    })
  } catch {
    // Not offered by this platform; the timer still runs.
  }
  try {
    Taro.onAppShow(() => sendAll())
  } catch {
    // Same: the timer and page shows cover it.
  }
  // Browsers tell "online" far more reliably than the Network Information API that Taro H5 uses.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', sendAll)
  sendAll()
  schedule()
}

/** A page was shown: the user is looking, so try everything pending now (the lock stops doubles). */
export function flushOnShow(): void {
  if (!rt.started) startOutbox()
  else sendAll()
}
