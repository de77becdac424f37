/**
 * The 人民调解协议书 in one wording (issue 17): the text the server stores when the mediator drafts
 * (and the parties confirm), the mediator's live preview while typing terms, the in-app card and the
 * print page all come from `agreementDocument`. Zod-free, so the mini-program imports it.
 */

export const AGREEMENT_TITLE = '人民调解协议书'

/** What the document is made from; the backend fills it from the payload, the app from the case view. */
export interface AgreementInput {
  /** In order, applicant first: 申请人 / 被申请人 and the name as the reader may see it. */
  parties: readonly { sideLabel: string; name: string }[]
  disputeTypeLabel: string
  facts: string
  /** The committee that mediated; 人民调解委员会 until one is known. */
  committeeName?: string | null
  terms: readonly string[]
  /** The agreement number（（2026）白云京溪调字第 42 号）, when the case has one. */
  number?: string | null
  /** The day it was drafted or took effect, as people read it (2026年3月2日). */
  dateText?: string | null
}

/** The document in its parts, in reading order: each part's heading and lines are the only wording. */
export interface AgreementDocument {
  title: string
  /** 编号：… (absent before the case has a number). */
  number: string | null
  parties: string[]
  disputeType: { heading: string; text: string }
  facts: { heading: string; text: string }
  agreed: { heading: string; preamble: string; terms: string[] }
  /** Terms about how and when it is carried out, repeated under their own heading; empty when none. */
  performance: { heading: string; terms: string[] }
  binding: string
  committee: string
  date: string | null
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

/** Terms about how and when the agreement is carried out (履行方式 / 期限). */
export function performanceTerms(terms: readonly string[]): string[] {
  return terms.filter((t) => /履行|支付|给付|付清|期限|之前|以前|日前|分期|转账/.test(t))
}

/** Said of every agreement: it binds once confirmed, and may be judicially confirmed within 30 days. */
export const AGREEMENT_BINDING =
  '本协议经各方当事人确认后生效，具有法律约束力，当事人应当按照约定履行。当事人可以自本协议生效之日起三十日内，共同向人民法院申请司法确认。'

/** Shown where the terms go before the mediator has written any. */
export const NO_TERMS_YET = '（调解员尚未起草协议条款）'

export function agreementDocument(a: AgreementInput): AgreementDocument {
  const committee = a.committeeName?.trim() || '人民调解委员会'
  const terms = a.terms.map((t) => t.trim()).filter(Boolean)
  return {
    title: AGREEMENT_TITLE,
    number: a.number ?? null,
    parties: a.parties.map((p) => `${p.sideLabel}：${p.name}`),
    disputeType: { heading: '纠纷类型', text: a.disputeTypeLabel },
    facts: { heading: '纠纷事实', text: a.facts.trim() },
    agreed: {
      heading: '协议内容',
      preamble: `经${committee}主持调解，各方当事人在平等自愿的基础上达成如下协议：`,
      terms: terms.map((t, i) => `${chineseNumber(i + 1)}、${t}`),
    },
    performance: { heading: '履行方式、时限', terms: performanceTerms(terms) },
    binding: AGREEMENT_BINDING,
    committee: `调解组织：${committee}`,
    date: a.dateText ?? null,
  }
}

/** The document as plain text: what is stored, confirmed, shown on the card and previewed. */
export function agreementText(doc: AgreementDocument): string {
  const lines: string[] = [doc.title]
  if (doc.number) lines.push(`编号：${doc.number}`)
  lines.push('', ...doc.parties, '', `${doc.disputeType.heading}：${doc.disputeType.text}`, '', `${doc.facts.heading}：`, doc.facts.text, '')
  lines.push(doc.agreed.preamble, ...(doc.agreed.terms.length ? doc.agreed.terms : [NO_TERMS_YET]))
  if (doc.performance.terms.length) lines.push('', `${doc.performance.heading}：`, ...doc.performance.terms)
  lines.push('', doc.binding, '', doc.committee)
  if (doc.date) lines.push(doc.date)
  return lines.join('\n')
}
