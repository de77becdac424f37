/**
 * Taro plugin: every mini-program page draws inside one view, `.jf-root`, bound to the page's data
 * (`jfRoot`: 长辈模式's class; `jfScale`: WeChat's font scale as --jf-scale). WXML has no element for the
 * page itself that a page could give a class or style to, so without it 长辈模式 (src/utils/elder.ts) could
 * only reach pages by editing every one. src/utils/elderPages.ts fills the data on each page's load and
 * show. H5 marks <html> instead and needs none of this.
 */
const PAGE_TEMPLATE = /<template is="taro_tmpl" data="\{\{root:root\}\}" \/>/

function wrapPage(wxml) {
  if (!PAGE_TEMPLATE.test(wxml)) throw new Error(`elderRoot: Taro's page template changed, cannot wrap it:\n${wxml}`)
  return wxml.replace(PAGE_TEMPLATE, (t) => `<view class="jf-root {{jfRoot}}" style="{{jfScale}}">${t}</view>`)
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform.template
      if (!template || typeof template.buildPageTemplate !== 'function') return
      const build = template.buildPageTemplate
      template.buildPageTemplate = (...args) => wrapPage(build(...args))
    },
  })
}

module.exports.wrapPage = wrapPage
