import type { PhoneSource, ProfileView } from '../../../src/contracts/account'
import { maskPhone } from '../../../src/core/idNumber'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { currentNotice, hasAgreed } from './consents'
import { ownPhone } from './ownPhone'
import { profileOf } from './self'
import { staffRoles } from './staffRoles'

const SOURCE_LABELS: Record<PhoneSource, string> = { wechat: '微信手机号', typed: '手动填写' }

/** 我的 as the person sees it: the full phone never leaves the function, only its mask. */
export async function profileView(d: Deps, u: User): Promise<ProfileView> {
  const p = profileOf(u)
  const meta = p.avatarFileId ? await d.store.getFileMeta(p.avatarFileId) : null
  const phone = ownPhone(d, u)
  return {
    displayName: u.name,
    nicknameSet: p.nicknameSet,
    avatarUrl: meta ? await d.fileUrl(meta) : null,
    phone: phone ? { masked: maskPhone(phone), source: p.phoneSource ?? 'typed', sourceLabel: SOURCE_LABELS[p.phoneSource ?? 'typed'] } : null,
    noticeVersion: currentNotice(d).version,
    consentNeeded: !hasAgreed(d, u),
    staff: staffRoles(u).length > 0,
  }
}
