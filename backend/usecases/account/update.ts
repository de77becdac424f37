import type { AccountApi } from '../../../src/contracts/account'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { notOwnUpload } from '../files/ownUploads'
import { consentGate } from './consents'
import { profileView } from './profileView'
import { profileOf, selfOf } from './self'

type In = AccountApi['account.update']['in']
type Out = { ok: true } & AccountApi['account.update']['out']

/** Names that would pass for someone the app speaks of, not a person's choice. */
const RESERVED = new Set(['已注销用户'])

/**
 * 头像昵称填写: the nickname becomes the name others see (rosters, read receipts); the avatar is a
 * file the caller uploaded through the photo path, which already stripped its metadata.
 */
export async function update(d: Deps, actor: Actor, input: In): Promise<Out | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  const refused = consentGate(d, u)
  if (refused) return refused
  let next: User = { ...u, profile: { ...profileOf(u) } }
  if (input.nickname !== undefined) {
    const nickname = input.nickname
    if (RESERVED.has(nickname)) return fail('VALIDATION', '这个昵称不能使用，请换一个', { nickname: '不可用' })
    const checked = await nicknameCheck(d, u, nickname)
    if (checked) return checked
    next = { ...next, name: nickname, profile: { ...next.profile!, nicknameSet: true } }
  }
  if (input.avatar !== undefined) {
    if (input.avatar !== null && (await notOwnUpload(d, actor, [input.avatar]))) {
      return fail('VALIDATION', '头像图片不存在，请重新上传', { avatar: '无效' })
    }
    next = { ...next, profile: { ...next.profile!, avatarFileId: input.avatar } }
  }
  await d.store.putUser(next)
  return { ok: true, profile: await profileView(d, next) }
}

/**
 * Others read the nickname, so WeChat's content security sees it first when the person came
 * through WeChat (its nickname input checks too, but a direct call would skip that).
 */
async function nicknameCheck(d: Deps, u: User, nickname: string): Promise<Failure | null> {
  if (!u.openid) return null
  const r = await d.contentSecurity.checkText(nickname, u.openid)
  if (!r.ok) return r
  return r.suggest === 'risky' ? fail('VALIDATION', '昵称含有不适宜的内容，请修改', { nickname: '不适宜' }) : null
}
