/**
 * Taro plugin: the mini-program templates carry WeChat's ARIA attributes (see ./components.js). Taro builds
 * base.wxml from the platform template's component table and maps element props to template slots at run
 * time from @tarojs/shared's table; both get the same patch once the platform is set up (as
 * @tarojs/plugin-html extends the runtime). H5 renders real DOM attributes and needs none of this.
 */
const path = require('node:path')
const { patchComponents } = require('./components')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template || !platform.template.internalComponents) return
      patchComponents(platform.template.internalComponents)
      platform.runtimePath = [].concat(platform.runtimePath, path.join(__dirname, 'runtime.js'))
    },
  })
}
