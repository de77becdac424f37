import type { BoardView } from '../../../src/contracts/api'
import type { OrgTree, OrgUnit } from '../../../src/core/org'
import type { Actor } from '../../../src/core/roles'
import type { GridBoard } from '../../ports'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'
import { canManage } from './gridAccess'
import { TEAM_ROLE_LABELS } from '../../../src/contracts/grid'
import { MEMBERSHIP_LABELS, qrStatus } from './rules'

export function emptyBoard(g: OrgUnit, now: string): GridBoard {
  return { gridCode: g.code, scope: '', households: 0, team: [], services: [], officeHours: '', joinPolicy: 'approval', qr: null, updatedAt: now }
}

/** The board as the caller sees it: the group QR only for members and managers, and only while it works. */
export async function boardView(d: Deps, tree: OrgTree, actor: Actor, g: OrgUnit): Promise<BoardView> {
  const now = d.clock.now()
  const b = (await d.store.getBoard(g.code)) ?? emptyBoard(g, now.toISOString())
  const m = await d.store.getMembership(g.code, actor.userId)
  const manage = canManage(tree, actor, g.code)
  const status = qrStatus(b, now)
  const showQr = (manage || m?.status === 'joined') && b.qr && status !== 'expired'
  const qrMeta = showQr ? await d.store.getFileMeta(b.qr!.fileId) : null
  return {
    grid: gridView(tree, g),
    scope: b.scope,
    households: b.households,
    team: b.team.map((t) => ({ role: t.role as BoardView['team'][number]['role'], roleLabel: TEAM_ROLE_LABELS[t.role as keyof typeof TEAM_ROLE_LABELS] ?? t.role, name: t.name, phone: t.phone })),
    services: b.services,
    officeHours: b.officeHours,
    joinPolicy: b.joinPolicy,
    qr: qrMeta ? { url: await d.fileUrl(qrMeta), expiresAt: b.qr!.expiresAt } : null,
    qrStatus: status,
    membership: m ? { status: m.status, statusLabel: MEMBERSHIP_LABELS[m.status], building: m.building } : null,
    members: await d.store.countMemberships([g.code], 'joined'),
    canManage: manage,
    polygon: g.polygon?.coordinates ?? [],
  }
}
