/**
 * The JS engines and web views the mini-program runs on (WeChat: iOS JavaScriptCore / WKWebView, Android's
 * V8 / XWeb Chromium), as browserslist queries. Autoprefixer (config/index.ts) and Babel (babel.config.js)
 * read the same list for the weapp build; H5 keeps package.json's browserslist ("last 3 versions": IE 11's
 * ES5 too). With the H5 list the mini-program shipped every class, arrow and template of Taro's runtime,
 * NutUI and our code rewritten to ES5 with helpers (bench 4a / 4c, issue 21).
 */
const WEAPP_BROWSERS = ['ios >= 10', 'android >= 5', 'chrome >= 53']

/**
 * async/await always goes through Babel's generator helper and the global Promise: WeChat's iOS Promise is
 * its own setTimeout-based polyfill (iOS 15 and below), and native async functions would await the engine's
 * microtask Promise instead, changing the order of our awaits against Taro's and NutUI's.
 */
const WEAPP_BABEL_INCLUDE = ['transform-async-to-generator', 'transform-async-generator-functions']

module.exports = { WEAPP_BROWSERS, WEAPP_BABEL_INCLUDE }
