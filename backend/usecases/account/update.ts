import type { AccountApi } from '../../../src/contracts/account'
import { fail, isFailure, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { notOwnUpload } from '../files/ownUploads'
import { consentGate } from './consents'
import { profileView } from './profileView'
import { changeSelf, profileOf, selfOf } from './self'
import { staffRoles } from './staffRoles'

type In = AccountApi['account.update']['in']
type Out = { ok: true } & AccountApi['account.update']['out']

/** Names that would pass for someone the app speaks of, not a person's choice. */
const RESERVED = new Set(['已注销用户'])
/** Titles that would let a resident pass for staff in a grid group's roster or a read receipt. */
const STAFF_TITLES = ['楼栋长', '网格员', '调解员', '综治中心', '职能部门', '民警', '警官', '派出所', '管理员', '居委', '街道办', '官方', '客服', '系统']

/**
 * 头像昵称填写: the nickname becomes the name others see (rosters, read receipts); the avatar is a
 * file the caller uploaded through the photo path, which already stripped its metadata.
 */
export async function update(d: Deps, actor: Actor, input: In): Promise<Out | Failure> {
  const me = await selfOf(d, actor)
  if (isFailure(me)) return me
  const refused = consentGate(d, me)
  if (refused) return refused
  const { nickname, avatar } = input
  if (nickname !== undefined) {
    if (RESERVED.has(nickname)) return fail('VALIDATION', '这个昵称不能使用，请换一个', { nickname: '不可用' })
    if (staffRoles(me).length === 0 && STAFF_TITLES.some((t) => nickname.includes(t))) return fail('VALIDATION', '昵称不能使用工作人员的称谓，请换一个', { nickname: '不可用' })
    const checked = await nicknameCheck(d, me, nickname)
    if (checked) return checked
  }
  if (avatar && (await notOwnUpload(d, actor, [avatar]))) return fail('VALIDATION', '头像图片不存在，请重新上传', { avatar: '无效' })
  const u = await changeSelf(d, actor, (u) => {
    const gate = consentGate(d, u)
    if (gate) return gate
    const p = profileOf(u)
    return {
      ...u,
      ...(nickname !== undefined ? { name: nickname } : {}),
      profile: { ...p, ...(nickname !== undefined ? { nicknameSet: true } : {}), ...(avatar !== undefined ? { avatarFileId: avatar } : {}) },
    }
  })
  if (isFailure(u)) return u
  return { ok: true, profile: await profileView(d, u) }
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
