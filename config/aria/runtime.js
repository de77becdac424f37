// Imported by the mini-program's app entry after the platform runtime (./plugin.js adds it to runtimePath), before
// the first render computes the attribute aliases from this table.
import { mergeInternalComponents } from '@tarojs/shared'
import { patchComponents } from './components'

patchComponents(mergeInternalComponents({}))
