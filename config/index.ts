import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import webpack from 'webpack'
import devConfig from './dev'
import prodConfig from './prod'
import { SHARED_CHUNK, sharedInMainCacheGroup } from './sharedChunks'
// Shared with babel.config.js, which is CommonJS.
const { WEAPP_BROWSERS } = require('./weappBrowsers') as { WEAPP_BROWSERS: string[] }

/** Which platform this run builds; the CLI sets it from `--type`. */
const isH5 = process.env.TARO_ENV === 'h5'

/**
 * Runtime switches baked into the bundle. The H5 build talks to the local server ('http') unless
 * told to use CloudBase; the mini-program always uses wx.cloud, so the value only matters for H5.
 */
const transport = process.env.TARO_APP_TRANSPORT === 'cloudbase' ? 'cloudbase' : 'http'
const cloudbaseEnv = process.env.TARO_APP_CLOUDBASE_ENV ?? ''

/**
 * NutUI's icon stylesheet, pulled in by every NutUI component that draws an icon, carries nine attention
 * animations nobody here uses (7 KB in the mini-program's main package); ./nutui-icon.css keeps the rest.
 */
const NUTUI_ICON_CSS = path.resolve(__dirname, 'nutui-icon.css')
const nutIconStyle = (chain: { plugin(name: string): { use(p: unknown, args: unknown[]): unknown } }) =>
  chain.plugin('jf-nutui-icon-style').use(webpack.NormalModuleReplacementPlugin, [
    /style_icon\.css$/,
    (r: { context?: string; request: string }) => {
      if (/@nutui[\\/]icons-react-taro[\\/]/.test(r.context ?? '')) r.request = NUTUI_ICON_CSS
    },
  ])

/**
 * Taro's mini-program terser defaults switch off most of terser's compressions (inlining, variable
 * collapsing, property and switch folding…) and print ES5; ours turn terser's defaults back on, in two passes,
 * printing the ES2015 the weapp build now targets (config/weappBrowsers.js): about 7 KB of the main package.
 */
const WEAPP_TERSER = {
  compress: {
    ecma: 2015,
    passes: 2,
    ...Object.fromEntries(
      ['arrows', 'collapse_vars', 'comparisons', 'computed_props', 'hoist_props', 'inline', 'loops', 'negate_iife', 'properties', 'reduce_funcs', 'reduce_vars', 'switches', 'typeofs'].map((k) => [k, true]),
    ),
  },
  output: { ecma: 2015, ascii_only: false },
}

/** NutUI is drawn at 375 wide; our own styles at 750 (NutUI's documented Taro setting). */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
  return file.includes('@nutui') ? 375 : 750
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiefang',
    date: '2025-11-23',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'miniprogram',
    // NutUI renders icons as plain HTML tags (<i>, <svg>); plugin-html gives them mini-program templates.
    // ./aria: WeChat's aria-* attributes reach the mini-program templates (Taro's drop them).
    // ./elderRoot: every mini-program page inside one .jf-root view that carries 长辈模式 and WeChat's font scale.
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'aria/plugin.js'), path.resolve(__dirname, 'elderRoot.js')],
    defineConstants: {
      'process.env.TARO_APP_TRANSPORT': JSON.stringify(transport),
      'process.env.TARO_APP_CLOUDBASE_ENV': JSON.stringify(cloudbaseEnv),
    },
    // sitemap.json (search indexes the home page only); map pin icons: WeChat's <map> markers need a file path (a data URI is not drawn).
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'miniprogram/sitemap.json' }, { from: 'src/assets/map/', to: 'miniprogram/assets/map/' }], options: {} },
    // React 18 on both platforms, as the design card fixes it. Preact (framework 'preact', preact/compat for react
    // and react-dom) cut the main package from 470 KB to 386 KB and a first report from 599 KB to 515 KB (bench 4a, 4c;
    // measured 7 December 2026, when scripts were still ES5), but
    // the mini-program would then run a renderer no browser suite exercises, pinned to preact 10.19.6 (later compat
    // reports React 18 and Taro 4.2 calls the createRoot it lacks): a decision for the design card, not a bench.
    framework: 'react',
    // WeChat cannot recurse templates, so base.wxml repeats every nesting component's template per
    // level and hands deeper trees to the recursive <comp> (test/weapp/pages.test.ts proves it). Taro's
    // default 16 levels cost 64 KB of the main package; 12 cost 53 KB (issue 18: main back under bench 4a).
    baseLevel: 12,
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's mini-program default (ascii_only) writes each Chinese character as a 6-byte \uXXXX escape;
    // WeChat reads UTF-8 scripts, 3 bytes a character. H5 keeps the default.
    ...(isH5 ? {} : { terser: { enable: true, config: WEAPP_TERSER } }),
    mini: {
      commonChunks: (defaults: string[]) => [...defaults, SHARED_CHUNK],
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { cacheGroups: { sharedInMain: sharedInMainCacheGroup(['pages/home', 'pages/inbox', 'pages/me']) } } })
        nutIconStyle(chain)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // WeChat runs on iOS WebKit and Android's XWeb (Chromium): no -ms- / -moz- prefixes, which the app's
        // "last 3 versions" browserslist (for H5) adds to every flex rule — about 3 KB of the main package (bench 4a).
        autoprefixer: { enable: true, config: { overrideBrowserslist: WEAPP_BROWSERS } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
        // NutUI's right-to-left rules out (./postcss-no-rtl.js): a Chinese-only app, 1.8 KB of the main package.
        './config/postcss-no-rtl.js': { enable: true, config: {} },
      },
    },
    h5: {
      webpackChain(chain) {
        nutIconStyle(chain)
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
