import { sharedInMainCacheGroup, subpackageOf, usedBySubpackages } from '../../config/sharedChunks'

const chunks = (...names: string[]) => names.map((name) => ({ name }))

describe('mini-program shared chunk', () => {
  it('maps page chunks to their subpackage root and main-package chunks to none', () => {
    expect(subpackageOf('pages/staff/case/index', ['pages/home'])).toBe('pages/staff')
    expect(subpackageOf('pages/home/index', ['pages/home'])).toBeNull()
    expect(subpackageOf('app', ['pages/home'])).toBeNull()
    expect(subpackageOf('common', ['pages/home'])).toBeNull()
    expect(subpackageOf(undefined, ['pages/home'])).toBeNull()
  })

  it('counts distinct subpackages, and none when a main-package chunk uses the module too', () => {
    expect(usedBySubpackages(chunks('pages/staff/case/index', 'pages/staff/queue/index', 'pages/grid/find/index'), ['pages/home'])).toBe(2)
    expect(usedBySubpackages(chunks('pages/staff/case/index', 'pages/home/index'), ['pages/home'])).toBe(0)
    expect(usedBySubpackages(chunks('pages/staff/case/index', 'app'), ['pages/home'])).toBe(0)
  })

  it('takes a module into the main package from four subpackages on, not three pages of one', () => {
    const group = sharedInMainCacheGroup(['pages/home'], 4)
    const graph = (names: string[]) => ({ chunkGraph: { getModuleChunksIterable: () => chunks(...names) } })
    const four = ['pages/a/x/index', 'pages/b/x/index', 'pages/c/x/index', 'pages/d/x/index']
    expect(group.test({}, graph(four))).toBe(true)
    expect(group.test({}, graph(four.slice(0, 3)))).toBe(false)
    expect(group.test({}, graph(['pages/a/x/index', 'pages/a/y/index', 'pages/a/z/index', 'pages/a/w/index']))).toBe(false)
    // The voice note's recorder and player stay in the subpackages, scripts and styles alike.
    expect(group.test({ resource: '/work/src/components/VoiceNote/recorder.ts' }, graph(four))).toBe(false)
    expect(group.test({ identifier: () => 'css ./node_modules/css-loader/dist/cjs.js!./src/components/VoicePlayer/index.css' }, graph(four))).toBe(false)
    expect(group.test({ resource: '/work/src/components/PhotoGrid/index.tsx' }, graph(four))).toBe(true)
    expect(group.priority).toBeGreaterThan(1000)
    expect(group.priority).toBeLessThan(10000)
  })
})
