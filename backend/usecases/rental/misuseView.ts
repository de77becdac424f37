import type { MisuseView, RegistrationView } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { MISUSE, type MisusePayload } from '../../../src/core/kinds/misuse'
import type { OrgTree } from '../../../src/core/org'
import { DOC_TYPE_LABELS } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { Buildings, Names } from './reads'
import { maskedRegistrationView } from './registrationView'

export const mpl = (c: Case) => c.payload as unknown as MisusePayload

/** A dispute as the police see it: the registrations of the same document in their area, masked. */
export async function misuseView(d: Deps, tree: OrgTree, actor: Actor, c: Case, buildings: Buildings, names: Names): Promise<MisuseView> {
  const p = mpl(c)
  const b = await buildings.of(p.buildingId)
  const related: RegistrationView[] = []
  const hmac = (await d.store.getSecret(c.id))?.docHmac
  for (const id of hmac ? await d.store.caseIdsByDocHmac(hmac) : []) {
    const r = await d.store.getCase(id)
    if (!r || r.kind !== 'checkin' || !canRead(tree, actor, r)) continue
    related.push(await maskedRegistrationView(d, tree, r, buildings, true))
  }
  return {
    id: c.id,
    number: c.number ?? null,
    status: c.status as MisuseView['status'],
    statusLabel: labelOf(MISUSE.statusLabels, c.status),
    buildingName: b?.name ?? '',
    buildingAddress: b?.address ?? '',
    gridName: tree.get(c.gridCode ?? c.unitCode)?.name ?? '',
    docTypeLabel: DOC_TYPE_LABELS[p.docType],
    docNumberMasked: p.docNumberMasked,
    note: p.note,
    reporterName: await names.of(c.creatorId),
    resolution: p.resolution ?? null,
    related,
    createdAt: c.createdAt,
    version: c.version,
  }
}

/** Open disputes of the area, newest first (at most `limit`). */
export async function openDisputes(d: Deps, tree: OrgTree, actor: Actor, grids: string[], limit: number): Promise<MisuseView[]> {
  if (grids.length === 0) return []
  const rows = await d.store.listCases({ kind: 'misuse', gridCodes: grids, statuses: ['open'], order: 'newest', limit })
  const buildings = new Buildings(d)
  const names = new Names(d)
  const out: MisuseView[] = []
  for (const c of rows) out.push(await misuseView(d, tree, actor, c, buildings, names))
  return out
}
