import type { Api } from '../../../api/client'
import type { MeView } from '../../../contracts/api'
import { codeFrom } from '../../join/logic'

/** Where a signed-in CloudBase session stands with the staff records. */
export type Standing = { stage: 'bound'; user: MeView } | { stage: 'invite' } | { stage: 'error'; message: string }

/** After signing in: a uid bound to staff goes on to the console; an unbound one is asked for its invitation. */
export async function standing(api: Pick<Api, 'call'>): Promise<Standing> {
  const r = await api.call('session.me', {})
  if (r.ok) return { stage: 'bound', user: r.user }
  if (r.code === 'UNAUTHENTICATED') return { stage: 'invite' }
  return { stage: 'error', message: r.message }
}

/** The first sign-in binds this CloudBase account to the staff record the invitation names. */
export async function bindInvitation(api: Pick<Api, 'call'>, raw: string): Promise<{ ok: true; user: MeView } | { ok: false; message: string }> {
  const code = codeFrom(raw)
  if (!code) return { ok: false, message: '请输入邀请码' }
  const r = await api.call('session.bind', { code })
  return r.ok ? { ok: true, user: r.user } : { ok: false, message: r.message }
}
