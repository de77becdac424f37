/**
 * The district configuration as the admin form edits it: a plain copy of the JSON the server
 * keeps, changed one field at a time by its path. Validation is the server's (the same zod schema
 * as at start); its answer names each bad field by the path joined with dots.
 */
export type ConfigDraft = Record<string, unknown>
export type Path = ReadonlyArray<string | number>

/** The key the server's refusal uses for a field: `categories.3.slaHours`, `rateLimits.reports.submit.max`. */
export const pathKey = (path: Path): string => path.join('.')

/** A copy of `obj` with the value at `path` replaced (`undefined` removes the key). */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T
  const [head, ...rest] = path
  const base: unknown = obj ?? (typeof head === 'number' ? [] : {})
  const copy = (Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) }) as Record<string | number, unknown>
  const next = setAt(copy[head as string], rest, value)
  if (next === undefined && !Array.isArray(copy)) delete copy[head as string]
  else copy[head as string] = next
  return copy as T
}

export function getAt(obj: unknown, path: Path): unknown {
  let cur = obj
  for (const p of path) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string | number, unknown>)[p]
  }
  return cur
}

/**
 * What a number box holds, as the configuration should carry it: empty → absent, a number →
 * that number, anything else kept as typed so the server refuses it under the field.
 */
export function numberFromInput(raw: string): number | string | undefined {
  const t = raw.trim()
  if (t === '') return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : t
}

export const inputText = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

/** The JSON file offered for download, and read back from one: an object, or a message in Chinese. */
export function configFromFile(text: string): { ok: true; config: ConfigDraft } | { ok: false; message: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, message: '文件不是有效的配置文件（格式错误），请选择导出的配置文件' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: '文件内容不是一份区级配置' }
  return { ok: true, config: parsed as ConfigDraft }
}

export interface CategoryDraft {
  code: string
  name: string
  parent: string | null
  handler?: string
  department?: string
  slaHours?: number | string
  sensitive?: boolean
  /** 可转为调解 (a dispute category). */
  mediable?: boolean
}

/** Top-level categories, each with its sub-categories, carrying each one's index in the array (its path). */
export function categoryGroups(categories: readonly CategoryDraft[]): Array<{ top: CategoryDraft; index: number; subs: Array<{ cat: CategoryDraft; index: number }> }> {
  const groups = categories.map((c, index) => ({ c, index })).filter((x) => x.c.parent === null)
  const out = groups.map((g) => ({ top: g.c, index: g.index, subs: categories.map((cat, index) => ({ cat, index })).filter((x) => x.cat.parent === g.c.code) }))
  // A sub-category whose parent is missing still shows, so its error has a field to sit under.
  const shown = new Set(out.flatMap((g) => [g.index, ...g.subs.map((s) => s.index)]))
  const orphans = categories.map((cat, index) => ({ cat, index })).filter((x) => !shown.has(x.index))
  if (orphans.length) out.push({ top: { code: '', name: '未归类', parent: null }, index: -1, subs: orphans })
  return out
}
