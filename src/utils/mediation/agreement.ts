/** The 调解协议: its terms, numbering and the preview the mediator sees while drafting. */
import type { MediationView } from '../../contracts/api'
import { MAX_TERMS, TERM_MAX } from '../../contracts/limits'
import { caseNumber } from '../../core/kinds/mediationTerms'

export { MAX_TERMS, TERM_MAX }

export function cleanTerms(terms: string[]): string[] {
  return terms.map((t) => t.trim()).filter(Boolean)
}

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 一 … 九十九: enough for numbered 协议条款. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n]!
  if (n < 20) return `十${CN_NUM[n - 10]}`
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${CN_NUM[tens]}十${ones ? CN_NUM[ones] : ''}`
}

/** 编号 of the 人民调解协议书: the case's number, as the ledger prints it too. */
export const agreementNumber = caseNumber

/** Terms about how and when the agreement is carried out (履行方式 / 期限), shown in their own block. */
export function performanceTerms(terms: string[]): string[] {
  return terms.filter((t) => /履行|支付|给付|付清|期限|之前|以前|日前|分期|转账/.test(t))
}

type PreviewCase = Pick<MediationView, 'parties' | 'facts' | 'committee' | 'mediatorName' | 'disputeTypeLabel'>

/**
 * The mediator's live preview while typing terms: the 调解协议书 as the server will fill it around
 * them (the server's own text is what the parties confirm).
 */
export function agreementPreview(c: PreviewCase, terms: string[]): string {
  const parties = c.parties.map((p) => `${p.sideLabel}：${p.name}`).join('\n')
  const clean = cleanTerms(terms)
  const body = clean.length ? clean.map((t, i) => `${chineseNumber(i + 1)}、${t}`).join('\n') : '（请填写协议条款）'
  return [
    '人民调解协议书',
    parties,
    `纠纷类型：${c.disputeTypeLabel}`,
    `纠纷事实：${c.facts}`,
    '经调解，各方当事人自愿达成如下协议：',
    body,
    '本协议经各方当事人确认后生效。各方当事人应当按照约定履行。',
    `调解组织：${c.committee?.name ?? '人民调解委员会'}`,
    `调解员：${c.mediatorName ?? ''}`,
  ].join('\n')
}
