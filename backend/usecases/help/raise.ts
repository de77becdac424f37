import type { ApiIn } from '../../../src/contracts/api'
import { gridAt } from '../../../src/core/geo'
import { openHelp, type HelpNotified } from '../../../src/core/kinds/help'
import { fail } from '../../../src/core/outcome'
import { proxyNote } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { OUT_OF_AREA } from '../report/locate'
import { createOnce, keyUsedElsewhere } from '../shared/persist'
import { proxiedFiling } from '../shared/proxied'
import { OUTSIDE_AREA, proxyLimitKey, proxyRoleAt } from '../shared/proxyAgent'
import { countCreate, probeSubject } from '../shared/rateLimit'
import { onDuty } from './duty'
import { unreachables } from './reach'
import { helpView } from './views'
import { refuseVoice } from '../files/voiceNote'

/**
 * `help.raise`: anyone signed in asks for help where they are. The grid under the position names
 * the community; every one of its helpers on duty now is told at once (the notice's delivery:
 * notices.ts), and who a WeChat message cannot reach is recorded for the console; with nobody on
 * duty it goes to the street's 综治中心 at once. Limited per
 * WeChat identity (district data `rateLimits["help.raise"]`), so a new account is no way around it.
 */
export function raise(d: Deps, actor: Actor, input: ApiIn<'help.raise'>) {
  return raiseFor(d, actor, input)
}

/**
 * A request, the person's own or asked by a grid worker or 代办员 for `person`, who is with them
 * (proxyRaise.ts): the agent must act inside their own area; the creator is then the marker of the
 * person's phone (they may claim it), the payload carries the 代办 mark, the first timeline row is the
 * agent's in the 代办 words, and the create counts against the agent's own limit (`proxy.help`).
 */
export async function raiseFor(d: Deps, actor: Actor, input: ApiIn<'help.raise'>, person?: { name: string; phone: string }) {
  const tree = await d.orgTree()
  // An agent's key names their own claim: a request filed for someone is not created by the agent.
  const held = person ? await d.store.claimedCase(actor.userId, input.idempotencyKey) : null
  const replay = person ? held && (await d.store.getCase(held)) : await d.store.findCaseByIdempotency(actor.userId, input.idempotencyKey)
  if (replay && replay.kind !== 'help') return keyUsedElsewhere()
  if (replay) return { ok: true as const, help: await helpView(d, tree, actor, replay), reached: 0, replayed: true }
  const text = input.text?.trim() ?? ''
  if (!text && !input.voiceFileId) return fail('VALIDATION', '请说一段语音或写一句话，说明遇到的情况', { text: '必填' })
  const badVoice = await refuseVoice(d, actor, input.voiceFileId)
  if (badVoice) return badVoice
  const grid = gridAt(tree, input.location)
  const community = grid && tree.ancestorAt(grid.code, 'community')
  if (!grid || !community) return fail('OUT_OF_AREA', OUT_OF_AREA, { location: '不在网格范围内' })
  const role = person ? proxyRoleAt(tree, actor, grid.code) : undefined
  if (person && !role) return OUTSIDE_AREA
  if (person && !d.vault) return { ...fail('UNAVAILABLE', '代为求助暂不可用，请直接拨打社区电话或 110'), retryable: true }

  const now = d.clock.now()
  const duty = await onDuty(d, tree, await d.store.getDutyRoster(community.code), now)
  const reach = await unreachables(d, duty.map((x) => x.user))
  const notified: HelpNotified[] = duty.map(({ user, grant }, i) => ({ userId: user.id, role: grant.role, unreachable: reach[i]! }))
  const id = d.newId()
  const filing = person && role ? proxiedFiling(d.vault!, id, actor, role, person) : null
  const opened = openHelp({
    id,
    eventId: d.newId(),
    creatorId: filing?.creatorId ?? actor.userId,
    idempotencyKey: input.idempotencyKey,
    now,
    gridCode: grid.code,
    communityCode: community.code,
    acceptMinutes: d.config.help.acceptMinutes,
    ...(notified.length === 0 ? { nobodyOnDuty: { districtMinutes: d.config.help.districtMinutes } } : {}),
    payload: {
      helpKind: input.kind,
      text,
      voiceFileId: input.voiceFileId ?? null,
      location: { lat: input.location.lat, lng: input.location.lng },
      notified,
      ...(filing ? { proxy: filing.mark } : {}),
    },
  })
  const { case: c } = opened
  // The row is the agent's: 「代办：网格员 王伟 代 张*明 办理」.
  const event = filing && role ? { ...opened.event, actorId: actor.userId, actorRole: role, note: proxyNote(filing.mark) } : opened.event
  const made = filing
    ? await createOnce(d, actor, input.idempotencyKey, c, event, { limit: proxyLimitKey(d, 'help') })
    : await createOnce(d, actor, input.idempotencyKey, c, event, { also: async (tx) => countCreate(d, tx, await probeSubject(d, actor), 'help.raise') })
  if ('ok' in made) return made
  return { ok: true as const, help: await helpView(d, tree, actor, made.case), reached: made.replayed ? 0 : notified.length, replayed: made.replayed }
}
