/**
 * Mini-program build (config/index.ts mini.postcss): drops NutUI's right-to-left rules (`[dir=rtl] …`,
 * `.nut-rtl …`) from its stylesheets. The app is written in Chinese only and never sets a right-to-left
 * direction, and those rules cost 1.8 KB of the main package alone (bench 4a). Only files under @nutui
 * are touched; a selector list keeps its other members.
 */
const RTL = /\[dir=["']?rtl["']?\]|\.nut-rtl\b/

module.exports = () => ({
  postcssPlugin: 'jf-no-rtl',
  Rule(rule) {
    const file = (rule.source && rule.source.input && rule.source.input.file) || ''
    if (!/[\\/]@nutui[\\/]/.test(file)) return
    const keep = rule.selectors.filter((s) => !RTL.test(s))
    if (keep.length === rule.selectors.length) return
    if (keep.length === 0) rule.remove()
    else rule.selectors = keep
  },
})
module.exports.postcss = true
