import { DISPUTE_TYPE_LABELS, MEDIATION, REFERRAL_LABELS } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { shanghaiDateTime, shanghaiDay } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { auditUnit, writeAudit } from '../shared/audit'
import { csvDocument } from '../shared/csv'
import { sourceText } from '../../../src/core/kinds/mediationSources'
import { MEDIATION_LEVEL_LABELS } from '../../../src/core/kinds/mediationLevelTerms'
import { caseLevel, committeeNameOf } from './committees'
import { ledgerCases } from './ledgerCases'
import { partyName } from './names'
import { pl } from './payload'

const HEADER = ['编号', '纠纷类型', '申请人', '被申请人', '状态', '街道', '调解委员会', '申请时间', '办理期限', '结果去向', '来源', '调解层级']

/** The centre's 调解台账 as a spreadsheet: each case by its number (京溪-2026-00042) and its parties' names, times in Beijing time (2026-12-06 14:05). */
export async function ledgerCsv(d: Deps, actor: Actor, input: { from?: string; to?: string }) {
  const tree = await d.orgTree()
  const cases = await ledgerCases(d, tree, actor, input)
  if (!cases) return fail('FORBIDDEN', '仅综治中心可导出调解台账')
  const rows: unknown[][] = [HEADER]
  for (const c of cases) {
    const p = pl(c)
    // The centre's own register of its cases: the parties by their names in full.
    const names = (side: 'applicant' | 'respondent') => p.parties.filter((x) => x.side === side).map((x) => partyName(d.vault, c.id, x)).join('、')
    rows.push([
      c.number ?? '',
      DISPUTE_TYPE_LABELS[p.disputeType],
      names('applicant'),
      names('respondent'),
      MEDIATION.statusLabels[c.status] ?? c.status,
      (tree.ancestorAt(c.unitCode, 'street') ?? tree.get(c.unitCode))?.name ?? c.unitCode,
      committeeNameOf(d.config, tree, c) ?? '',
      shanghaiDateTime(c.createdAt),
      c.slaDeadline ? shanghaiDateTime(c.slaDeadline) : '',
      p.referral ? REFERRAL_LABELS[p.referral.type] : '',
      sourceText(p),
      MEDIATION_LEVEL_LABELS[caseLevel(d.config, tree, c)],
    ])
  }
  const who = auditUnit(actor, ['dispatcher', 'admin'])
  await writeAudit(d, actor, { actorRole: who.role, action: 'export', target: `mediation.ledgerCsv ${input.from ?? ''}..${input.to ?? ''} ${cases.length} rows`, reason: '导出调解台账', unitCode: who.unitCode })
  const stamp = caseDay(d.clock.now())
  return { ok: true as const, filename: `调解台账_${stamp}.csv`, csv: csvDocument(rows), rows: cases.length }
}

/** Today in Beijing as 2026-12-06: the file is named for the desk's day, not UTC's. */
function caseDay(now: Date): string {
  return shanghaiDay(now)
}
