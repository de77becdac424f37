import type { UserConfigExport } from '@tarojs/cli'

/**
 * Release/CI builds: no source maps and no persistent cache, so a cold CI run does not spend time
 * writing artefacts nobody reads. (No webpackChain here: merging would replace the base one.)
 */
export default {
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: { enableSourceMap: false },
  h5: { enableSourceMap: false },
} satisfies UserConfigExport<'webpack5'>
