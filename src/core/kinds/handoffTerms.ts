/**
 * The papers of a hand-off (issue 18) in one wording: the 司法确认申请书 the parties apply with and the
 * 移送函 a referral sends, as the print pages lay them out. Zod-free, so the mini-program imports it.
 */

/** The letter's number: （2026）白云京溪移字第 3 号, from the committee's yearly sequence of letters. */
export function formatLetterNumber(year: number, districtShort: string, committeePrefix: string, seq: number): string {
  return `（${year}）${districtShort}${committeePrefix}移字第 ${seq} 号`
}

/** The store's counter that numbers a committee's 移送函 of one year. */
export function letterSequenceKey(committeeCode: string, year: number): string {
  return `referral:${committeeCode}:${year}`
}

export interface JudicialApplicationInput {
  court: string
  applicants: ReadonlyArray<{ sideLabel: string; name: string; phone: string }>
  disputeTypeLabel: string
  committeeName: string
  /** （2026）白云京溪调字第 42 号; null for an agreement drafted before numbers. */
  agreementNumber: string | null
  /** The day the agreement took effect, as people write it (2026年3月2日). */
  effectiveDay: string
  /** The day the application was filed (or prepared, while the parties confirm). */
  dateText: string
}

export interface JudicialApplicationDocument {
  title: string
  applicants: string[]
  request: { heading: string; text: string }
  reasons: { heading: string; text: string }
  /** 此致 / the court. */
  addressee: string[]
  date: string
}

/** 婚姻家庭 → 婚姻家庭纠纷; 邻里纠纷 stays as it is. */
const asDispute = (label: string) => (label.endsWith('纠纷') ? label : `${label}纠纷`)

export const JUDICIAL_TITLE = '司法确认申请书'
const COURT_FALLBACK = '人民法院'

export function judicialApplicationDocument(a: JudicialApplicationInput): JudicialApplicationDocument {
  const court = a.court.trim() || COURT_FALLBACK
  const agreement = a.agreementNumber ? `${a.agreementNumber}人民调解协议` : '人民调解协议'
  return {
    title: JUDICIAL_TITLE,
    // A joint application: every party applies, whichever side of the mediation they were on.
    applicants: a.applicants.map((x) => `申请人：${x.name}${x.phone ? `，联系电话：${x.phone}` : ''}`),
    request: { heading: '请求事项', text: `请求确认申请人于${a.effectiveDay}经${a.committeeName}主持调解达成的${agreement}有效。` },
    reasons: {
      heading: '事实与理由',
      text:
        `申请人之间因${asDispute(a.disputeTypeLabel)}，经${a.committeeName}主持调解，于${a.effectiveDay}达成${agreement}。` +
        '该协议系各方当事人自愿达成，内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。' +
        '依照《中华人民共和国人民调解法》第三十三条和《中华人民共和国民事诉讼法》的有关规定，申请人自调解协议生效之日起三十日内共同申请司法确认。' +
        '申请人保证提交的材料真实、合法，知悉虚假调解、虚假申请的法律后果。',
    },
    addressee: ['此致', court],
    date: a.dateText,
  }
}

export interface ReferralLetterInput {
  number: string
  receiver: string
  committeeName: string
  caseNumber: string | null
  partyNames: readonly string[]
  disputeTypeLabel: string
  facts: string
  /** Why mediation failed, as the mediator wrote it. */
  note: string
  mediatorName: string | null
  mediatorPhone: string | null
  /** The day it was issued, as people write it. */
  dateText: string
}

export interface ReferralLetterDocument {
  title: string
  number: string
  addressee: string
  body: string
  summary: { heading: string; text: string }
  mediation: { heading: string; text: string }
  ask: string
  contact: string | null
  signature: string
  date: string
}

export const LETTER_TITLE = '纠纷移送函'

export function referralLetterDocument(l: ReferralLetterInput): ReferralLetterDocument {
  const parties = l.partyNames.length ? l.partyNames.join('与') : '当事人'
  const no = l.caseNumber ? `（案件编号 ${l.caseNumber}）` : ''
  return {
    title: LETTER_TITLE,
    number: `编号：${l.number}`,
    addressee: `${l.receiver}：`,
    body: `${parties}之间的${asDispute(l.disputeTypeLabel)}${no}，经${l.committeeName}调解，未能达成调解协议。为及时化解矛盾，现将该纠纷移送贵单位依法处理。`,
    summary: { heading: '纠纷概况', text: l.facts.trim() },
    mediation: { heading: '调解情况', text: l.note.trim() },
    ask: '请贵单位收到本函后予以接收，并将处理情况告知我委。',
    contact: l.mediatorName ? `联系人：调解员 ${l.mediatorName}${l.mediatorPhone ? `，电话 ${l.mediatorPhone}` : ''}` : null,
    signature: `${l.committeeName}（印章）`,
    date: l.dateText,
  }
}
