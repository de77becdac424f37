import type { Deps } from '../../deps'
import { systemMove, TIMER_PAGE as PAGE, type TickReport } from '../shared/systemMove'

/**
 * 一键求助's clock (part of the SLA timer, every minute): a request nobody accepted within
 * `help.acceptMinutes` goes to the street's 综治中心 (已上报街道, the next window set as its deadline);
 * still nobody after `help.districtMinutes` more, the district hears of it. Only requests past their
 * deadline are read; each move is a guarded transition, so a second run changes nothing.
 */
export async function helpClock(d: Deps, now: Date, r: TickReport): Promise<void> {
  let before: string | undefined
  for (;;) {
    const page = await d.store.listCases({ kind: 'help', statuses: ['raised', 'escalated'], slaBefore: now.toISOString(), order: 'sla', limit: PAGE, before })
    for (const c of page) {
      const res = c.status === 'raised' ? await systemMove(d, c, 'escalate', { districtMinutes: d.config.help.districtMinutes }) : await systemMove(d, c, 'escalate_district')
      if (res === 'done') r.helpEscalated = (r.helpEscalated ?? 0) + 1
      if (res === 'conflict') r.conflicts++
    }
    if (page.length < PAGE) return
    before = page[page.length - 1]!.id
  }
}
