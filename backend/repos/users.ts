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
}

export interface UserRepo {
  getUser(id: string): Promise<User | null>
  findUserByOpenid(openid: string): Promise<User | null>
  findUserByWebUid(webUid: string): Promise<User | null>
  putUser(u: User): Promise<void>
  listUsers(): Promise<User[]>
  /** Users holding one of `roles` on exactly one of `unitCodes` (callers pass a unit's chain). */
  listStaff(unitCodes: readonly string[], roles: readonly Role[]): Promise<User[]>
}
