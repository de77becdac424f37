/**
 * Issue 19, accessibility in the mini-program: WeChat reads aria-role / aria-label / aria-checked… on its
 * built-in components, but Taro's templates (base.wxml) had no slot for them, so a label set on a View never
 * reached the screen reader. config/aria adds the slots at build time and the same attribute table at run
 * time; this file proves the attributes arrive, in the compiled templates and on rendered pages, with the
 * values the components set (same harness as pages.test.ts: official wcc + miniprogram-simulate).
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ARIA, UNUSED } from '../../config/aria/components'
import { answers, cloudFake } from './fixtures'
import { compileWxml, ensureBuilt, MiniProgram, MP_ROOT, PROJECT_ROOT, type PageHandle } from './simulate'

ensureBuilt()

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch() {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers({}), []) })
  open.push(mp)
  return mp
}

const baseWxml = fs.readFileSync(path.join(MP_ROOT, 'base.wxml'), 'utf8')
/** Every `<template name="…">` of base.wxml with the opening tag of the element it draws. */
const templates = Array.from(baseWxml.matchAll(/<template name="(tmpl_\d+_[\w-]+)">\s*<([\w-]+)([^>]*)>/g)).map((m) => ({ name: m[1], tag: m[2], attrs: m[3] }))

describe('base.wxml (config/aria)', () => {
  test('every view, text and image template at every nesting level has a slot for each ARIA attribute', () => {
    const wanted: Record<string, string[]> = { view: ARIA.View, text: ARIA.Text, image: ARIA.Image }
    // Taro's click-only and attribute-less views (only class, style and a tap) take no attributes at all:
    // an element with an aria-* prop is drawn by the full view template instead (runtime isHasExtractProp).
    const plain = (t: { attrs: string }) => !/ bind(touchstart|longpress)="eh"| animation=| aria-/.test(t.attrs) && !/ (decode|lazy-load|src)=/.test(t.attrs)
    const checked = templates.filter((t) => t.tag in wanted && !plain(t))
    const levels = new Set(checked.map((t) => t.name.split('_')[1]))
    expect(levels.size).toBeGreaterThanOrEqual(11)
    for (const t of checked) {
      const missing = wanted[t.tag].filter((a) => !new RegExp(` ${a}="\\{\\{i\\.p\\d+\\}\\}"`).test(t.attrs))
      expect({ template: t.name, missing }).toEqual({ template: t.name, missing: [] })
    }
  })

  test('the button template names icon-only buttons', () => {
    const buttons = templates.filter((t) => t.tag === 'button')
    expect(buttons.length).toBeGreaterThan(0)
    for (const b of buttons) for (const a of ARIA.Button) expect(b.attrs).toMatch(new RegExp(` ${a}="\\{\\{i\\.p\\d+\\}\\}"`))
  })

  test('drops only attributes nothing sets: no View or Text in src/ sets them, nor does NutUI', () => {
    for (const attrs of Object.values(UNUSED)) for (const a of attrs) expect(baseWxml).not.toMatch(new RegExp(`<(view|text)[^>]* ${a}=`))
    const camel = (a: string) => a.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
    const dropped = new Set(Object.values(UNUSED).flat().map(camel))
    const offenders: string[] = []
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []))
    for (const file of walk(path.join(PROJECT_ROOT, 'src'))) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
      const visit = (n: ts.Node): void => {
        if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && /^(View|Text)$/.test(n.tagName.getText())) {
          for (const p of n.attributes.properties) if (ts.isJsxAttribute(p) && dropped.has(p.name.getText())) offenders.push(`${path.relative(PROJECT_ROOT, file)}: ${p.name.getText()}`)
        }
        ts.forEachChild(n, visit)
      }
      visit(sf)
    }
    // NutUI's compiled Taro components pass props as objects; hover* is never a style key, so any mention is a prop.
    const nut = path.join(PROJECT_ROOT, 'node_modules/@nutui/nutui-react-taro/dist/es')
    const js = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? js(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []))
    for (const file of js(nut)) if (/\bhover(Class|StopPropagation|StartTime|StayTime)\b/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(PROJECT_ROOT, file))
    expect(offenders).toEqual([])
  })
})

/** A node of the view tree the official compiler's template builds from the page's data (what WeChat's view layer renders). */
interface VNode {
  tag?: string
  attr?: Record<string, unknown>
  children?: (VNode | string)[]
}

/**
 * The rendered page's virtual tree: wcc's template for the route applied to the page's current data. Its
 * `attr` holds every attribute the WXML binds (wcc names them in camel case: aria-label → ariaLabel), which
 * miniprogram-simulate's DOM does not keep for WeChat-only attributes.
 */
function tree(page: PageHandle): VNode {
  const t = compileWxml(MP_ROOT)(`${page.route}.wxml`)
  if (typeof t !== 'function') throw new Error(`no template for ${page.route}`)
  return t(JSON.parse(JSON.stringify(page.instance.data))) as VNode
}

function nodes(root: VNode, pick: (n: VNode) => boolean): VNode[] {
  const out: VNode[] = []
  const walk = (n: VNode | string) => {
    if (typeof n === 'string') return
    if (n.attr && pick(n)) out.push(n)
    for (const c of n.children ?? []) walk(c)
  }
  walk(root)
  return out
}

const byId = (root: VNode, id: string): VNode => {
  const [n] = nodes(root, (x) => x.attr?.id === id)
  if (!n) throw new Error(`no node #${id}`)
  return n
}
const aria = (n: VNode) => Object.fromEntries(Object.entries(n.attr ?? {}).filter(([k, v]) => k.startsWith('aria') && v !== undefined && v !== ''))

describe('rendered pages carry the ARIA attributes the components set', () => {
  test('report form: category chips are radio buttons with their state, the photo tile is a named button', async () => {
    const mp = launch()
    const page = await mp.open('pages/report/new/index')
    await page.waitForText('市容环境')
    expect(aria(byId(tree(page), 'jf-cat-env'))).toEqual({ ariaRole: 'radio', ariaChecked: 'false' })
    await page.tap('#jf-cat-env')
    const after = tree(page)
    expect(aria(byId(after, 'jf-cat-env'))).toEqual({ ariaRole: 'radio', ariaChecked: 'true' })
    expect(nodes(after, (n) => n.attr?.ariaRole === 'radiogroup').map((n) => n.attr?.ariaLabel)).toEqual(['问题类别', '市容环境的具体类别'])
    expect(aria(byId(after, 'jf-photo-add'))).toEqual({ ariaRole: 'button', ariaLabel: '添加照片' })
    // The attributes reach the view only through the template slots: the same nodes in the rendered DOM.
    expect(page.get('#jf-photo-add').textContent).toContain('添加照片')
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('home page: icons beside their words are hidden from the screen reader', async () => {
    const mp = launch()
    const page = await mp.open('pages/home/index')
    await page.waitForText('上报问题')
    const icons = nodes(tree(page), (n) => /\bjf-icon\b/.test(String(n.attr?.class ?? '')))
    expect(icons.length).toBeGreaterThan(0)
    for (const i of icons) expect({ icon: i.attr?.class, ...aria(i) }).toEqual({ icon: i.attr?.class, ariaHidden: 'true' })
    expect(mp.errors).toEqual([])
  })
})
