/**
 * Who may file for a person at a place (代办), and the per-agent limit each flow counts against.
 * An agent acts only inside their own unit: a grid worker in their grid, a 代办员 in their community.
 */
import type { Case } from '../../../src/core/case'
import type { OrgTree } from '../../../src/core/org'
import { fail, type Failure } from '../../../src/core/outcome'
import { isProxiedCreator, proxyMarkOf, type ProxyAgentRole, type ProxyMark } from '../../../src/core/proxyMark'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { openProxy, sealProxy } from '../report/proxyPerson'

/** The role the agent files under at `code` (a grid or building's grid), a grid worker's grant first. */
export function proxyRoleAt(tree: OrgTree, actor: Actor, code: string): ProxyAgentRole | undefined {
  for (const role of ['grid_worker', 'proxy_agent'] as const) if (actor.grants.some((g) => g.role === role && tree.isWithin(code, g.unitCode))) return role
  return undefined
}

/** Refusals: not an agent at all, or an agent of somewhere else. */
export const NOT_AN_AGENT: Failure = fail('FORBIDDEN', '仅网格员或代办员可为居民代办')
export const OUTSIDE_AREA: Failure = fail('FORBIDDEN', '该地点不在您负责的范围内，请联系当地网格员代办')

export type ProxyFlow = 'report' | 'mediation' | 'checkIn' | 'help'

/**
 * District data `rateLimits["proxy.<flow>"]`: creates an agent makes for the people they act for,
 * counted per agent (createOnce counts the caller's account), generous since one worker files for many.
 * Configurations saved before these keys limited 代办上报 as `cases.proxySubmit`: that key still counts
 * while no `proxy.report` is set.
 */
export function proxyLimitKey(d: Deps, flow: ProxyFlow): string {
  const key = `proxy.${flow}`
  const has = (k: string) => Object.prototype.hasOwnProperty.call(d.config.rateLimits, k)
  return flow === 'report' && !has(key) && has('cases.proxySubmit') ? 'cases.proxySubmit' : key
}

/**
 * A case made from an unclaimed proxied one (a 一键求助 turned into a 网格事件 or mediation) keeps its
 * creator marker, so it carries the mark too (resealed with its own id): the person claims it as well.
 */
export function carriedProxy(d: Deps, from: Case, toId: string): { proxy?: ProxyMark } {
  const mark = proxyMarkOf(from)
  if (!mark || !isProxiedCreator(from.creatorId) || !d.vault) return {}
  return { proxy: { ...mark, ...sealProxy(d.vault, toId, openProxy(d.vault, from.id, mark)) } }
}
