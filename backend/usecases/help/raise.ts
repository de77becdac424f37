import type { ApiIn } from '../../../src/contracts/api'
import { gridAt } from '../../../src/core/geo'
import { openHelp, type HelpNotified } from '../../../src/core/kinds/help'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { OUT_OF_AREA } from '../report/locate'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { onDuty } from './duty'
import { unreachable } from './reach'
import { helpView } from './views'
import { refuseVoice } from '../files/voiceNote'

/**
 * `help.raise`: anyone signed in asks for help where they are. The grid under the position names
 * the community; every one of its helpers on duty now is told at once (the notice's delivery:
 * notices.ts), and who a WeChat message cannot reach is recorded for the console; with nobody on
 * duty it goes to the street's 综治中心 at once. Limited per
 * WeChat identity (district data `rateLimits["help.raise"]`), so a new account is no way around it.
 */
export async function raise(d: Deps, actor: Actor, input: ApiIn<'help.raise'>) {
  const tree = await d.orgTree()
  const replay = await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'help') return keyUsedElsewhere()
  if (replay) return { ok: true as const, help: await helpView(d, tree, actor, replay), reached: 0, replayed: true }
  const text = input.text?.trim() ?? ''
  if (!text && !input.voiceFileId) return fail('VALIDATION', '请说一段语音或写一句话，说明遇到的情况', { text: '必填' })
  const badVoice = await refuseVoice(d, actor, input.voiceFileId)
  if (badVoice) return badVoice
  const grid = gridAt(tree, input.location)
  const community = grid && tree.ancestorAt(grid.code, 'community')
  if (!grid || !community) return fail('OUT_OF_AREA', OUT_OF_AREA, { location: '不在网格范围内' })

  const now = d.clock.now()
  const duty = await onDuty(d, tree, await d.store.getDutyRoster(community.code), now)
  const notified: HelpNotified[] = []
  for (const { user, grant } of duty) notified.push({ userId: user.id, role: grant.role, unreachable: await unreachable(d, user) })
  const { case: c, event } = openHelp({
    id: d.newId(),
    eventId: d.newId(),
    creatorId: actor.userId,
    idempotencyKey: input.idempotencyKey,
    now,
    gridCode: grid.code,
    communityCode: community.code,
    acceptMinutes: d.config.help.acceptMinutes,
    ...(notified.length === 0 ? { nobodyOnDuty: { districtMinutes: d.config.help.districtMinutes } } : {}),
    payload: { helpKind: input.kind, text, voiceFileId: input.voiceFileId ?? null, location: { lat: input.location.lat, lng: input.location.lng }, notified },
  })
  const subject = await probeSubject(d, actor)
  const made = await createOnce(d, actor, input.idempotencyKey, c, event, { also: (tx) => countCreate(d, tx, subject, 'help.raise') })
  if ('ok' in made) return made
  return { ok: true as const, help: await helpView(d, tree, actor, made.case), reached: made.replayed ? 0 : notified.length, replayed: made.replayed }
}
