/**
 * What 注销账号 leaves for the record, one line each, read before anything is erased: the person is
 * told exactly what stays, why, and until when.
 */
import type { Case } from '../../../src/core/case'
import { CHECKIN, type CheckinPayload } from '../../../src/core/kinds/checkin'
import type { MediationPayload } from '../../../src/core/kinds/mediationTerms'
import { shanghaiDay } from '../../../src/core/rental'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { Buildings, casePages } from '../rental/reads'
import { dayText } from './exportRecord'

const DAY_MS = 86_400_000

async function checkinLines(d: Deps, userId: string): Promise<string[]> {
  const days = d.config.rental.retentionDays
  const buildings = new Buildings(d)
  const lines: string[] = []
  for await (const page of casePages(d, { kind: 'checkin', creatorId: userId, order: 'newest' })) {
    for (const c of page) {
      if (c.status === 'purged') continue
      const p = c.payload as unknown as CheckinPayload
      const where = `租住登记（${(await buildings.of(p.buildingId))?.name ?? '出租屋'} ${p.room}）`
      if (p.leftAt) {
        const until = dayText(shanghaiDay(new Date(Date.parse(p.leftAt) + days * DAY_MS)))
        lines.push(`${where}按规定保留到 ${until}，证件号码、姓名和手机号加密保存，期满自动清除。`)
      } else {
        lines.push(`${where}当前为「${labelOf(CHECKIN.statusLabels, c.status)}」，按规定保留；请联系楼栋长办理退租，退租后加密保存 ${days} 天，期满自动清除。`)
      }
    }
  }
  return lines
}

export async function keptLines(d: Deps, userId: string, mediation: readonly Case[]): Promise<string[]> {
  const lines: string[] = []
  const reports = await d.store.countCases({ kind: 'report', creatorId: userId })
  if (reports > 0) lines.push(`您上报的 ${reports} 件事项保留办理记录，上报人显示为「已注销用户」。`)
  const help = await d.store.countCases({ kind: 'help', creatorId: userId })
  // A request's words, voice note and position are the record of what the helpers answered: kept, and said so.
  if (help > 0) lines.push(`您发起的 ${help} 次一键求助保留处置记录（文字、语音和位置），求助人显示为「已注销用户」。`)
  if (mediation.length > 0) {
    lines.push(`您参与的 ${mediation.length} 件调解案件及调解记录保留，您在案件中的姓名显示为「已注销用户」，电话已删除。`)
    if (mediation.some((c) => (c.payload as unknown as MediationPayload).agreement)) lines.push('已起草的人民调解协议书保留，其中您的姓名改为“已注销用户”。')
  }
  lines.push(...(await checkinLines(d, userId)))
  lines.push('注销操作留有审计记录，仅供依法核查。')
  return lines
}
