import type { ApiIn } from '../../../src/contracts/api'
import { gridAt } from '../../../src/core/geo'
import { openReport } from '../../../src/core/kinds/report'
import { proxyNote } from '../../../src/core/proxyMark'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { leafCategory } from '../../config/district'
import type { Deps } from '../../deps'
import { firstNotOwn } from '../files/ownUploads'
import { readsOf } from '../shared/pageReads'
import { refuseVoice } from '../files/voiceNote'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { proxiedFiling } from '../shared/proxied'
import { OUTSIDE_AREA, proxyLimitKey, proxyRoleAt } from '../shared/proxyAgent'
import { caseView } from './caseView'
import { contactPhoneOf, sealContact } from './contactPhone'
import { OUT_OF_AREA } from './locate'

/**
 * `reports.submit`: a resident files a report, once per idempotency key. `cases.proxySubmit`
 * (a grid worker filing for someone, proxySubmit.ts) and a building manager's inspection come here too.
 */
export async function submit(
  d: Deps,
  actor: Actor,
  input: ApiIn<'reports.submit'>,
  proxy?: ApiIn<'cases.proxySubmit'>['proxy'],
  filedBy?: 'building_manager',
) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'report') return keyUsedElsewhere()
  if (replay) return { ok: true as const, case: await caseView(d, tree, replay), replayed: true }

  const category = leafCategory(d.config, input.category)
  if (!category) return fail('VALIDATION', '请选择具体的问题分类', { category: '请选择具体类别' })
  // Read once: checked here, linked in the answer.
  const photoMetas = input.photos.length ? await d.store.getFileMetas(input.photos) : []
  const bad = firstNotOwn(actor, input.photos, photoMetas)
  if (bad !== null) return fail('VALIDATION', '照片无效，请重新上传', { photos: bad })
  const badVoice = await refuseVoice(d, actor, input.voiceFileId)
  if (badVoice) return badVoice
  const grid = gridAt(tree, input.location)
  if (!grid) return fail('OUT_OF_AREA', OUT_OF_AREA, { location: '不在网格范围内' })

  // 代办: only where the agent works (their grid, a 代办员's community).
  const agentRole = proxy ? proxyRoleAt(tree, actor, grid.code) : undefined
  if (proxy && !agentRole) return OUTSIDE_AREA
  const vault = proxy ? d.vault : undefined
  if (proxy && !vault) return { ...fail('UNAVAILABLE', '代办上报暂不可用，请稍后重试'), retryable: true }
  const contact = await contactPhoneOf(d, actor, input)
  if (contact !== null && typeof contact !== 'string') return contact
  const id = d.newId()
  // The resident's name and phone sealed at rest, the creator their phone's marker until they claim it (proxyMark.ts).
  const filing = proxy ? proxiedFiling(vault!, id, actor, agentRole!, proxy) : undefined
  const { case: c, event: opened } = openReport({
    id,
    eventId: d.newId(),
    creatorId: filing?.creatorId ?? actor.userId,
    idempotencyKey: input.idempotencyKey,
    category: category.code,
    gridCode: grid.code,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    creatorRole: proxy ? 'grid_worker' : (filedBy ?? 'resident'),
    payload: {
      description: input.description.trim(),
      ...(input.voiceFileId ? { voiceFileId: input.voiceFileId } : {}),
      photos: [...new Set(input.photos)],
      location: input.location,
      anonymous: input.anonymous,
      // The staff view opens the resident's name and phone (proxyPerson.ts).
      ...(filing ? { proxy: filing.mark } : {}),
      ...(contact ? { contact: sealContact(d.vault!, id, contact) } : {}),
      ...(category.handler === 'department' && category.department ? { department: category.department } : {}),
    },
  })
  // 代办: the first row is the agent's, in their own role, with the words every 代办 row carries.
  const event = filing ? { ...opened, actorId: actor.userId, actorRole: agentRole!, note: proxyNote(filing.mark) } : opened
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: proxy ? proxyLimitKey(d, 'report') : 'reports.submit' })
  if ('ok' in made) return made
  // A fresh case has no assignee and no voice link to read: its photos are the ones checked above.
  const fresh = !made.replayed && !input.voiceFileId && made.case.assigneeId === null
  return { ok: true as const, case: await caseView(d, tree, made.case, null, fresh ? await readsOf(d, [], photoMetas) : undefined), replayed: made.replayed }
}
