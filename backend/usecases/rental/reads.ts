import type { Case } from '../../../src/core/case'
import type { CheckinPayload } from '../../../src/core/kinds/checkin'
import type { OrgTree } from '../../../src/core/org'
import type { CaseQuery } from '../../ports'
import type { Building } from '../../ports'
import type { Deps } from '../../deps'

/** The check-in payload of a registration case. */
export function pl(c: Case): CheckinPayload {
  return c.payload as unknown as CheckinPayload
}

const PAGE = 200

/** The cases of `q` a page of PAGE at a time along its index, at most `maxPages` pages. */
export async function* casePages(d: Deps, q: Omit<CaseQuery, 'limit' | 'before'>, maxPages = Infinity): AsyncGenerator<Case[]> {
  let before: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await d.store.listCases({ ...q, limit: PAGE, before })
    yield page
    if (page.length < PAGE) return
    before = page[page.length - 1]!.id
  }
}

/** Codes of the grids within any of `units`. */
export function gridsOf(tree: OrgTree, units: string[]): string[] {
  return tree.grids().filter((g) => units.some((u) => tree.isWithin(g.code, u))).map((g) => g.code)
}

/** User names, each read once per request. */
export class Names {
  private readonly seen = new Map<string, string>()
  constructor(private readonly d: Deps) {}
  async of(id: string): Promise<string> {
    let n = this.seen.get(id)
    if (n === undefined) {
      n = (await this.d.store.getUser(id))?.name ?? '未知用户'
      this.seen.set(id, n)
    }
    return n
  }
}

/** Buildings, each read once per request. */
export class Buildings {
  private readonly seen = new Map<string, Building | null>()
  constructor(private readonly d: Deps) {}
  async of(id: string): Promise<Building | null> {
    if (!this.seen.has(id)) this.seen.set(id, await this.d.store.getBuilding(id))
    return this.seen.get(id) ?? null
  }
}
