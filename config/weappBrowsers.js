/**
 * The engines the mini-program runs on, as browserslist queries, read by Autoprefixer (config/index.ts) and
 * Babel (babel.config.js) for the weapp build only; H5 keeps package.json's browserslist ("last 3 versions":
 * IE 11's ES5 too). With the H5 list the mini-program shipped every class, arrow and template of Taro's
 * runtime, NutUI and our code rewritten to ES5 with helpers (bench 4a / 4c, issue 21).
 */

/**
 * Scripts run in the logic layer, which is not a web view: JavaScriptCore on iOS and WeChat's own V8 on
 * Android (X5's JSCore, Chrome 57's, on clients from before V8). Android 5's system browser is none of
 * them, yet as a script target Babel reads it as Chrome 37 and rewrote every class and arrow to ES5
 * (28 KB of the main package, bench 4a).
 */
const WEAPP_SCRIPT_ENGINES = ['ios >= 10', 'chrome >= 53']

/**
 * Styles are drawn by the view layer: iOS WKWebView, and on Android XWeb's Chromium or, on old clients,
 * the X5 / system web view — hence Android 5's beside the script engines.
 */
const WEAPP_BROWSERS = [...WEAPP_SCRIPT_ENGINES, 'android >= 5']

/**
 * async/await always goes through Babel's generator helper and the global Promise: WeChat's iOS Promise is
 * its own setTimeout-based polyfill (iOS 15 and below), and native async functions would await the engine's
 * microtask Promise instead, changing the order of our awaits against Taro's and NutUI's.
 */
const WEAPP_BABEL_INCLUDE = ['transform-async-to-generator', 'transform-async-generator-functions']

module.exports = { WEAPP_BROWSERS, WEAPP_SCRIPT_ENGINES, WEAPP_BABEL_INCLUDE }
