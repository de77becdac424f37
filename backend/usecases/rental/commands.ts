import { CHECKIN, type CheckinAction } from '../../../src/core/kinds/checkin'
import { MISUSE, type MisuseAction } from '../../../src/core/kinds/misuse'
import type { Case } from '../../../src/core/case'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import { validateMobile } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import type { Tx } from '../../ports'
import type { Deps } from '../../deps'
import type { ActCommand, KindCommands, Prepare } from '../shared/act'
import { accessMessage } from './access'
import { isManager } from './roles'
import { isVault, vaultOf } from './secrets'
import { pl } from './reads'

export const NOT_FOUND = '登记不存在或无权查看'
export const NO_BUILDING = '楼栋不存在，请重新扫描楼栋二维码'

/** Rolls a confirmation back: another registration of the document is active (在住). */
export class DocumentActive extends Error {}

/**
 * One active stay per document. The claim is taken when the manager confirms, not at check-in:
 * a check-in of a number that already has a registration is taken (待确认) like any other, so
 * its answer tells the caller nothing, and the manager sees the conflict before confirming.
 * Read and set in the confirmation's transaction, so two confirmations cannot both pass.
 */
async function claimDocument(tx: Tx, caseId: string): Promise<void> {
  const s = await tx.getSecret(caseId)
  if (!s?.docHmac) return
  const holder = await tx.liveDocumentHolder(s.docHmac)
  const other = holder && holder !== caseId ? await tx.getCase(holder) : null
  if (other && other.status === 'active') throw new DocumentActive()
  await tx.setLiveDocumentHolder(s.docHmac, caseId)
}

/** When a stay ends its document is free again, and its claim (a keyed hash) goes. */
async function releaseDocument(tx: Tx, caseId: string): Promise<void> {
  const s = await tx.getSecret(caseId)
  if (s?.docHmac) await tx.releaseLiveDocument(s.docHmac, caseId)
}

/** A registration's moves on the wire: the tenant's new phone or lease end ride along. */
export type CheckinCommand = ActCommand & { phone?: string; leaseEnd?: string }

async function buildingOf(d: Deps, c: Case) {
  return (await d.store.getBuilding(pl(c).buildingId)) ?? fail('NOT_FOUND', NO_BUILDING)
}

/** The manager's decisions are for the building's own manager only. */
function assignedManager(actor: Actor, c: Case): Failure | null {
  return c.assigneeId === actor.userId ? null : fail('NOT_FOUND', NOT_FOUND)
}

const PREPARE: Partial<Record<CheckinAction, Prepare<CheckinCommand>>> = {
  update: async ({ d, c, input }) => {
    const vault = vaultOf(d)
    if (!isVault(vault)) return vault
    let phone: string | undefined
    if (input.phone !== undefined) {
      const p = validateMobile(input.phone)
      if (!p.ok) return fail('VALIDATION', p.message, { phone: p.message })
      phone = p.value
    }
    const b = await buildingOf(d, c)
    if (isFailure(b)) return b
    return {
      params: { leaseEnd: input.leaseEnd, phoneChanged: phone !== undefined },
      also: async (tx, next) => {
        // A confirmed stay's door access follows its lease: a new end is granted again until then.
        if (input.leaseEnd !== undefined && input.leaseEnd !== pl(c).leaseEnd && next.status === 'active') await tx.enqueue(accessMessage(d, next, b, 'grant'))
        if (phone === undefined) return
        const s = await tx.getSecret(c.id)
        if (s && s.purgedAt === null) await tx.putSecret({ ...s, phoneCipher: vault.seal(phone, c.id) })
      },
    }
  },
  // A confirmed stay's door access is revoked with it.
  check_out: async ({ d, c }) => {
    const b = await buildingOf(d, c)
    if (isFailure(b)) return b
    const wasActive = c.status === 'active'
    return {
      also: async (tx, next) => {
        if (wasActive) await tx.enqueue(accessMessage(d, next, b, 'revoke'))
        await releaseDocument(tx, c.id)
      },
    }
  },
  confirm: async ({ d, actor, c }) => {
    const b = assignedManager(actor, c) ?? (await buildingOf(d, c))
    if (isFailure(b)) return b
    return {
      also: async (tx, next) => {
        await claimDocument(tx, c.id)
        await tx.enqueue(accessMessage(d, next, b, 'grant'))
      },
    }
  },
  refuse: async ({ d, actor, c }) => {
    const b = assignedManager(actor, c) ?? (await buildingOf(d, c))
    if (isFailure(b)) return b
    return { also: (tx) => releaseDocument(tx, c.id) }
  },
}

export const CHECKIN_COMMANDS: KindCommands<CheckinAction, CheckinCommand> = {
  def: CHECKIN,
  notFound: NOT_FOUND,
  // The registration's tenant or its building's manager; others (the area police too) learn nothing here.
  reachable: (_tree, actor, c) => c.creatorId === actor.userId || (c.assigneeId === actor.userId && isManager(actor)),
  prepare: PREPARE,
}

export const MISUSE_COMMANDS: KindCommands<MisuseAction, ActCommand> = {
  def: MISUSE,
  notFound: '争议不存在或不在您的辖区',
  prepare: {},
}
