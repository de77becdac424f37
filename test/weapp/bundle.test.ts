/**
 * What the mini-program's main package carries, read from the built miniprogram/: the minifier
 * writes Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6 bytes), and the
 * QR generator that only printing pages use stays in their subpackages (bench 4a), async functions still
 * run on the global Promise, and scripts are ES2015 (config/weappBrowsers.js): no newer syntax, no classes
 * rewritten to ES5.
 */
import { parse } from 'acorn'
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt, MP_ROOT, readAppJson } from './simulate'

ensureBuilt()

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

const scripts = files(MP_ROOT).filter((f) => f.endsWith('.js'))
const roots = (readAppJson() as { subPackages?: { root: string }[] }).subPackages!.map((s) => s.root.replace(/\/$/, '') + '/')
const mainScripts = scripts.map((f) => path.relative(MP_ROOT, f).replace(/\\/g, '/')).filter((rel) => !roots.some((r) => rel.startsWith(r)))

describe('mini-program main package', () => {
  it('keeps Chinese text as UTF-8 in every script, not \\u escapes', () => {
    const app = fs.readFileSync(path.join(MP_ROOT, 'app.js'), 'utf8')
    expect(app).toContain('发现新版本')
    for (const rel of mainScripts) {
      const escaped = fs.readFileSync(path.join(MP_ROOT, rel), 'utf8').match(/\\u[4-9][0-9a-f]{3}/gi) ?? []
      expect({ rel, escaped: escaped.slice(0, 3) }).toEqual({ rel, escaped: [] })
    }
  })

  it('keeps async functions on the generator helper and the global Promise (config/weappBrowsers.js)', () => {
    // WeChat's iOS Promise is a setTimeout polyfill; a native async function would await the engine's own.
    const native = /\basync function\b|\basync ?\(|\basync [A-Za-z_$][\w$]*=>/
    const offenders = scripts
      .filter((f) => native.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(MP_ROOT, f))
    expect(offenders).toEqual([])
  })

  it('writes every script in ES2015, which JavaScriptCore reads from iOS 10 on', () => {
    const unreadable = scripts.flatMap((f) => {
      try {
        parse(fs.readFileSync(f, 'utf8'), { ecmaVersion: 2015, sourceType: 'script' })
        return []
      } catch (e) {
        return [`${path.relative(MP_ROOT, f)}: ${(e as Error).message}`]
      }
    })
    expect(unreadable).toEqual([])
  })

  it('keeps classes native rather than rewritten to ES5 with helpers (bench 4a)', () => {
    // Taro's runtime is written with classes: rewritten, each becomes a function plus classCallCheck, whose
    // message this is. (NutUI publishes some components already in ES5; those keep theirs, in shared.js.)
    const helper = 'Cannot call a class as a function'
    for (const rel of ['taro.js', 'vendors.js', 'common.js', 'app.js']) {
      expect({ rel, rewritten: fs.readFileSync(path.join(MP_ROOT, rel), 'utf8').includes(helper) }).toEqual({ rel, rewritten: false })
    }
    const classes = fs.readFileSync(path.join(MP_ROOT, 'taro.js'), 'utf8').match(/\bclass [\w$]+( extends [\w$.()]+)?\{/g) ?? []
    expect(classes.length).toBeGreaterThan(10)
  })

  it('leaves the QR generator to the subpackages that print codes', () => {
    // qrcode-generator's own error text: present wherever the module is bundled.
    const marker = 'bad maskPattern:'
    for (const rel of mainScripts) expect({ rel, has: fs.readFileSync(path.join(MP_ROOT, rel), 'utf8').includes(marker) }).toEqual({ rel, has: false })
    const printing = ['pages/grid-staff', 'pages/rental-staff', 'pages/mediation', 'pages/mediation-staff']
    for (const root of printing) {
      const inRoot = files(path.join(MP_ROOT, root)).some((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(marker))
      expect({ root, inRoot }).toEqual({ root, inRoot: true })
    }
  })
})
