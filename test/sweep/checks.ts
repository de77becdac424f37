/**
 * What the sweep checks on every page, at every width: measured in the page (one `evaluate`), then
 * judged here so the rules and the allow-list are plain Node code with tests of their own.
 */
import type { Page } from 'playwright-core'

export interface Measured {
  innerWidth: number
  scrollWidth: number
  /** Visible text of the page, the dev role switcher left out. */
  text: string
  /** Elements narrower than two of their characters whose own text wraps onto more lines than one. */
  narrow: { tag: string; cls: string; text: string; width: number; fontSize: number; lines: number }[]
  /** Elements wider than the window that stick out of it (what makes scrollWidth too big). */
  wide: { tag: string; cls: string; right: number }[]
  /** Dates, times, phones and case numbers broken over two lines. */
  split: { tag: string; cls: string; text: string }[]
  /** Text under 4.5:1 (3:1 when large) against its background: advice, not a failure of the sweep. */
  contrast: { cls: string; text: string; ratio: number }[]
}

/** Runs in the page: measures the document once the page has settled. */
export function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const s = getComputedStyle(el)
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0
    }
    // Taro keeps earlier pages of the stack in the DOM, hidden: only the page on show counts.
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => visible(p))
    const root: Element = pages[pages.length - 1] ?? document.body
    const skip = (el: Element) => !!el.closest('#jf-role-switcher')
    const narrow: Measured['narrow'] = []
    const wide: Measured['wide'] = []
    const split: Measured['split'] = []
    const contrast: Measured['contrast'] = []
    const rgba = (v: string): number[] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(v)
      if (!m) return null
      const [r, g, b, a] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
      return [r!, g!, b!, a ?? 1]
    }
    const over = (top: number[], under: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!))
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const x = v / 255
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    /** Text against the nearest painted background (white below all); null over a picture or gradient, or when faded on purpose (disabled). */
    const contrastOf = (el: Element, cs: CSSStyleDeclaration): number | null => {
      const fg = rgba(cs.color)
      if (!fg || el.closest('[disabled], .nut-button-disabled, .is-disabled')) return null
      // The painted layers from the text down to the first opaque one, laid over white from the bottom up.
      const layers: number[][] = []
      for (let x: Element | null = el; x; x = x.parentElement) {
        const s = getComputedStyle(x)
        if (Number(s.opacity) < 1) return null
        if (s.backgroundImage !== 'none') return null
        const c = rgba(s.backgroundColor)
        if (c && c[3]! > 0) {
          layers.push(c)
          if (c[3]! >= 1) break
        }
      }
      let bg: number[] = [255, 255, 255]
      for (const c of layers.reverse()) bg = c[3]! >= 1 ? c.slice(0, 3) : over(c, bg)
      const text = fg[3]! < 1 ? over(fg, bg) : fg.slice(0, 3)
      const [a, b] = [lum(text), lum(bg)].sort((p, q) => q - p)
      return (a! + 0.05) / (b! + 0.05)
    }
    const W = window.innerWidth
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT)
    for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
      const el = n as HTMLElement
      if (skip(el) || !visible(el)) continue
      const r = el.getBoundingClientRect()
      if (r.right > W + 1 && getComputedStyle(el).position !== 'fixed') {
        // Only the outermost offender inside a non-scrolling parent matters; a horizontally scrolling box is fine.
        let scroller = false
        for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
          const ox = getComputedStyle(p).overflowX
          if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') {
            scroller = true
            break
          }
        }
        if (!scroller) wide.push({ tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 80), right: Math.round(r.right) })
      }
      const ownNodes = Array.from(el.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim())
      const own = ownNodes
        .map((c) => c.textContent ?? '')
        .join('')
        .trim()
      if (!own || own.length < 2) continue
      const cs = getComputedStyle(el)
      const fs = parseFloat(cs.fontSize) || 14
      const ratio = contrastOf(el, cs)
      if (ratio !== null && ratio < (fs >= 24 || (fs >= 18.66 && Number(cs.fontWeight) >= 700) ? 3 : 4.5))
        contrast.push({ cls: String(el.className).slice(0, 80), text: own.slice(0, 20), ratio: Math.round(ratio * 100) / 100 })
      const inner = r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth)
      if (r.height < 1.8 * fs) continue
      // A date, time, phone or case number broken over two lines.
      for (const t of ownNodes) {
        const v = t.textContent ?? ''
        for (const hit of v.matchAll(/\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}|1[3-9]\d{9}|\d{3}\*{4}\d{4}|0\d{2,3}-\d{7,8}|[\u4e00-\u9fa5]{1,8}-\d{4}-\d{5}/g)) {
          const range = document.createRange()
          range.setStart(t, hit.index!)
          range.setEnd(t, hit.index! + hit[0].length)
          const lines = new Set(Array.from(range.getClientRects()).filter((q) => q.width > 0).map((q) => Math.round(q.top / (fs / 2))))
          if (lines.size > 1) split.push({ tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 80), text: hit[0] })
        }
      }
      // The lines of the element's own text only (a child's text may sit beside it on a line of its own).
      const tops = new Set<number>()
      for (const t of ownNodes) {
        const range = document.createRange()
        range.selectNodeContents(t)
        for (const q of Array.from(range.getClientRects())) if (q.width > 0) tops.add(Math.round(q.top))
      }
      // Narrower than two characters, or so narrow that its lines hold one character each (a header set vertically).
      if (tops.size > 1 && (inner < 2 * fs || own.replace(/\s/g, '').length / tops.size < 2))
        narrow.push({ tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 80), text: own.slice(0, 20), width: Math.round(inner), fontSize: fs, lines: tops.size })
    }
    let text = (root as HTMLElement).innerText ?? ''
    const sw = root.querySelector('#jf-role-switcher') as HTMLElement | null
    if (sw?.innerText) text = text.replace(sw.innerText, '')
    // Also the fixed overlays Taro draws outside the page (toasts, modals).
    for (const o of Array.from(document.querySelectorAll('.taro__toast, .taro__modal, .nut-toast, .nut-dialog'))) if (visible(o)) text += `\n${(o as HTMLElement).innerText}`
    return { innerWidth: W, scrollWidth: document.scrollingElement!.scrollWidth, text, narrow, wide: wide.slice(0, 8), split, contrast }
  })
}

/** English words people may meet on a screen. */
export const ENGLISH_OK = new Set([
  ...['CSV', 'csv', 'QR', 'ID', 'PDF', 'JSON', 'json', 'GeoJSON', 'geojson', 'Excel', 'xlsx', 'xls', 'App', 'GPS', 'H5'],
  // File encodings and the coordinate system an administrator's import files must be in, as the tools that make them name them.
  ...['UTF', 'GBK', 'GB18030', 'WGS'],
])

export interface Finding {
  role: string
  page: string
  width: number
  what: string
}

export interface Allowed {
  /** A regular expression source matched against `what` (and the page, when `page` is given). */
  what: string
  page?: string
  role?: string
  /** Why it may stay: required. */
  reason: string
}

/** Kinds of text that are internal ids, codes or machine words, never for people. */
export const ID_SHAPES: { name: string; re: RegExp }[] = [
  { name: 'ULID', re: /\b[0-9A-HJKMNP-TV-Z]{26}\b/g },
  { name: 'id 01…', re: /\b01[0-9A-HJKMNP-TV-Z]{10,}\b/g },
  { name: 'long hex', re: /\b[0-9a-f]{16,}\b/gi },
  { name: 'action name', re: /\b[a-z]+\.[a-z][A-Za-z]+\b/g },
  { name: 'demo/dev id', re: /\b(?:demo|dev)-[a-z0-9-]+\b/g },
  { name: 'UTC time', re: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
]

/** A 12–20 digit unit code (网格编码 440111010001001): staff may read them on their own pages, residents never. */
export const UNIT_CODE = /(?<!\d)\d{12,20}(?!\d)/g

/** The findings of one page at one width. */
export function judge(m: Measured, ctx: { role: string; page: string; width: number; resident: boolean }): Finding[] {
  const out: Finding[] = []
  const f = (what: string) => out.push({ role: ctx.role, page: ctx.page, width: ctx.width, what })
  if (m.scrollWidth > m.innerWidth) {
    const who = m.wide.map((w) => `${w.tag}.${w.cls.split(' ')[0] || '?'}→${w.right}`).join(', ')
    f(`horizontal overflow: scrollWidth ${m.scrollWidth} > ${m.innerWidth}${who ? ` (${who})` : ''}`)
  }
  for (const n of m.split) f(`broken over two lines: 「${n.text}」 in ${n.tag}.${n.cls.split(' ')[0] || '?'}`)
  for (const n of m.narrow) f(`narrow text box wraps: 「${n.text}」 in ${n.tag}.${n.cls.split(' ')[0] || '?'} ${n.width}px wide, ${n.lines} lines`)
  for (const { name, re } of ID_SHAPES) for (const hit of new Set(m.text.match(re) ?? [])) f(`${name} in text: ${hit}`)
  if (ctx.resident) for (const hit of new Set(m.text.match(UNIT_CODE) ?? [])) if (!/^1[3-9]\d{9}$/.test(hit)) f(`unit code on a resident screen: ${hit}`)
  const tokens = new Set(m.text.replace(/https?:\/\/\S+/g, '').match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g) ?? [])
  for (const t of tokens) {
    if (!/[A-Za-z]/.test(t) || ENGLISH_OK.has(t)) continue
    // Letters with digits, or a run of capitals: a code cut from an id (AC5016, JNN3ZD) or one people type (an invitation).
    if (/\d/.test(t) || /^[A-Z]{5,}$/.test(t)) {
      if (!ENGLISH_OK.has(t.replace(/-?\d+$/, ''))) f(`code-like: ${t}`)
    } else for (const w of t.split('-')) if (w.length > 1 && !ENGLISH_OK.has(w)) f(`English word: ${w}`)
  }
  return out
}

export function allowed(finding: Finding, list: readonly Allowed[]): boolean {
  return list.some((a) => new RegExp(a.what).test(finding.what) && (!a.page || new RegExp(a.page).test(finding.page)) && (!a.role || a.role === finding.role))
}
