import type { CheckInInput } from '../../../src/contracts/rental'
import { openCheckin } from '../../../src/core/kinds/checkin'
import { maskDocNumber } from '../../../src/core/idNumber'
import { proxiedBy, proxyNote } from '../../../src/core/proxyMark'
import { fail, type Failure } from '../../../src/core/outcome'
import { isLeaseEndValid, isRealDay, validateDocNumber, validateMobile } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { OUTSIDE_AREA, proxyLimitKey, proxyRoleAt } from '../shared/proxyAgent'
import { proxiedFiling } from '../shared/proxied'
import { NO_BUILDING } from './commands'
import { Buildings } from './reads'
import { maskedPhone, ownView } from './registrationView'
import { isVault, openSecret, vaultOf } from './secrets'
import { sealTenant } from './tenantNames'

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

/** 人来登记: a tenant registers under their real name in the building of the scanned QR. */
export function checkIn(d: Deps, actor: Actor, input: CheckInInput) {
  return register(d, actor, input, false)
}

/**
 * A registration, the tenant's own or filed for them by a grid worker or 代办员 of the building's area
 * (`proxied`, proxyCheckIn.ts): then the creator is the marker of the tenant's phone until they claim
 * it, the payload carries the 代办 mark, the consent is recorded as given in person, and the create
 * counts against the agent's own limit (`proxy.checkIn`).
 */
export async function register(d: Deps, actor: Actor, input: CheckInInput, proxied: boolean) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const buildings = new Buildings(d)
  // The agent's key names their own claim: an unclaimed registration's creator is not the agent.
  const held = proxied ? await d.store.claimedCase(actor.userId, input.idempotencyKey) : null
  const replay = proxied ? held && (await d.store.getCase(held)) : await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'checkin') return keyUsedElsewhere()
  if (replay) {
    const { phone } = openSecret(vault, await d.store.getSecret(replay.id))
    // An agent's late retry, once the tenant claimed it, shows the phone no more than staff see it.
    const shown = proxied && proxiedBy(replay) !== actor.userId ? maskedPhone(phone) : phone
    return { ok: true as const, registration: await ownView(d, replay, buildings, shown), replayed: true }
  }
  const b = await d.store.getBuildingByCode(input.buildingCode)
  if (!b) return fail('NOT_FOUND', NO_BUILDING, { buildingCode: '楼栋不存在' })
  const role = proxied ? proxyRoleAt(await d.orgTree(), actor, b.gridCode) : undefined
  if (proxied && !role) return OUTSIDE_AREA
  const now = d.clock.now()
  const { details, doc, phone } = checkFields(input, b.rooms, now)
  if (Object.keys(details).length > 0) return firstFailure(details)

  const docHmac = vault.lookupHash(input.docType, doc)
  const id = d.newId()
  const filing = role ? proxiedFiling(vault, id, actor, role, { name: input.name, phone }) : null
  const opened = openCheckin({
    id,
    eventId: d.newId(),
    creatorId: filing?.creatorId ?? actor.userId,
    idempotencyKey: input.idempotencyKey,
    gridCode: b.gridCode,
    managerId: b.managerId,
    now,
    payload: {
      buildingId: b.id,
      room: input.room.trim(),
      // The names sealed at rest like the document (tenantNames.ts); the registration's own people open them.
      ...sealTenant(vault, id, { name: input.name.trim(), cohabitants: input.cohabitants.map((x) => ({ name: x.name.trim(), relation: x.relation.trim() })) }),
      docType: input.docType,
      docNumberMasked: maskDocNumber(doc),
      moveInDate: input.moveInDate,
      leaseEnd: input.leaseEnd,
      consent: { version: input.consent.version, at: now.toISOString(), ...(filing ? { inPerson: true as const } : {}) },
      ...(filing ? { proxy: filing.mark } : {}),
    },
  })
  const { case: c } = opened
  // The filing row is the agent's, in the timeline's words 「代办：网格员 王伟 代 张*明 办理」.
  const event = filing && role ? { ...opened.event, actorId: actor.userId, actorRole: role, note: proxyNote(filing.mark) } : opened.event
  // A tenant's own check-in counts against the WeChat identity (a new account on it does not reset the
  // count), an agent's against the agent; after the idempotency claim (a retry of an accepted check-in is
  // never refused), and never rolled back by anything about the number: every accepted attempt counts the same.
  const subject = proxied ? actor.userId : await probeSubject(d, actor)
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, {
    also: async (tx) => {
      await countCreate(d, tx, subject, proxied ? proxyLimitKey(d, 'checkIn') : 'rental.checkIn')
      await tx.putSecret({ caseId: c.id, buildingId: b.id, docCipher: vault.seal(doc, c.id), phoneCipher: vault.seal(phone, c.id), docHmac, purgedAt: null })
    },
  })
  if ('ok' in made) return made
  const own = made.replayed ? openSecret(vault, await d.store.getSecret(made.case.id)).phone : phone
  return { ok: true as const, registration: await ownView(d, made.case, buildings, own), replayed: made.replayed }
}
