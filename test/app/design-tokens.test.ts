/** The design tokens in src/app.css: defined once at the page root, readable, and used instead of literals. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
const appCss = readFileSync(join(ROOT, 'src/app.css'), 'utf8')

function tokens(): Record<string, string> {
  const root = /page,\s*body\s*\{([^}]*)\}/.exec(appCss)
  if (!root) throw new Error('no `page, body` block in app.css')
  return Object.fromEntries([...root[1]!.matchAll(/(--jf-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]))
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

  it('keeps body and muted text at 4.5:1 or more on white and on the page background', () => {
    const t = tokens()
    for (const text of ['--jf-c-text', '--jf-c-text-2', '--jf-c-muted'])
      for (const bg of ['--jf-c-surface', '--jf-c-bg']) expect(contrast(t[text]!, t[bg]!)).toBeGreaterThanOrEqual(4.5)
  })

  it('leaves no literal of the old low-contrast grey in the areas that use the tokens', () => {
    const areas = ['src/pages/mediation', 'src/pages/mediation-staff', 'src/pages/grid', 'src/pages/grid-staff', 'src/pages/admin', 'src/pages/home', 'src/pages/inbox', 'src/pages/join']
    const offenders = areas.flatMap((a) => cssFiles(join(ROOT, a))).filter((f) => /#909399|#86909c/i.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
