import type { RegistrationView } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { CHECKIN } from '../../../src/core/kinds/checkin'
import type { OrgTree } from '../../../src/core/org'
import { DOC_TYPE_LABELS } from '../../../src/core/rental'
import { labelOf } from '../../../src/core/transition'
import { proxyNote } from '../../../src/core/proxyMark'
import { maskPhone } from '../../../src/core/idNumber'
import type { Building } from '../../ports'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import { documentAlerts } from './alerts'
import { Buildings, pl } from './reads'
import { isVault, openSecret, vaultOf } from './secrets'
import { tenantNames } from './tenantNames'

/**
 * A registration as the app shows it. `phone` is what the caller may see: the full number for
 * the tenant and the building's manager, masked for the street and police, null once purged.
 * `names`: the vault for the tenant, the manager and the police (the names in full); without it
 * the masks stored with the registration.
 */
export function registrationView(tree: OrgTree, c: Case, b: Building | null, phone: string | null, names: Vault | undefined): RegistrationView {
  const p = pl(c)
  const tenant = tenantNames(names, c)
  return {
    id: c.id,
    number: c.number ?? null,
    status: c.status as RegistrationView['status'],
    statusLabel: labelOf(CHECKIN.statusLabels, c.status),
    buildingId: p.buildingId,
    buildingName: b?.name ?? '',
    buildingAddress: b?.address ?? '',
    gridName: tree.get(c.gridCode ?? c.unitCode)?.name ?? '',
    room: p.room,
    name: tenant.name,
    docType: p.docType,
    docTypeLabel: DOC_TYPE_LABELS[p.docType],
    docNumberMasked: p.docNumberMasked,
    phone,
    moveInDate: p.moveInDate,
    leaseEnd: p.leaseEnd,
    cohabitants: tenant.cohabitants,
    refusedReason: p.refusedReason ?? null,
    checkedOutAt: p.checkedOutAt ?? null,
    leaseOverdue: c.status === 'active' && !!p.leaseOverdueSince,
    alerts: [],
    proxyNote: p.proxy ? proxyNote(p.proxy) : null,
    createdAt: c.createdAt,
    version: c.version,
  }
}

export function maskedPhone(phone: string | null): string | null {
  return phone === null ? null : maskPhone(phone)
}

/** A registration with the phone its own people may see (the tenant, the building's manager). */
export async function ownView(d: Deps, c: Case, buildings: Buildings, phone: string | null): Promise<RegistrationView> {
  return registrationView(await d.orgTree(), c, await buildings.of(pl(c).buildingId), phone, d.vault)
}

/** The answer to a move on a registration: the registration as it is now, with its full phone. */
export async function registrationAnswer(d: Deps, c: Case) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  return { ok: true as const, registration: await ownView(d, c, new Buildings(d), openSecret(vault, await d.store.getSecret(c.id)).phone) }
}

/**
 * A registration as police and street staff list it: the phone masked, the document's alerts
 * attached; the names in full for the police of the area (`police`), masked for street staff.
 */
export async function maskedRegistrationView(d: Deps, tree: OrgTree, c: Case, buildings: Buildings, police: boolean): Promise<RegistrationView> {
  const secret = await d.store.getSecret(c.id)
  const b = await buildings.of((c.payload as { buildingId: string }).buildingId)
  const view = registrationView(tree, c, b, maskedPhone(d.vault ? openSecret(d.vault, secret).phone : null), police ? d.vault : undefined)
  view.alerts = await documentAlerts(d, c, secret)
  return view
}
