import { GridIndex } from './gridIndex'
import type { OrgLevel, OrgUnit } from './orgUnit'

export { ORG_LEVELS, ORG_LEVEL_LABELS, type GeoPolygon, type OrgLevel, type OrgUnit } from './orgUnit'

/** Read-only view over the org tree (city → district → street → community → grid). */
export class OrgTree {
  private readonly byCode = new Map<string, OrgUnit>()
  private readonly childrenOf = new Map<string, OrgUnit[]>()
  /** Grid lists by unit, filled on first ask: a street's queue asks on every page. */
  private readonly gridsUnder = new Map<string, readonly OrgUnit[]>()
  private gridList: readonly OrgUnit[] | undefined
  private gridIndexCache: GridIndex | undefined

  constructor(units: readonly OrgUnit[]) {
    for (const u of units) this.byCode.set(u.code, u)
    for (const u of units) {
      if (u.parentCode === null) continue
      const list = this.childrenOf.get(u.parentCode) ?? []
      list.push(u)
      this.childrenOf.set(u.parentCode, list)
    }
  }

  get(code: string): OrgUnit | undefined {
    return this.byCode.get(code)
  }

  all(): OrgUnit[] {
    return [...this.byCode.values()]
  }

  children(code: string): OrgUnit[] {
    return this.childrenOf.get(code) ?? []
  }

  grids(): OrgUnit[] {
    this.gridList ??= this.all().filter((u) => u.level === 'grid')
    return [...this.gridList]
  }

  /** Bounding-box index over the grids' polygons, built on first ask (trees are immutable and the runtime caches them). */
  gridIndex(): GridIndex {
    return (this.gridIndexCache ??= new GridIndex(this.grids()))
  }

  /** The grids at or below `code`, found by walking down from it (a grid worker's own grid costs nothing). */
  gridsWithin(code: string): readonly OrgUnit[] {
    let list = this.gridsUnder.get(code)
    if (!list) {
      const out: OrgUnit[] = []
      const seen = new Set<string>()
      const stack = this.byCode.has(code) ? [this.byCode.get(code)!] : []
      while (stack.length > 0) {
        const u = stack.pop()!
        if (seen.has(u.code)) continue
        seen.add(u.code)
        if (u.level === 'grid') out.push(u)
        stack.push(...this.children(u.code))
      }
      list = out
      this.gridsUnder.set(code, list)
    }
    return list
  }

  /** The unit itself first, then each parent up to the city. */
  chain(code: string): OrgUnit[] {
    const out: OrgUnit[] = []
    const seen = new Set<string>()
    let cur = this.byCode.get(code)
    while (cur && !seen.has(cur.code)) {
      out.push(cur)
      seen.add(cur.code)
      cur = cur.parentCode === null ? undefined : this.byCode.get(cur.parentCode)
    }
    return out
  }

  ancestorAt(code: string, level: OrgLevel): OrgUnit | undefined {
    return this.chain(code).find((u) => u.level === level)
  }

  /** True when `code` is `ancestorCode` or lies below it. */
  isWithin(code: string, ancestorCode: string): boolean {
    return this.chain(code).some((u) => u.code === ancestorCode)
  }

  /** The next level up for escalation, or undefined at the city. */
  parent(code: string): OrgUnit | undefined {
    const u = this.byCode.get(code)
    return u && u.parentCode !== null ? this.byCode.get(u.parentCode) : undefined
  }

  /** "广州市 白云区 京溪街道 …" from the top down, for display. */
  path(code: string): string {
    return this.chain(code)
      .reverse()
      .map((u) => u.name)
      .join(' ')
  }
}
