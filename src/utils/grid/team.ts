/** The grid team "1+1+5+N" as the street board prints it, and numbers to call. */
import type { TeamMemberView, TeamRole } from '../../contracts/api'
import { TEAM_ROLE_LABELS } from '../../contracts/grid'

export interface TeamGroup {
  role: TeamRole
  /** The server's label of the role (网格长, 专职网格员 …); our fallback when a group is empty of labels. */
  label: string
  /** Which part of "1+1+5+N" the role belongs to. */
  tier: '1' | '5' | 'N'
  members: TeamMemberView[]
}

/** Board order: the leader and the full-time worker first, the five part-time forces, then volunteers. */
export const TEAM_ORDER: TeamRole[] = ['leader', 'full_time', 'party_leader', 'council', 'supervisor', 'police', 'volunteer']

function tierOf(role: TeamRole): TeamGroup['tier'] {
  if (role === 'leader' || role === 'full_time') return '1'
  if (role === 'volunteer') return 'N'
  return '5'
}

export function groupTeam(team: readonly TeamMemberView[]): TeamGroup[] {
  const groups: TeamGroup[] = []
  // Unknown roles (a newer server) still show, after the known ones, rather than vanish.
  const roles = [...TEAM_ORDER, ...team.map((m) => m.role).filter((r) => !TEAM_ORDER.includes(r))]
  for (const role of roles) {
    if (groups.some((g) => g.role === role)) continue
    const members = team.filter((m) => m.role === role)
    if (!members.length) continue
    groups.push({ role, label: members[0].roleLabel || TEAM_ROLE_LABELS[role] || role, tier: tierOf(role), members })
  }
  return groups
}

/** Digits and dashes only, for makePhoneCall; null when nothing dialable is left. */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone) return null
  const d = phone.replace(/[^\d+-]/g, '')
  return /\d{3,}/.test(d) ? d : null
}
