import type { Case } from '../../../src/core/case'
import type { CaseEventNote } from '../inbox/noticeRegistry'

/** 代办 rows of a mediation case (mediationProxy.ts, proxyMark.ts): the agent's application, the person's claim. */
export type ProxyEvent = 'proxy_apply' | 'claim_proxied'

type Reader = 'party' | 'staff' | 'helper'
type Words = (name: string, reader: Reader, c: Case, e: CaseEventNote['e']) => { title: string; body: string }

export const PROXY_WORDS: Record<ProxyEvent, Words> = {
  // The centre accepts it as any application; the person has no account on it yet.
  proxy_apply: (n) => ({ title: '新的代办调解申请', body: `${n}已由工作人员代当事人申请，请及时审核受理并指派调解员` }),
  claim_proxied: (n, r) =>
    r === 'staff'
      ? { title: '申请人已认领案件', body: `${n}已由申请人本人认领，后续进展将同时通知申请人` }
      : { title: '申请人已认领案件', body: `${n}已由申请人本人认领，可在案件中与对方沟通` },
}
