/**
 * The dependency rule: src/core is pure governance logic shared by the mini-program and the
 * serverless backend. It may import only itself and a short allow-list of pure packages.
 */
import { builtinModules } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const CORE = path.join(ROOT, 'src/core')

/** Packages core may use: pure, platform-free. A name matches itself and its subpaths. */
/** zod: the typed commands' params schemas (pure; the app's main package imports the kinds' zod-free terms only). */
const ALLOWED_PACKAGES = ['dayjs', '@turf/*', 'zod']

/** Named here for clearer messages; anything outside the allow-list is refused anyway. */
const KNOWN_FORBIDDEN = ['better-sqlite3', '@cloudbase/*', '@tarojs/*', 'react', 'react-dom']

/** Project folders core must never reach into, even by a relative path. */
const FORBIDDEN_DIRS = ['backend', 'src/pages', 'src/api', 'src/components', 'cloudfunctions']

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

export interface ImportRef {
  specifier: string
  line: number
}

export interface Scan {
  imports: ImportRef[]
  /** Lines of import()/require() whose argument is not a plain string: cannot be checked. */
  computed: number[]
}

function isRequire(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === 'require'
  // require.resolve('…')
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require'
}

/**
 * Every module specifier a TypeScript source refers to, read with the TypeScript parser so that
 * comments, strings, regex literals and line breaks inside an import cannot fool it: `import`,
 * `import type`, `export … from`, `export * as ns from`, `import x = require()`, `import()`,
 * `require()`, `require.resolve()` and `import('…')` types.
 */
export function scan(source: string, fileName = 'sample.ts'): Scan {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const imports: ImportRef[] = []
  const computed: number[] = []
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1
  const add = (lit: ts.Node) => {
    if (ts.isStringLiteralLike(lit)) imports.push({ specifier: lit.text, line: lineOf(lit) })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      // type T = import('x').T
      add(node.argument.literal)
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(node.expression))) {
      const arg = node.arguments[0]
      if (arg && ts.isStringLiteralLike(arg)) add(arg)
      else computed.push(lineOf(node))
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return { imports, computed }
}

export function importsOf(source: string): ImportRef[] {
  return scan(source).imports
}

function matchesPackage(spec: string, pattern: string): boolean {
  if (pattern.endsWith('/*')) return spec.startsWith(pattern.slice(0, -1))
  return spec === pattern || spec.startsWith(`${pattern}/`)
}

/** Why a specifier in `file` breaks the rule, or null when it is allowed. */
export function violation(file: string, spec: string): string | null {
  if (BUILTINS.has(spec) || spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) {
    return `Node builtin "${spec}"`
  }
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.resolve(path.dirname(file), spec)
    const rel = path.relative(ROOT, target).split(path.sep).join('/')
    const dir = FORBIDDEN_DIRS.find((d) => rel === d || rel.startsWith(`${d}/`))
    if (dir) return `reaches into ${dir}/ ("${spec}")`
    const inCore = path.relative(CORE, target)
    if (inCore.startsWith('..') || path.isAbsolute(inCore)) return `relative import outside src/core ("${spec}" → ${rel})`
    return null
  }
  const known = KNOWN_FORBIDDEN.find((p) => matchesPackage(spec, p))
  if (known) return `forbidden package "${spec}"`
  if (ALLOWED_PACKAGES.some((p) => matchesPackage(spec, p))) return null
  return `package "${spec}" is not on the core allow-list (${ALLOWED_PACKAGES.join(', ')})`
}

/** All rule breaks in one source text, as "file:line reason". */
export function checkSource(file: string, source: string): string[] {
  const rel = path.relative(ROOT, file)
  const out: string[] = []
  const { imports, computed } = scan(source, file)
  for (const { specifier, line } of imports) {
    const why = violation(file, specifier)
    if (why) out.push(`${rel}:${line} ${why}`)
  }
  for (const line of computed) out.push(`${rel}:${line} computed import/require`)
  return out
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return tsFilesUnder(p)
    return /\.(ts|tsx|mts|cts)$/.test(e.name) ? [p] : []
  })
}

describe('src/core dependency rule', () => {
  const files = tsFilesUnder(CORE)

  it('finds the core sources, including nested folders', () => {
    const rel = files.map((f) => path.relative(CORE, f).split(path.sep).join('/'))
    expect(rel).toEqual(expect.arrayContaining(['transition.ts', 'geo.ts', 'kinds/report.ts', 'kinds/index.ts']))
  })

  it('core imports only itself, dayjs, @turf/* and zod', () => {
    const problems = files.flatMap((f) => checkSource(f, readFileSync(f, 'utf8')))
    expect(problems).toEqual([])
  })

  it('sees the imports core actually has (the scanner is not blind)', () => {
    const all = files.flatMap((f) => importsOf(readFileSync(f, 'utf8')).map((r) => r.specifier))
    expect(all).toEqual(expect.arrayContaining(['zod', '@turf/boolean-point-in-polygon', './org', '../transition']))
  })
})

describe('the import scanner itself', () => {
  const file = path.join(CORE, 'sample.ts')

  it('catches a builtin and a multi-line import of a forbidden package', () => {
    const sample = [
      "import fs from 'fs'",
      'import {',
      '  a',
      "} from '@cloudbase/node-sdk'",
      "import { ok } from './outcome'",
    ].join('\n')
    expect(importsOf(sample)).toEqual([
      { specifier: 'fs', line: 1 },
      { specifier: '@cloudbase/node-sdk', line: 4 },
      { specifier: './outcome', line: 5 },
    ])
    expect(checkSource(file, sample)).toEqual([
      'src/core/sample.ts:1 Node builtin "fs"',
      'src/core/sample.ts:4 forbidden package "@cloudbase/node-sdk"',
    ])
  })

  it('reads every import form', () => {
    const sample = `
      import type { Db } from 'better-sqlite3'
      import type {
        TaroStatic,
      } from "@tarojs/taro"
      import * as http from 'node:http'
      import 'react'
      import Default, { named } from '../../backend/ports'
      export { x } from '../api/client'
      export type { Y } from '../pages/index'
      export * from '../components/Card'
      export * as z from 'os'
      const cp = require('child_process')
      const w = await import('worker_threads')
      import crypto = require('crypto')
      type Stats = import('net').Socket
      const p = require.resolve('https')
      import dayjs from 'dayjs'
      import utc from 'dayjs/plugin/utc'
      import helpers from '@turf/helpers'
    `
    expect(importsOf(sample).map((r) => r.specifier)).toEqual([
      'better-sqlite3',
      '@tarojs/taro',
      'node:http',
      'react',
      '../../backend/ports',
      '../api/client',
      '../pages/index',
      '../components/Card',
      'os',
      'child_process',
      'worker_threads',
      'crypto',
      'net',
      'https',
      'dayjs',
      'dayjs/plugin/utc',
      '@turf/helpers',
    ])
    const problems = checkSource(file, sample)
    expect(problems).toHaveLength(14)
    expect(problems.join('\n')).toMatch(/reaches into backend\//)
    expect(problems.join('\n')).toMatch(/reaches into src\/api\//)
    expect(problems.join('\n')).toMatch(/reaches into src\/pages\//)
    expect(problems.join('\n')).toMatch(/reaches into src\/components\//)
    expect(problems.join('\n')).not.toMatch(/dayjs|@turf/)
  })

  it('ignores imports inside comments and strings but not after them', () => {
    const sample = [
      "// import fs from 'fs'",
      "/* import net from 'net'",
      "   require('http') */",
      "const s = \"import os from 'os'\"",
      "import { a } from './a' // import path from 'path'",
    ].join('\n')
    expect(importsOf(sample)).toEqual([{ specifier: './a', line: 5 }])
  })

  it('a quote inside a regex literal does not hide the import after it', () => {
    const sample = "const q = /'/; import fs from 'fs'\nconst d = /\"/.test(s) && require(\"net\")"
    expect(importsOf(sample).map((r) => r.specifier)).toEqual(['fs', 'net'])
  })

  it.each([
    ['fs', 'Node builtin'],
    ['node:fs', 'Node builtin'],
    ['fs/promises', 'Node builtin'],
    ['path', 'Node builtin'],
    ['https', 'Node builtin'],
    ['stream', 'Node builtin'],
    ['node:test', 'Node builtin'],
    ['better-sqlite3', 'forbidden package'],
    ['@cloudbase/js-sdk', 'forbidden package'],
    ['@tarojs/components', 'forbidden package'],
    ['react', 'forbidden package'],
    ['react/jsx-runtime', 'forbidden package'],
    ['ulid', 'not on the core allow-list'],
    ['dayjs-ext', 'not on the core allow-list'],
    ['@turfjs/x', 'not on the core allow-list'],
    ['../contracts/api', 'outside src/core'],
    ['../../backend/ports', 'reaches into backend/'],
    ['../api/client', 'reaches into src/api/'],
  ])('refuses %s', (spec, why) => {
    expect(violation(file, spec)).toContain(why)
  })

  it.each(['dayjs', 'dayjs/plugin/utc', 'dayjs/locale/zh-cn', '@turf/helpers', '@turf/boolean-point-in-polygon', 'zod', './org', './kinds/report'])(
    'allows %s',
    (spec) => {
      expect(violation(file, spec)).toBeNull()
    },
  )

  it('allows ../ only while it stays inside src/core', () => {
    const nested = path.join(CORE, 'kinds/report.ts')
    expect(violation(nested, '../outcome')).toBeNull()
    expect(violation(nested, '../../api/client')).toContain('reaches into src/api/')
    expect(violation(nested, '../../utils/id')).toContain('outside src/core')
  })

  it('flags computed loads', () => {
    expect(checkSource(file, 'const m = require(name)\nconst n = await import(`./${x}`)')).toEqual([
      'src/core/sample.ts:1 computed import/require',
      'src/core/sample.ts:2 computed import/require',
    ])
  })
})
