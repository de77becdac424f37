/**
 * Issue 19: every View, Text or Image in the shared components and the pages that acts on a tap (or a press) says what it
 * is to a screen reader: a role (and a name, from its words or its aria-label) through src/utils/a11y.ts,
 * which writes `role` for browsers and `aria-role` for WeChat. A plain View with onClick is read as nothing
 * at all. Buttons, inputs and NutUI widgets carry their own role and are not checked here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const SCANNED = ['src/components', 'src/pages']
const TAGS = new Set(['View', 'Text', 'Image'])
const HANDLERS = new Set(['onClick', 'onLongPress', 'onTouchStart'])

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []))
}

/** Tap-only elements without a role, as `file:line <Tag>`. */
export function unnamedTaps(source: string, file = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const out: string[] = []
  const visit = (n: ts.Node): void => {
    if ((ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) && TAGS.has(n.tagName.getText())) {
      const props = n.attributes.properties
      const handled = props.some((p) => ts.isJsxAttribute(p) && HANDLERS.has(p.name.getText()))
      const roled = props.some((p) =>
        ts.isJsxAttribute(p) ? /^(aria-role|role)$/.test(p.name.getText()) : ts.isJsxSpreadAttribute(p) && /\ba11y\(/.test(p.expression.getText()),
      )
      if (handled && !roled) out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} <${n.tagName.getText()}>`)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return out
}

describe('accessible roles in the shared components and pages', () => {
  test('the check sees a tap-only View and accepts one with a role', () => {
    expect(unnamedTaps(`const a = <View className='x' onClick={go}><Text>查看</Text></View>`)).toEqual(['x.tsx:1 <View>'])
    expect(unnamedTaps(`const a = <View onClick={go} {...a11y('button', { label: '删除' })} />`)).toEqual([])
    expect(unnamedTaps(`const a = <Text onClick={go} {...(mine ? {} : a11y('button'))}>拨打</Text>`)).toEqual([])
    expect(unnamedTaps(`const a = <View aria-role='switch' role='switch' onClick={go} />`)).toEqual([])
    expect(unnamedTaps(`const a = <Button onClick={go}>提交</Button>`)).toEqual([])
  })

  test.each(SCANNED)('every tap-only View, Text and Image under %s has a role', (dir) => {
    const found = files(path.join(ROOT, dir)).flatMap((f) => unnamedTaps(readFileSync(f, 'utf8'), path.relative(ROOT, f)))
    expect(found).toEqual([])
  })
})
