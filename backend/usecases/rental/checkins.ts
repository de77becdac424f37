import type { CheckInInput, CheckinStatus } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { openCheckin } from '../../../src/core/kinds/checkin'
import { maskDocNumber } from '../../../src/core/idNumber'
import { fail, type Failure } from '../../../src/core/outcome'
import { isLeaseEndValid, isRealDay, validateDocNumber, validateMobile } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { CHECKIN_COMMANDS, DocumentActive, NO_BUILDING } from './commands'
import { documentAlerts } from './alerts'
import { isManager } from './buildings'
import { isVault, openSecret, vaultOf } from './secrets'
import { Buildings, casePages, pl, registrationView } from './views'


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

async function answer(d: Deps, c: Case) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  return { ok: true as const, registration: await viewFor(d, c, new Buildings(d), openSecret(vault, await d.store.getSecret(c.id)).phone) }
}

/** The tenant corrects their phone or lease end (an event, no status change); a longer stay keeps its door access. */
export async function update(d: Deps, actor: Actor, input: { id: string; version: number; phone?: string; leaseEnd?: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const moved = await act(d, actor, CHECKIN_COMMANDS, { ...input, action: 'update' })
  return moved.ok ? answer(d, moved.case) : moved
}

/** 人走注销 by the tenant or the manager; a confirmed stay's door access is revoked with it. */
export async function checkOut(d: Deps, actor: Actor, input: { id: string; version: number; note?: string }) {
  const moved = await act(d, actor, CHECKIN_COMMANDS, { id: input.id, version: input.version, note: input.note, action: 'check_out' })
  return moved.ok ? answer(d, moved.case) : moved
}

/** The building manager confirms (人来登记 → 在住, door access granted) or refuses with a reason. */
export async function decide(d: Deps, actor: Actor, input: { id: string; version: number; approve: boolean; reason?: string }) {
  try {
    const moved = await act(d, actor, CHECKIN_COMMANDS, { id: input.id, version: input.version, note: input.reason, action: input.approve ? 'confirm' : 'refuse' })
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
