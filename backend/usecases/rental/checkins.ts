import type { CheckInInput, CheckinStatus } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { CHECKIN, openCheckin } from '../../../src/core/kinds/checkin'
import { maskDocNumber } from '../../../src/core/idNumber'
import { fail, type Failure } from '../../../src/core/outcome'
import { isLeaseEndValid, isRealDay, validateDocNumber, validateMobile } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Tx } from '../../ports'
import type { Deps } from '../../deps'
import { createOnce, keyUsedElsewhere, saveTransition } from '../persist'
import { countCreate, probeSubject } from '../rateLimit'
import { accessMessage } from './access'
import { documentAlerts } from './alerts'
import { isManager } from './buildings'
import { isVault, openSecret, vaultOf } from './secrets'
import { Buildings, casePages, pl, registrationView } from './views'

const NOT_FOUND = '登记不存在或无权查看'
const NO_BUILDING = '楼栋不存在，请重新扫描楼栋二维码'

/** Rolls a confirmation back: another registration of the document is active (在住). */
class DocumentActive extends Error {}

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

function firstFailure(details: Record<string, string>): Failure {
  return fail('VALIDATION', Object.values(details)[0]!, details)
}

/** Every field checked at once, each problem named for its field in Chinese. */
function checkFields(input: CheckInInput, rooms: string[], today: Date): { details: Record<string, string>; doc: string; phone: string } {
  const details: Record<string, string> = {}
  if (rooms.length > 0 && !rooms.includes(input.room.trim())) details.room = `房号「${input.room.trim().slice(0, 20)}」不在本楼栋的房间列表中`
  const doc = validateDocNumber(input.docType, input.docNumber, today)
  if (!doc.ok) details.docNumber = doc.message
  const phone = validateMobile(input.phone)
  if (!phone.ok) details.phone = phone.message
  if (!isRealDay(input.moveInDate)) details.moveInDate = '入住日期不是有效日期'
  if (!isRealDay(input.leaseEnd)) details.leaseEnd = '租约到期日不是有效日期'
  else if (isRealDay(input.moveInDate) && !isLeaseEndValid(input.moveInDate, input.leaseEnd)) details.leaseEnd = '租约到期日应晚于入住日期'
  return { details, doc: doc.ok ? doc.value : '', phone: phone.ok ? phone.value : '' }
}

async function viewFor(d: Deps, c: Case, buildings: Buildings, phone: string | null) {
  return registrationView(await d.orgTree(), c, await buildings.of(pl(c).buildingId), phone)
}

/** 人来登记: a tenant registers under their real name in the building of the scanned QR. */
export async function checkIn(d: Deps, actor: Actor, input: CheckInInput) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const buildings = new Buildings(d)
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'checkin') return keyUsedElsewhere()
  if (replay) {
    const { phone } = openSecret(vault, await d.store.getSecret(replay.id))
    return { ok: true as const, registration: await viewFor(d, replay, buildings, phone), replayed: true }
  }
  const b = await d.store.getBuildingByCode(input.buildingCode)
  if (!b) return fail('NOT_FOUND', NO_BUILDING, { buildingCode: '楼栋不存在' })
  const now = d.clock.now()
  const { details, doc, phone } = checkFields(input, b.rooms, now)
  if (Object.keys(details).length > 0) return firstFailure(details)

  const docHmac = vault.lookupHash(input.docType, doc)
  const { case: c, event } = openCheckin({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    gridCode: b.gridCode,
    managerId: b.managerId,
    now,
    payload: {
      buildingId: b.id,
      room: input.room.trim(),
      name: input.name.trim(),
      docType: input.docType,
      docNumberMasked: maskDocNumber(doc),
      cohabitants: input.cohabitants.map((x) => ({ name: x.name.trim(), relation: x.relation.trim() })),
      moveInDate: input.moveInDate,
      leaseEnd: input.leaseEnd,
      consent: { version: input.consent.version, at: now.toISOString() },
    },
  })
  // Counted against the WeChat identity (a new account on it does not reset the count), after the
  // idempotency claim (a retry of an accepted check-in is never refused), and never rolled back by
  // anything about the number: every accepted attempt counts the same.
  const subject = await probeSubject(d, actor)
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, {
    also: async (tx) => {
      await countCreate(d, tx, subject, 'rental.checkIn')
      await tx.putSecret({ caseId: c.id, buildingId: b.id, docCipher: vault.seal(doc, c.id), phoneCipher: vault.seal(phone, c.id), docHmac, purgedAt: null })
    },
  })
  if ('ok' in made) return made
  const own = made.replayed ? openSecret(vault, await d.store.getSecret(made.case.id)).phone : phone
  return { ok: true as const, registration: await viewFor(d, made.case, buildings, own), replayed: made.replayed }
}

/** The tenant's own registrations, newest first, with their own phone in full. */
export async function mine(d: Deps, actor: Actor) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const buildings = new Buildings(d)
  const rows = await d.store.listCases({ kind: 'checkin', creatorId: actor.userId, order: 'newest', limit: 50 })
  const registrations = []
  for (const c of rows) registrations.push(await viewFor(d, c, buildings, openSecret(vault, await d.store.getSecret(c.id)).phone))
  return { ok: true as const, registrations }
}

/** The registration if the caller is its tenant or its building's manager; others learn nothing. */
async function ownCase(d: Deps, actor: Actor, id: string): Promise<Case | null> {
  const c = await d.store.getCase(id)
  if (!c || c.kind !== 'checkin') return null
  return c.creatorId === actor.userId || (c.assigneeId === actor.userId && isManager(actor)) ? c : null
}

async function move(d: Deps, actor: Actor, c: Case, action: string, opts: { version: number; note?: string; params?: Record<string, unknown> }, also?: (tx: Tx, next: Case) => Promise<void>) {
  const out = transition(CHECKIN, await d.orgTree(), c, { actor, action, now: d.clock.now(), eventId: d.newId(), expectedVersion: opts.version, note: opts.note, params: opts.params })
  if (!out.ok) return out
  const refused = await saveTransition(d, c, out.case, out.event, also ? (tx) => also(tx, out.case) : undefined)
  return refused ?? { ok: true as const, case: out.case }
}

async function answer(d: Deps, c: Case) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  return { ok: true as const, registration: await viewFor(d, c, new Buildings(d), openSecret(vault, await d.store.getSecret(c.id)).phone) }
}

/** The tenant corrects their phone or lease end (an event, no status change); a longer stay keeps its door access. */
export async function update(d: Deps, actor: Actor, input: { id: string; version: number; phone?: string; leaseEnd?: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const c = await ownCase(d, actor, input.id)
  if (!c) return fail('NOT_FOUND', NOT_FOUND)
  let phone: string | undefined
  if (input.phone !== undefined) {
    const p = validateMobile(input.phone)
    if (!p.ok) return fail('VALIDATION', p.message, { phone: p.message })
    phone = p.value
  }
  const b = await d.store.getBuilding(pl(c).buildingId)
  if (!b) return fail('NOT_FOUND', NO_BUILDING)
  const moved = await move(d, actor, c, 'update', { version: input.version, params: { leaseEnd: input.leaseEnd, phoneChanged: phone !== undefined } }, async (tx, next) => {
    // A confirmed stay's door access follows its lease: a new end is granted again until then.
    if (input.leaseEnd !== undefined && input.leaseEnd !== pl(c).leaseEnd && next.status === 'active') await tx.enqueue(accessMessage(d, next, b, 'grant'))
    if (phone === undefined) return
    const s = await tx.getSecret(c.id)
    if (s && s.purgedAt === null) await tx.putSecret({ ...s, phoneCipher: vault.seal(phone, c.id) })
  })
  return moved.ok ? answer(d, moved.case) : moved
}

/** 人走注销 by the tenant or the manager; a confirmed stay's door access is revoked with it. */
export async function checkOut(d: Deps, actor: Actor, input: { id: string; version: number; note?: string }) {
  const c = await ownCase(d, actor, input.id)
  if (!c) return fail('NOT_FOUND', NOT_FOUND)
  const b = await d.store.getBuilding(pl(c).buildingId)
  if (!b) return fail('NOT_FOUND', NO_BUILDING)
  const wasActive = c.status === 'active'
  const moved = await move(d, actor, c, 'check_out', { version: input.version, note: input.note }, async (tx, next) => {
    if (wasActive) await tx.enqueue(accessMessage(d, next, b, 'revoke'))
    await releaseDocument(tx, c.id)
  })
  return moved.ok ? answer(d, moved.case) : moved
}

/** The building manager confirms (人来登记 → 在住, door access granted) or refuses with a reason. */
export async function decide(d: Deps, actor: Actor, input: { id: string; version: number; approve: boolean; reason?: string }) {
  const c = await ownCase(d, actor, input.id)
  if (!c || c.assigneeId !== actor.userId) return fail('NOT_FOUND', NOT_FOUND)
  const b = await d.store.getBuilding(pl(c).buildingId)
  if (!b) return fail('NOT_FOUND', NO_BUILDING)
  try {
    const moved = input.approve
      ? await move(d, actor, c, 'confirm', { version: input.version, note: input.reason }, async (tx, next) => {
          await claimDocument(tx, c.id)
          await tx.enqueue(accessMessage(d, next, b, 'grant'))
        })
      : await move(d, actor, c, 'refuse', { version: input.version, note: input.reason }, (tx) => releaseDocument(tx, c.id))
    return moved.ok ? answer(d, moved.case) : moved
  } catch (e) {
    if (!(e instanceof DocumentActive)) throw e
    return fail('VALIDATION', '该证件号已有在住登记，不能重复确认；请核实身份后驳回并填写原因', { id: '该证件号已有在住登记' })
  }
}

/** A manager's registrations of one building (人在管理), full phones, masked identity numbers. */
export async function registrations(d: Deps, actor: Actor, input: { buildingId: string; statuses?: CheckinStatus[] }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const b = await d.store.getBuilding(input.buildingId)
  if (!b || b.managerId !== actor.userId || !isManager(actor)) return fail('NOT_FOUND', '楼栋不存在或无权查看')
  const tree = await d.orgTree()
  const out = []
  // The manager's registrations are read through the assignee index a page at a time.
  for await (const page of casePages(d, { kind: 'checkin', assigneeId: b.managerId, statuses: input.statuses?.length ? input.statuses : undefined, order: 'newest' }, 50)) {
    for (const c of page) {
      if (pl(c).buildingId !== b.id) continue
      const secret = await d.store.getSecret(c.id)
      const view = registrationView(tree, c, b, openSecret(vault, secret).phone)
      // The manager reviews a pending registration knowing of a conflict on its document.
      if (c.status === 'pending') view.alerts = await documentAlerts(d, c, secret)
      out.push(view)
    }
  }
  return { ok: true as const, registrations: out }
}
