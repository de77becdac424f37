/**
 * The design tokens in src/app.css: defined once at the page root (and the mini-program's page view, .jf-root),
 * readable, used instead of literals, and swapped as a whole by 长辈模式 (`.jf-elder`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PLAIN_COLOURS, TONE_COLOURS } from '../../src/components/StatusTag/tones'

const ROOT = join(__dirname, '../..')
const appCss = readFileSync(join(ROOT, 'src/app.css'), 'utf8')

const ROOT_BLOCK = /page,\s*body,\s*\.jf-root\s*\{([^}]*)\}/
const ELDER_BLOCK = /\.jf-elder body,\s*\.jf-root\.jf-elder\s*\{([^}]*)\}/

function block(re: RegExp): string {
  const m = re.exec(appCss)
  if (!m) throw new Error(`no ${re.source} block in app.css`)
  return m[1]!
}

function tokens(): Record<string, string> {
  return Object.fromEntries([...block(ROOT_BLOCK).matchAll(/(--jf-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]))
}

/** The tokens in 长辈模式: the root's, with the elder block's on top. */
function elderTokens(): Record<string, string> {
  return { ...tokens(), ...Object.fromEntries([...block(ELDER_BLOCK).matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()])) }
}

/** A size token on the 750-wide design, at WeChat's standard font (`calc(28px * var(--jf-scale, 1))` → 28). */
function px(value: string): number {
  const m = /^(?:calc\()?(\d+(?:\.\d+)?)px(?:\s*\*\s*var\(--jf-scale, 1\)\))?$/.exec(value.trim())
  if (!m) throw new Error(`not a size: ${value}`)
  return Number(m[1])
}

/** A token's value with `var(--x)` followed to the colour or size it names. */
function resolve(value: string, t = tokens()): string {
  const m = /^var\((--[a-z0-9-]+)\)$/.exec(value.trim())
  if (!m) return value.trim()
  if (t[m[1]!] === undefined) throw new Error(`${m[1]} is not a token of app.css`)
  return resolve(t[m[1]!]!, t)
}

/** NutUI's own variables set at the page root (--nutui-*). */
function nutTokens(): Record<string, string> {
  return Object.fromEntries([...block(ROOT_BLOCK).matchAll(/(--nutui-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]))
}

function luminance(hex: string): number {
  const h = hex.replace('#', '')
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []))
}

describe('design tokens', () => {
  it('defines colours, type sizes, spacing, radii and the touch target at the page root', () => {
    const t = tokens()
    for (const name of ['--jf-c-primary', '--jf-c-text', '--jf-c-muted', '--jf-c-bg', '--jf-fs-body', '--jf-sp-md', '--jf-radius', '--jf-touch']) expect(t[name]).toBeDefined()
    expect(t['--jf-touch']).toBe('88px')
  })

  it('keeps body, muted and brand-red text at 4.5:1 or more on white, the page background and the fills, in both modes', () => {
    for (const t of [tokens(), elderTokens()])
      for (const text of ['--jf-c-text', '--jf-c-text-2', '--jf-c-muted', '--jf-c-primary-text', '--jf-c-danger-text'])
        for (const bg of ['--jf-c-surface', '--jf-c-bg', '--jf-c-fill', '--jf-c-fill-2']) expect({ text, bg, ok: contrast(resolve(t[text]!, t), resolve(t[bg]!, t)) >= 4.5 }).toEqual({ text, bg, ok: true })
  })

  it('fills the brand red and the status hues dark enough for white words on them (buttons, badges, pills)', () => {
    const t = tokens()
    for (const fill of ['--jf-c-primary', '--jf-c-danger', '--jf-c-success', '--jf-c-warning', '--jf-c-info']) expect({ fill, ok: contrast(t[fill]!, '#ffffff') >= 4.5 }).toEqual({ fill, ok: true })
  })

  it('长辈模式: every type size 18 px (36 on the 750 design) or more, touch 48 px, NutUI at the same sizes', () => {
    const e = elderTokens()
    const sizes = Object.keys(e).filter((k) => k.startsWith('--jf-fs-'))
    expect(sizes.sort()).toEqual(['--jf-fs-body', '--jf-fs-lg', '--jf-fs-md', '--jf-fs-sm', '--jf-fs-title', '--jf-fs-xl', '--jf-fs-xs'])
    for (const k of sizes) expect({ k, size: px(e[k]!) >= 36 }).toEqual({ k, size: true })
    expect(px(e['--jf-touch']!)).toBeGreaterThanOrEqual(96)
    expect(px(e['--jf-touch-sm']!)).toBeGreaterThanOrEqual(96)
    for (const k of ['--nutui-font-size-s', '--nutui-font-size-base', '--nutui-tag-font-size']) expect(px(resolve(e[k]!, e))).toBeGreaterThanOrEqual(36)
    for (const k of ['--nutui-button-small-height', '--nutui-button-default-height', '--nutui-switch-height']) expect(px(e[k]!)).toBeGreaterThanOrEqual(96)
  })

  it('writes no font size in px on the 750 design outside the tokens (长辈模式 could not reach it)', () => {
    // 40 px and up are headings and icon glyphs, already above 18 px; uppercase PX is the desk's fixed size.
    const offenders = cssFiles(join(ROOT, 'src'))
      .filter((f) => !f.endsWith('app.css'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?<![\w-])font-size:\s*(\d+)px/g)].filter((m) => Number(m[1]) < 40).map((m) => `${f.slice(ROOT.length + 1)}: ${m[0]}`))
    expect(offenders).toEqual([])
  })

  it('draws every status tag tone (StatusTag, MediationStatusTag, RentalStatusTag) at 4.5:1 or more', () => {
    const t = tokens()
    const pairs = [...Object.entries(TONE_COLOURS).map(([tone, c]) => [tone, c.fg, c.bg] as const), ['plain', PLAIN_COLOURS.fg, PLAIN_COLOURS.bg] as const]
    expect(pairs.map(([tone]) => tone).sort()).toEqual(['danger', 'default', 'info', 'plain', 'primary', 'success', 'warning'])
    const weak = pairs.map(([tone, fg, bg]) => ({ tone, ratio: contrast(resolve(fg, t), resolve(bg, t)) })).filter((p) => p.ratio < 4.5)
    expect(weak).toEqual([])
    // The outline is seen, not read: 1.2:1 at least against white.
    expect(contrast(resolve(PLAIN_COLOURS.border, t), resolve('var(--jf-c-surface)', t))).toBeGreaterThanOrEqual(1.2)
  })

  it('keeps text on a tint readable on the tint and on white (notes, tints, tags)', () => {
    const t = tokens()
    for (const hue of ['warning', 'success', 'info']) {
      expect(contrast(t[`--jf-c-${hue}-text`]!, t[`--jf-c-${hue}-soft`]!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(t[`--jf-c-${hue}-text`]!, t['--jf-c-surface']!)).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(t['--jf-c-danger-text']!, t['--jf-c-danger-soft']!)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(t['--jf-c-danger-text']!, t['--jf-c-primary-soft']!)).toBeGreaterThanOrEqual(4.5)
    // No tinted class in app.css writes its text in the bright hue itself (2.5:1 on its tint).
    expect(appCss.match(/\.jf-(?:tint|note)[^{]*\{[^}]*color:\s*var\(--jf-c-(?:warning|success|info|primary)\)/g) ?? []).toEqual([])
  })

  it('gives status tags 12 px text at least (24 on the 750-wide design) on a box that grows with it', () => {
    const t = tokens()
    expect(px(resolve('var(--nutui-tag-font-size)', { ...t, ...nutTokens() }))).toBeGreaterThanOrEqual(24)
    expect(nutTokens()['--nutui-tag-height']).toBe('auto')
  })

  it('sends every area\'s status tag through ToneTag, whose colours the tests above check', () => {
    for (const f of ['src/components/StatusTag/index.tsx', 'src/components/MediationStatusTag/index.tsx', 'src/components/RentalStatusTag/index.tsx'])
      expect(readFileSync(join(ROOT, f), 'utf8')).toMatch(/<ToneTag\b/)
    const toneTag = readFileSync(join(ROOT, 'src/components/StatusTag/ToneTag.tsx'), 'utf8')
    expect(toneTag).toMatch(/TONE_COLOURS/)
    expect(toneTag).toMatch(/PLAIN_COLOURS/)
  })

  it('leaves no literal of the old low-contrast grey in the areas that use the tokens', () => {
    const areas = ['src/components', 'src/pages/report', 'src/pages/mediation', 'src/pages/mediation-staff', 'src/pages/grid', 'src/pages/grid-staff', 'src/pages/admin', 'src/pages/home', 'src/pages/inbox', 'src/pages/join']
    const offenders = areas.flatMap((a) => cssFiles(join(ROOT, a))).filter((f) => /#909399|#86909c|#b0b3b8|#c0c4cc|(?:^|[\s;{])color:\s*#c8c9cc/i.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
