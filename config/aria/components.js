/**
 * What the mini-program templates (base.wxml) write on WeChat's built-in components, beyond Taro's lists.
 * Used twice with the same result: at build time on the template's component table (./plugin.js) and at run
 * time on @tarojs/shared's table (./runtime.js). Taro names each attribute by its rank in the sorted list
 * (`i.p0`, `i.p1`…), so the two tables must change alike or attributes land in the wrong slot.
 * Plain ES5 CommonJS: the plugin runs in Node and the runtime file is bundled into the mini-program.
 */

/**
 * ARIA attributes WeChat reads on built-in components (aria-component, base library 2.7.1+). Taro's tables
 * have none, so `aria-label` on a View never reached the WXML. Kept to what the app uses: every attribute
 * costs its bytes in every nesting level of base.wxml, in the main package.
 */
var ARIA = {
  View: ['aria-role', 'aria-label', 'aria-hidden', 'aria-checked', 'aria-selected', 'aria-disabled', 'aria-level', 'aria-live'],
  Text: ['aria-role', 'aria-label', 'aria-hidden'],
  Image: ['aria-role', 'aria-label', 'aria-hidden'],
  Button: ['aria-label', 'aria-disabled'],
}

/**
 * Attributes Taro writes on every View and Text that this app never sets (WeChat's defaults are the same:
 * no hover class, no Taro.createAnimation, Text neither selectable nor decoding entities nor keeping spaces;
 * its user-select, overflow and max-lines are Skyline's). Dropping them pays for the ARIA
 * attributes in the main package; test/weapp/aria.test.ts fails if code starts setting one of them.
 */
var UNUSED = {
  View: ['animation', 'hover-class', 'hover-stop-propagation', 'hover-start-time', 'hover-stay-time'],
  Text: ['selectable', 'space', 'decode', 'user-select', 'overflow', 'max-lines'],
}

/** Applies both lists to a Taro component table ({ View: { 'hover-class': "'none'", … }, … }) in place. */
function patchComponents(table) {
  Object.keys(ARIA).forEach(function (name) {
    var comp = table[name] || (table[name] = {})
    ARIA[name].forEach(function (attr) {
      comp[attr] = ''
    })
  })
  Object.keys(UNUSED).forEach(function (name) {
    UNUSED[name].forEach(function (attr) {
      if (table[name]) delete table[name][attr]
    })
  })
  return table
}

module.exports = { ARIA: ARIA, UNUSED: UNUSED, patchComponents: patchComponents }
