import type { ApiIn } from '../../../src/contracts/api'
import { centroid } from '../../../src/core/geo'
import { openReport } from '../../../src/core/kinds/report'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { refuseVoice } from '../files/voiceNote'
import { createOnce } from '../shared/persist'
import { gridOr404 } from './gridAccess'

/** The configured category questions to the grid worker are filed under (咨询求助 / 找网格员). */
export const CONSULT_CATEGORY = 'ZX01'

/** 找网格员: the question becomes a report case (咨询求助) in the grid worker's queue, answered there. */
export async function ask(d: Deps, actor: Actor, input: ApiIn<'grid.ask'>) {
  const tree = await d.orgTree()
  const g = gridOr404(tree, input.code)
  if ('ok' in g) return g
  if (!d.config.categories.some((x) => x.code === CONSULT_CATEGORY)) return fail('VALIDATION', '本区尚未开通「找网格员」')
  const badVoice = await refuseVoice(d, actor, input.voiceFileId)
  if (badVoice) return badVoice
  const centre = g.polygon ? centroid(g.polygon) : { lng: 0, lat: 0 }
  const { case: c, event } = openReport({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    category: CONSULT_CATEGORY,
    gridCode: g.code,
    now: d.clock.now(),
    acceptHours: d.config.acceptHours,
    payload: {
      description: input.question.trim(),
      ...(input.voiceFileId ? { voiceFileId: input.voiceFileId } : {}),
      photos: [],
      location: { ...centre, address: g.name },
      anonymous: false,
      consult: true,
    },
  })
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { limit: 'grid.ask' })
  if ('ok' in made) return made
  return { ok: true as const, caseId: made.case.id }
}
