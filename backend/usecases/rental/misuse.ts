import type { MisuseView, RegistrationView } from '../../../src/contracts/rental'
import type { Case } from '../../../src/core/case'
import { maskDocNumber } from '../../../src/core/idNumber'
import { MISUSE, openMisuse, type MisusePayload } from '../../../src/core/kinds/misuse'
import type { OrgTree } from '../../../src/core/org'
import { fail } from '../../../src/core/outcome'
import { DOC_TYPE_LABELS, validateDocNumber, type DocType } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import { canRead } from '../../../src/core/scope'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { act } from '../shared/act'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { maskedRegistrationView } from './alerts'
import { MISUSE_COMMANDS } from './commands'
import { isVault, vaultOf } from './secrets'
import { Buildings, Names } from './views'

const NO_BUILDING = '楼栋不存在，请重新扫描楼栋二维码'

export const mpl = (c: Case) => c.payload as unknown as MisusePayload

/** What the person who raised a dispute is told: the same whether or not the number is registered anywhere. */
function receipt(c: Case, buildingName: string) {
  return { id: c.id, statusLabel: labelOf(MISUSE.statusLabels, c.status), buildingName, docNumberMasked: mpl(c).docNumberMasked, createdAt: c.createdAt }
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

/** A dispute as the police see it: the registrations of the same document in their area, masked. */
export async function misuseView(d: Deps, tree: OrgTree, actor: Actor, c: Case, buildings: Buildings, names: Names): Promise<MisuseView> {
  const p = mpl(c)
  const b = await buildings.of(p.buildingId)
  const related: RegistrationView[] = []
  const hmac = (await d.store.getSecret(c.id))?.docHmac
  for (const id of hmac ? await d.store.caseIdsByDocHmac(hmac) : []) {
    const r = await d.store.getCase(id)
    if (!r || r.kind !== 'checkin' || !canRead(tree, actor, r)) continue
    related.push(await maskedRegistrationView(d, tree, r, buildings))
  }
  return {
    id: c.id,
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

/** The police of the area close a dispute with what they found (核实处理). */
export async function closeDispute(d: Deps, actor: Actor, input: { id: string; version: number; note: string }) {
  const out = await act(d, actor, MISUSE_COMMANDS, { ...input, action: 'close' })
  if (!out.ok) return out
  return { ok: true as const, dispute: await misuseView(d, out.tree, actor, out.case, new Buildings(d), new Names(d)) }
}
