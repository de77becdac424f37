import type { Case } from '../../../src/core/case'
import { maskDocNumber } from '../../../src/core/idNumber'
import { MISUSE, openMisuse } from '../../../src/core/kinds/misuse'
import { fail } from '../../../src/core/outcome'
import { validateDocNumber, type DocType } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { NO_BUILDING } from './commands'
import { mpl } from './misuseView'
import { isVault, vaultOf } from './secrets'

/** What the person who raised a dispute is told: the same whether or not the number is registered anywhere. */
function receipt(c: Case, buildingName: string) {
  return { id: c.id, number: c.number ?? null, statusLabel: labelOf(MISUSE.statusLabels, c.status), buildingName, docNumberMasked: mpl(c).docNumberMasked, createdAt: c.createdAt }
}

/**
 * 有人冒用我的证件: the owner of a document says someone registered with it. Always taken as a
 * dispute for the police of the building's area (rate-limited by WeChat identity); the answer
 * never depends on whether the number has registrations, so it is no way to ask.
 */
export async function reportMisuse(d: Deps, actor: Actor, input: { idempotencyKey: string; buildingCode: string; docType: DocType; docNumber: string; note: string }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'misuse') return keyUsedElsewhere()
  if (replay) return { ok: true as const, dispute: receipt(replay, (await d.store.getBuilding(mpl(replay).buildingId))?.name ?? ''), replayed: true }
  const b = await d.store.getBuildingByCode(input.buildingCode)
  if (!b) return fail('NOT_FOUND', NO_BUILDING, { buildingCode: '楼栋不存在' })
  const now = d.clock.now()
  const doc = validateDocNumber(input.docType, input.docNumber, now)
  if (!doc.ok) return fail('VALIDATION', doc.message, { docNumber: doc.message })
  const { case: c, event } = openMisuse({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    gridCode: b.gridCode,
    now,
    payload: { buildingId: b.id, docType: input.docType, docNumberMasked: maskDocNumber(doc.value), note: input.note.trim() },
  })
  const subject = await probeSubject(d, actor)
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, {
    also: async (tx) => {
      await countCreate(d, tx, subject, 'rental.reportMisuse')
      // Only the keyed hash: enough for the police list to find registrations of the same document.
      await tx.putSecret({ caseId: c.id, buildingId: b.id, docCipher: null, phoneCipher: null, docHmac: vault.lookupHash(input.docType, doc.value), purgedAt: null })
    },
  })
  if ('ok' in made) return made
  return { ok: true as const, dispute: receipt(made.case, b.name), replayed: made.replayed }
}
