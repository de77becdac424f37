// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  // Per-component NutUI imports with their CSS, as NutUI documents with babel-plugin-import.
  plugins: [require.resolve('./config/babel-nutui-imports.js')],
}
