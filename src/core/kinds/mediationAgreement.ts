import { DISPUTE_TYPE_LABELS, type MediationPayload } from './mediation'

/**
 * The 人民调解协议书 text from its template: parties, the dispute, the agreed terms, how it binds.
 * Kept in the core so the app's preview and the stored text are the same words.
 */
export function renderAgreement(p: Pick<MediationPayload, 'parties' | 'disputeType' | 'facts'>, committeeName: string, terms: readonly string[], dateText: string): string {
  const lines: string[] = ['人民调解协议书', '']
  for (const party of p.parties) lines.push(`${party.side === 'applicant' ? '申请人' : '被申请人'}：${party.name}`)
  lines.push('', `纠纷类型：${DISPUTE_TYPE_LABELS[p.disputeType]}`, '', '纠纷简要情况：', p.facts.trim(), '')
  lines.push(`经${committeeName}调解，双方当事人自愿达成如下协议：`)
  terms.forEach((t, i) => lines.push(`${i + 1}. ${t.trim()}`))
  lines.push(
    '',
    '本协议经双方当事人在线确认后生效。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
    '双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
    '',
    `${committeeName}`,
    dateText,
  )
  return lines.join('\n')
}
