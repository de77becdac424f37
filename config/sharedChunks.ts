/**
 * Taro's optimizeMainPackage copies every module that only subpackages use into each of their
 * sub-common folders: NutUI's components and styles, our shared components and hooks ended up
 * in up to eight copies (440 KB of a 1.3 MB mini-program). A module that many subpackages use
 * is cheaper once in the main package: it costs its size there and saves every copy.
 */

/**
 * Used by at least this many subpackages → main package. Four of ten kept main under 485 KB
 * (issue 14). Since then the inbox and me tab pages and the tab bar sit in main, and printable codes put
 * the QR generator (22 KB, four subpackages) there: six kept main at 484 KB, the whole app going
 * from 1.40 to 1.56 MB in subpackage copies (4b: 2 MB). Four is 527 KB; five still over 485.
 * Issue 19 (长辈模式, aria templates, 代办) took six to 493 KB: seven sends NutUI Switch and Cell and our
 * Timeline (six subpackages each, 14 KB with their styles, none used by a tab page) back to them.
 * With ES2015 scripts (config/weappBrowsers.js), measured 7 December 2026 as main / first report (bench 4a / 4c):
 * seven 442 / 564 KB; nine or ten 410 / 573 KB; none at all 383 / 580 KB, the whole app then 2.3 MB (over 4b).
 * A higher bound trades the resident's first report for the main package, so seven stays.
 */
export const MAIN_PACKAGE_MIN_SUBPACKAGES = 7

interface ChunkLike {
  name?: string | null
}

/**
 * Modules that stay in the subpackages however many use them: the voice note's recorder and player
 * (about 8 KB with their styles) serve only forms and case pages, all in subpackages, and the
 * main package has no room for them. CSS modules are matched by their identifier (loaders!path).
 */
export const SUBPACKAGE_ONLY = /[\\/]src[\\/]components[\\/]Voice(Note|Player)[\\/]/

function pathOf(module: unknown): string {
  const m = module as { resource?: string; identifier?: () => string }
  return `${m.resource ?? ''} ${typeof m.identifier === 'function' ? m.identifier() : ''}`
}

/** Subpackage roots are the `pages/<area>` folders, except those of main-package pages. */
export function subpackageOf(chunkName: string | null | undefined, mainRoots: readonly string[]): string | null {
  const m = chunkName ? /^(pages\/[^/]+)\//.exec(chunkName) : null
  return m && !mainRoots.includes(m[1]!) ? m[1]! : null
}

/**
 * How many subpackages use a module that only subpackages use; 0 when a main-package chunk uses
 * it too (Taro's own groups already put those in the main package).
 */
export function usedBySubpackages(chunks: Iterable<ChunkLike>, mainRoots: readonly string[]): number {
  const roots = new Set<string>()
  for (const c of chunks) {
    const r = subpackageOf(c.name, mainRoots)
    if (!r) return 0
    roots.add(r)
  }
  return roots.size
}

/** The main-package chunk (shared.js / shared.wxss) those modules go to; listed in mini.commonChunks. */
export const SHARED_CHUNK = 'shared'

/**
 * A splitChunks cache group that puts widely shared modules into that chunk. Its priority sits
 * above Taro's sub-common groups (1000) and below its per-subpackage vendors (10000: modules of
 * a single subpackage, which it never matches).
 */

export function sharedInMainCacheGroup(mainRoots: readonly string[], min = MAIN_PACKAGE_MIN_SUBPACKAGES) {
  return {
    name: SHARED_CHUNK,
    priority: 5000,
    minChunks: min,
    test: (module: unknown, ctx: { chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<ChunkLike> } }) =>
      !SUBPACKAGE_ONLY.test(pathOf(module)) && usedBySubpackages(ctx.chunkGraph.getModuleChunksIterable(module), mainRoots) >= min,
  }
}
