import type { GridView } from '../../../src/contracts/api'
import type { OrgTree, OrgUnit } from '../../../src/core/org'

/** A grid as the app shows it: name, and the district/street/community it sits in. */
export function gridView(tree: OrgTree, g: OrgUnit): GridView {
  const path = tree
    .chain(g.code)
    .slice(1)
    .reverse()
    .filter((u) => u.level !== 'city')
    .map((u) => u.name)
    .join(' ')
  return { code: g.code, name: g.name, path, phone: g.phone ?? null }
}
