/** Wire contract of 代办 (D1): mediation on behalf and the claim by phone. Types only. */
import type { z } from 'zod'
import type * as s from './proxySchemas'
import type { proxyApplyMediation } from './proxyMediationSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export type ProxyApplyInput = z.infer<typeof proxyApplyMediation>

/** One case filed for the caller's phone, as the list shows it: what it is, never its free text. */
export interface ProxiedCaseView {
  id: string
  /** 京溪-2026-00042 */
  number: string | null
  /** 调解案件 / 网格事件 … */
  kindLabel: string
  /** The dispute type or the report's category (邻里纠纷, 占道经营). */
  what: string
  statusLabel: string
  filedAt: string
  /** 网格员 王伟 */
  filedBy: string
}

/**
 * Whether the caller's phone can claim: `missing` (none set in 我的), `unverified` (typed where only
 * WeChat's phone button counts), `verified`.
 */
export type ClaimPhoneState = 'missing' | 'unverified' | 'verified'

export interface ProxyApi {
  /** 代办申请调解: a grid worker or 代办员 files the person's application; the person claims it later by phone. */
  'mediation.proxyApply': { in: ProxyApplyInput; out: { case: { id: string; number: string | null; statusLabel: string; readable: boolean }; replayed: boolean } }
  /** 认领代办事项: the cases filed for the caller's verified phone and not yet claimed. */
  'account.proxiedCases': { in: In<'proxiedCases'>; out: { phone: { state: ClaimPhoneState; masked: string | null }; cases: ProxiedCaseView[] } }
  /** Claims one: the caller's account becomes its creator (and applicant); answers where it now opens. */
  'account.claimProxied': { in: In<'claimProxied'>; out: { claimed: { id: string; number: string | null; kindLabel: string; page: string } } }
}
