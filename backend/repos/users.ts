/** The user aggregate: people, their role grants and the staff lookup over them. */
import type { Role, RoleGrant } from '../../src/core/roles'

export interface User {
  id: string
  name: string
  /** Public work phone for staff; residents' phones are never shown to others. */
  phone: string | null
  /** WeChat OPENID once the user has come through the mini-program. */
  openid: string | null
  /** CloudBase user id of the H5 desk sign-in (staff only); absent until bound with an invitation. */
  webUid?: string | null
  grants: RoleGrant[]
  createdAt: string
  /** What the person gave about themselves through 我的 (absent until they give anything). */
  profile?: UserProfile
  /**
   * Set when the person deleted their account (注销): the row stays so audit rows and cases keep
   * their reference, with name, phone, profile and identities (openid, webUid) cleared.
   */
  deletedAt?: string | null
}

/** A consent given to the privacy notice (用户隐私保护指引) at one version. */
export interface ConsentRecord {
  key: 'privacy'
  version: number
  at: string
}

/** The person's own profile. The nickname is `User.name`; this holds the rest. */
export interface UserProfile {
  /** Whether `name` is a nickname the person chose (else the default 微信用户). */
  nicknameSet: boolean
  /** A file id of the person's own upload (metadata stripped like every photo). */
  avatarFileId: string | null
  /** The person's phone, sealed with the PII vault (the user id as associated data); never in clear. */
  phoneSealed: string | null
  phoneSource: 'wechat' | 'typed' | null
  consents: ConsentRecord[]
}

export interface UserRepo {
  getUser(id: string): Promise<User | null>
  /** The records of those of `ids` that exist, in no particular order: one read for the names of a page. */
  getUsers(ids: readonly string[]): Promise<User[]>
  findUserByOpenid(openid: string): Promise<User | null>
  findUserByWebUid(webUid: string): Promise<User | null>
  putUser(u: User): Promise<void>
  /**
   * Writes `next` only while the stored record is still `expected` (as read before): a person's
   * own edits that race each other, or race the deletion of the account, never overwrite what the
   * other wrote. False (nothing written) when the record changed or is gone.
   */
  replaceUser(next: User, expected: User): Promise<boolean>
  listUsers(): Promise<User[]>
  /** Users holding one of `roles` on exactly one of `unitCodes` (callers pass a unit's chain). */
  listStaff(unitCodes: readonly string[], roles: readonly Role[]): Promise<User[]>
}
