/** Who the caller is, as `session.me` and the bind answers show it (shared with admin.ts). */
import type { z } from 'zod'
import type { Earned } from '../core/earnedRoles'
import type { Role } from '../core/roles'
import type { empty } from './commonSchemas'

export interface RoleView {
  role: Role
  roleLabel: string
  unitCode: string
  unitName: string
}

export interface MeView {
  id: string
  name: string
  roles: RoleView[]
  /** Roles earned from relationships (check-in, mediation case, grid group); `session.me` fills it, reads fresh each call. */
  earned?: Earned[]
}

export interface SessionApi {
  'session.me': { in: z.infer<typeof empty>; out: { user: MeView } }
}
