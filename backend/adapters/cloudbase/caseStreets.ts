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

const RELOAD_MS = 60_000

export class StreetKeys {
  private streets: Map<string, string | null> | null = null
  private reloadedAt = -Infinity

  constructor(
    private readonly listUnits: () => Promise<OrgUnit[]>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The units the store has just listed; returns them unchanged. */
  seen(units: OrgUnit[]): OrgUnit[] {
    const tree = new OrgTree(units)
    this.reloadedAt = this.now()
    this.streets = new Map(units.map((u) => [u.code, tree.ancestorAt(u.code, 'street')?.code ?? null]))
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
