/**
 * The H5 desk's way around (综治中心, 区级管理, 调解台账): going back to a desk list without losing its
 * filters, and a desk page's own back (the step is taken by DeskHeader's `goBack`). The desk pages run
 * on H5 only; these helpers read `sessionStorage` only when it exists. Pure: no Taro here.
 */

/** A page's route without leading slash or query: `/pages/a/index?x=1` → `pages/a/index`. */
export const routeOf = (url: string): string => url.replace(/^\//, '').split('?')[0]!

/** Where back goes from here: `back` to the page under this one when it is `target` (or any page when no target); else `open` it. */
export function backStep(stack: readonly { route?: string }[], target?: string): 'back' | 'open' | 'home' {
  const below = stack.length > 1 ? stack[stack.length - 2]?.route : undefined
  if (below !== undefined && (!target || routeOf(below) === routeOf(target))) return 'back'
  return target ? 'open' : 'home'
}

const store = (): Storage | null => {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

/** A desk list's filter, kept for this browser tab so a reload or a case opened on its own finds it again. */
export function loadDeskState<T extends object>(key: string, fallback: T): T {
  try {
    const raw = store()?.getItem(`jf.desk.${key}`)
    const v = raw ? (JSON.parse(raw) as unknown) : null
    return v && typeof v === 'object' && !Array.isArray(v) ? { ...fallback, ...(v as Partial<T>) } : fallback
  } catch {
    return fallback
  }
}

export function saveDeskState(key: string, value: object): void {
  try {
    store()?.setItem(`jf.desk.${key}`, JSON.stringify(value))
  } catch {
    // Storage full or refused (private mode): the filter just is not kept.
  }
}
