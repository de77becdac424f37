/** The 公示牌 editor: its draft, checks and the grid.saveBoard input. */
import type { ApiIn, BoardView, TeamRole } from '../../contracts/api'
import { OFFICE_HOURS_MAX, PERSON_NAME_MAX, SCOPE_MAX, SERVICES_MAX, SERVICE_MAX, TEAM_MAX } from '../../contracts/limits'
import { isPhone, normalizePhone } from '../phone'
import { len } from './text'

export interface TeamRow {
  /** Stable React key for a row while it is being edited. */
  key: string
  role: TeamRole
  name: string
  phone: string
}

export interface BoardDraft {
  scope: string
  /** Kept as typed; parsed on validation so "3 20" is an error, not 320. */
  households: string
  team: TeamRow[]
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
}

export { OFFICE_HOURS_MAX, SCOPE_MAX, SERVICE_MAX, SERVICES_MAX, TEAM_MAX }

export function boardDraftOf(b: BoardView, keyOf: (i: number) => string = (i) => `t${i}`): BoardDraft {
  return {
    scope: b.scope,
    households: b.households ? String(b.households) : '',
    team: b.team.map((t, i) => ({ key: keyOf(i), role: t.role, name: t.name, phone: t.phone ?? '' })),
    services: b.services.length ? [...b.services] : [''],
    officeHours: b.officeHours,
    joinPolicy: b.joinPolicy,
  }
}

/** Field keys: scope, households, services, officeHours, team.<i>.name, team.<i>.phone (as the server names them). */
export type BoardErrors = Record<string, string>

export function validateBoard(d: BoardDraft): BoardErrors {
  const e: BoardErrors = {}
  if (!d.scope.trim()) e.scope = '请填写网格范围，如包含的街巷、楼栋、小区'
  else if (len(d.scope) > SCOPE_MAX) e.scope = `网格范围不能超过 ${SCOPE_MAX} 个字`
  const h = d.households.trim()
  if (!h) e.households = '请填写户数'
  else if (!/^\d{1,6}$/.test(h)) e.households = '户数请填写整数'
  if (!d.team.length) e.team = '请至少填写一名网格团队成员'
  if (d.team.length > TEAM_MAX) e.team = `团队成员不能超过 ${TEAM_MAX} 人`
  d.team.forEach((t, i) => {
    if (!t.name.trim()) e[`team.${i}.name`] = '请填写姓名'
    else if (len(t.name) > PERSON_NAME_MAX) e[`team.${i}.name`] = `姓名不能超过 ${PERSON_NAME_MAX} 个字`
    if (t.phone.trim() && !isPhone(t.phone)) e[`team.${i}.phone`] = '请填写手机号或带区号的工作电话'
  })
  const services = d.services.map((s) => s.trim()).filter(Boolean)
  if (services.length > SERVICES_MAX) e.services = `服务事项不能超过 ${SERVICES_MAX} 项`
  else if (services.some((s) => Array.from(s).length > SERVICE_MAX)) e.services = `每项服务不能超过 ${SERVICE_MAX} 个字`
  if (len(d.officeHours) > OFFICE_HOURS_MAX) e.officeHours = `办公时间不能超过 ${OFFICE_HOURS_MAX} 个字`
  return e
}

export function saveBoardInput(code: string, d: BoardDraft): ApiIn<'grid.saveBoard'> {
  return {
    code,
    scope: d.scope.trim(),
    households: Number(d.households.trim()),
    team: d.team.map((t) => ({ role: t.role, name: t.name.trim(), phone: t.phone.trim() ? normalizePhone(t.phone) : null })),
    // Blank lines are rows the worker added and left empty, not services.
    services: d.services.map((s) => s.trim()).filter(Boolean),
    officeHours: d.officeHours.trim(),
    joinPolicy: d.joinPolicy,
  }
}

/** The server's detail keys ("team[1].phone", "team.1.phone", "households") in this form's naming. */
export function boardErrorsFromDetails(details: Record<string, string> | undefined): BoardErrors {
  const e: BoardErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    const key = k.replace(/\[(\d+)\]/g, '.$1')
    if (/^team\.\d+\.(name|phone)$/.test(key)) e[key] = v
    else if (/^team\.\d+/.test(key) || key === 'team') e.team = v
    else if (/^services/.test(key)) e.services = v
    else if (['scope', 'households', 'officeHours', 'joinPolicy'].includes(key)) e[key] = v
  }
  return e
}
