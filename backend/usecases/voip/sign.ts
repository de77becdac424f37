import type { VoipSessionInput, VoipSignature } from '../../../src/contracts/voip'
import { MEDIATION } from '../../../src/core/kinds/mediation'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { transition } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { voipUnavailable } from '../../voipSignPort'
import { readable } from '../mediation/readableCase'
import { videoSessionOf } from './videoSession'

/**
 * joinVoIPChat's parameters for one video session: for exactly those who may enter its room now —
 * the rule of entering (video_join) decides, by a dry run: the parties, the assigned mediator and
 * invited helpers, while the case is being mediated and the room is open. A case the caller cannot
 * read is "not found", as everywhere. Nothing is written: the entry is recorded by voip.joined.
 */
export async function sign(d: Deps, actor: Actor, input: VoipSessionInput): Promise<({ ok: true } & VoipSignature) | Failure> {
  const tree = await d.orgTree()
  const c = await readable(d, tree, actor, input.id)
  if ('ok' in c) return c
  const now = d.clock.now()
  const dry = transition(MEDIATION, tree, c, { actor, action: 'video_join', now, eventId: 'dry-run', params: { sessionId: input.sessionId } })
  if (!dry.ok) return dry
  const s = videoSessionOf(c, input.sessionId)
  if (!s) return fail('VALIDATION', '该场次不是视频调解', { sessionId: '不是视频调解' })
  // A ULID: unique, 26 characters (WeChat wants fewer than 128).
  const nonceStr = d.newId()
  const timeStamp = Math.floor(now.getTime() / 1000)
  const signer = d.voipSigner
  if (!signer) return voipUnavailable()
  const signed = await signer.sign({ groupId: s.video.roomId, nonceStr, timeStamp, userId: actor.userId })
  if (!signed.ok) return signed
  const selfOpenId = (await d.store.getUser(actor.userId))?.openid ?? null
  return { ok: true, groupId: s.video.roomId, nonceStr, timeStamp, signature: signed.signature, roomType: 'video', signer: signer.kind, selfOpenId }
}
