import type { Case } from '../../../src/core/case'
import type { CaseEventNote } from '../inbox/noticeRegistry'

/** The first rows of cases staff open (mediationIntake.ts): 录入纠纷, 转入调解. */
export type IntakeEvent = 'intake' | 'convert'

type Reader = 'party' | 'staff' | 'helper'
type Words = (name: string, reader: Reader, c: Case, e: CaseEventNote['e']) => { title: string; body: string }

/** A case the mediator who entered it took at once (已受理) goes to them; otherwise the centre accepts it. */
const opened =
  (whatOf: (c: Case) => string): Words =>
  (n, r, c, e) => {
    const what = whatOf(c)
    if (r !== 'staff') return { title: '已为您申请人民调解', body: `${n}已${what}，调解员将联系您和对方当事人，请留意调解员的消息` }
    return e.toStatus === 'accepted'
      ? { title: '新的调解案件', body: `${n}已${what}并由您承办，请把邀请码交给各方当事人` }
      : { title: '新的调解案件', body: `${n}已${what}，请及时审核受理并指派调解员` }
  }

export const INTAKE_WORDS: Record<IntakeEvent, Words> = {
  intake: opened(() => '由工作人员录入'),
  convert: opened((c) => ((c.payload as { origin?: { kind?: string } }).origin?.kind === 'help' ? '由一键求助转为调解' : '由网格事件转为调解')),
}

/** The centre hears of a case staff opened while it waits for acceptance (已申请). */
export function centreTakesIntake(e: CaseEventNote['e']): boolean {
  return (e.action === 'intake' || e.action === 'convert') && e.toStatus === 'applied'
}
