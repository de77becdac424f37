/**
 * The street key of case documents (`streetCode`): the street at or above the case's grid, or
 * its unit when it has none (mediation); null above streets. A street's queue reads it through
 * one index instead of `gridCode in [~340 grids]` sorted by deadline.
 *
 * The store keeps the unit → street map from the org units it last listed: the functions' org
 * tree cache lists them at most once a minute, so a case write costs no extra read. The map is
 * dropped by the store's own unit writes, and read again (at most once a minute) for a unit it
 * does not know, e.g. one another instance has just added.
 */
import { OrgTree, type OrgUnit } from '../../../src/core/org'
import { guard } from './cloudbaseErrors'
import { answered, PAGE, type CloudbaseAccess } from './db'

const RELOAD_MS = 60_000

/** The street key of a case at each unit (the core's rule, as SQLite's unit_streets holds it). */
export function streetsOf(units: readonly OrgUnit[]): Map<string, string | null> {
  const tree = new OrgTree(units)
  return new Map(units.map((u) => [u.code, tree.ancestorAt(u.code, 'street')?.code ?? null]))
}

/**
 * Units already stored whose street key differs once `after` is the org (a community moved to
 * another street moves its grids too; a removed unit keys null), with their new key. Units new in
 * `after` have no cases yet.
 */
export function movedStreets(before: readonly OrgUnit[], after: readonly OrgUnit[]): Map<string, string | null> {
  const was = streetsOf(before)
  const now = streetsOf(after)
  const moved = new Map<string, string | null>()
  for (const [code, street] of was) {
    const next = now.get(code) ?? null
    if (next !== street) moved.set(code, next)
  }
  return moved
}

/**
 * Re-keys the stored cases of moved units: a case keyed by its grid, or by its unit when it has
 * none. Condition updates outside a transaction (a transaction allows only writes by _id), one
 * per new street and page of codes. The store runs it BEFORE writing the units, so an import that
 * fails midway still sees the same moves when retried and re-keys again; setting a key twice is
 * harmless. Returns the case documents updated.
 */
export async function rekeyCases(c: CloudbaseAccess, moved: ReadonlyMap<string, string | null>): Promise<number> {
  const _ = c.db.command
  const byStreet = new Map<string | null, string[]>()
  for (const [code, street] of moved) byStreet.set(street, [...(byStreet.get(street) ?? []), code])
  let updated = 0
  for (const [streetCode, codes] of byStreet) {
    for (let i = 0; i < codes.length; i += PAGE) {
      const page = codes.slice(i, i + PAGE)
      updated += answered(await guard(() => c.coll('cases').where({ gridCode: _.in(page) }).update({ streetCode })), 'updated')
      updated += answered(await guard(() => c.coll('cases').where({ unitCode: _.in(page), gridCode: null }).update({ streetCode })), 'updated')
    }
  }
  return updated
}

export class StreetKeys {
  private streets: Map<string, string | null> | null = null
  private reloadedAt = -Infinity

  constructor(
    private readonly listUnits: () => Promise<OrgUnit[]>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The units the store has just listed; returns them unchanged. */
  seen(units: OrgUnit[]): OrgUnit[] {
    this.reloadedAt = this.now()
    this.streets = streetsOf(units)
    return units
  }

  changed(): void {
    this.streets = null
  }

  async of(c: { gridCode: string | null; unitCode: string }): Promise<string | null> {
    const code = c.gridCode ?? c.unitCode
    if (this.streets === null || (!this.streets.has(code) && this.now() - this.reloadedAt > RELOAD_MS)) {
      this.seen(await this.listUnits())
    }
    return this.streets!.get(code) ?? null
  }
}
