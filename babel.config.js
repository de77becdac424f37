// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const { WEAPP_BABEL_INCLUDE, WEAPP_SCRIPT_ENGINES } = require('./config/weappBrowsers')

// The mini-program compiles for WeChat's script engines only (config/weappBrowsers.js); H5 for package.json's browserslist.
const weapp = process.env.TARO_ENV === 'weapp' ? { targets: WEAPP_SCRIPT_ENGINES, include: WEAPP_BABEL_INCLUDE } : {}

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...weapp }]],
  // Per-component NutUI imports with their CSS, as NutUI documents with babel-plugin-import.
  plugins: [require.resolve('./config/babel-nutui-imports.js')],
}
