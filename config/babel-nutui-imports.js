/**
 * Rewrites `import { Button, Cell } from '@nutui/nutui-react-taro'` into per-component imports plus
 * each component's plain CSS, which is what babel-plugin-import does in NutUI's docs (that package
 * is not installed). Without it the whole library's JS and its 230 KB style.css would ship.
 */
const fs = require('fs')
const path = require('path')

const LIB = '@nutui/nutui-react-taro'
const PACKAGES = path.dirname(require.resolve(`${LIB}/dist/es/packages/button/index.js`)).replace(/[\\/]button$/, '')

function componentDir(name) {
  const dir = name.toLowerCase()
  return fs.existsSync(path.join(PACKAGES, dir, 'index.js')) ? dir : null
}

module.exports = function nutuiImports({ types: t }) {
  return {
    name: 'jf-nutui-imports',
    visitor: {
      ImportDeclaration(p) {
        const node = p.node
        if (node.source.value !== LIB || node.importKind === 'type') return
        const kept = []
        const out = []
        for (const s of node.specifiers) {
          const dir = s.type === 'ImportSpecifier' && s.importKind !== 'type' ? componentDir(s.imported.name) : null
          if (!dir) {
            kept.push(s)
            continue
          }
          const base = `${LIB}/dist/es/packages/${dir}`
          out.push(t.importDeclaration([t.importDefaultSpecifier(t.identifier(s.local.name))], t.stringLiteral(base)))
          out.push(t.importDeclaration([], t.stringLiteral(`${base}/style/css`)))
        }
        if (!out.length) return
        if (kept.length) out.push(t.importDeclaration(kept, t.stringLiteral(LIB)))
        p.replaceWithMultiple(out)
      },
    },
  }
}
