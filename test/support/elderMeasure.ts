import type { Page } from 'playwright-core'

/**
 * What 长辈模式 promises, measured on the page showing: every visible text at least 18 px, every tap target
 * at least 48 px high and wide, every text at 4.5:1 or more against what is painted behind it (background
 * colours composited up the tree, a gradient's worst stop). Returns the offenders, described for a failure message.
 */
export interface ElderMeasure {
  texts: number
  smallest: number
  lowestContrast: number
  small: string[]
  lowContrast: string[]
  targets: number
  smallTargets: string[]
}

/** Tap targets: NutUI and native widgets, and our own tap-only views that say what they are. */
const TARGETS = [
  'button',
  '.nut-button',
  'input:not([type="hidden"]):not([type="file"])',
  'textarea',
  '[role="button"]',
  '[role="switch"]',
  '[role="tab"]',
  '.jf-tabbar-item',
  '.jf-home-big-entry',
  '#jf-home-more',
  '.jf-me-row',
  '.taro-navigation-bar-back',
  '.taro-navigation-bar-home',
].join(',')

export async function measureElder(p: Page): Promise<ElderMeasure> {
  return p.evaluate((targetSelector) => {
    type RGBA = [number, number, number, number]
    const parse = (c: string): RGBA | null => {
      const m = c.match(/rgba?\(([^)]+)\)/)
      if (!m) return null
      const v = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number)
      return [v[0]!, v[1]!, v[2]!, v.length > 3 ? v[3]! : 1]
    }
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3] + under[3] * (1 - top[3])
      if (a === 0) return [0, 0, 0, 0]
      const ch = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a
      return [ch(0), ch(1), ch(2), a]
    }
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m)
      return (x! + 0.05) / (y! + 0.05)
    }
    /** The colours painted behind an element: its own and its ancestors' backgrounds composited (each gradient stop tried). */
    const backdrops = (el: Element): RGBA[] => {
      let layers: RGBA[][] = [[[0, 0, 0, 0]]]
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        const stops = s.backgroundImage.includes('gradient') ? (s.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((x): x is RGBA => !!x) : []
        const own = parse(s.backgroundColor)
        const under = stops.length ? stops : own && own[3] > 0 ? [own] : []
        if (under.length) layers = layers.flatMap((l) => under.map((u) => [...l, u]))
        if (layers.every((l) => l.some((c) => c[3] >= 1))) break
      }
      // Bottom up: each layer painted over what is under it, on a white window.
      return layers.map((l) => l.reduceRight<RGBA>((under, c) => over(c, under), [255, 255, 255, 1]))
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && (el as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) !== false
    }
    const inPage = (el: Element) => !el.closest('.taro_page:not(.taro_page_show)') && !el.closest('[aria-hidden="true"]')
    const describe = (el: Element, extra: string) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${Array.from(el.classList).slice(0, 2).join('.')} 「${(el.textContent ?? '').trim().slice(0, 16)}」 ${extra}`

    const out = { texts: 0, smallest: Infinity, lowestContrast: Infinity, small: [] as string[], lowContrast: [] as string[], targets: 0, smallTargets: [] as string[] }
    const seen = new Set<Element>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || seen.has(el) || !(n.textContent ?? '').trim()) continue
      seen.add(el)
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !inPage(el) || !visible(el)) continue
      const s = getComputedStyle(el)
      out.texts++
      const size = parseFloat(s.fontSize)
      out.smallest = Math.min(out.smallest, size)
      if (size < 17.95) out.small.push(describe(el, `${size.toFixed(1)}px`))
      const fg = parse(s.color)
      if (!fg) continue
      const worst = Math.min(...backdrops(el).map((bg) => ratio(over(fg, bg), bg)))
      out.lowestContrast = Math.min(out.lowestContrast, worst)
      if (worst < 4.5) out.lowContrast.push(describe(el, `${worst.toFixed(2)}:1 ${s.color}`))
    }
    for (const el of Array.from(document.querySelectorAll(targetSelector))) {
      if (!inPage(el) || !visible(el)) continue
      // A native input inside its styled box: the box is what a finger hits.
      const box = (el.closest('.nut-input, .nut-textarea, taro-input-core, taro-textarea-core') ?? el).getBoundingClientRect()
      out.targets++
      if (box.height < 47.5 || box.width < 47.5) out.smallTargets.push(describe(el, `${Math.round(box.width)}×${Math.round(box.height)}`))
    }
    return out
  }, TARGETS)
}
