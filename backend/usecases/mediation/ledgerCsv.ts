import { DISPUTE_TYPE_LABELS, MEDIATION, REFERRAL_LABELS } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { auditUnit, writeAudit } from '../shared/audit'
import { csvCell } from '../shared/csv'
import { ledgerCases } from './ledgerCases'
import { pl } from './payload'

export async function ledgerCsv(d: Deps, actor: Actor, input: { from?: string; to?: string }) {
  const tree = await d.orgTree()
  const cases = await ledgerCases(d, tree, actor, input)
  if (!cases) return fail('FORBIDDEN', '仅综治中心可导出调解台账')
  const committees = new Map(d.config.mediation.committees.map((c) => [c.code, c.name]))
  const lines = [['编号', '纠纷类型', '状态', '街道', '调解委员会', '申请时间', '办理期限', '结果去向'].join(',')]
  for (const c of cases) {
    const p = pl(c)
    lines.push(
      [c.id, DISPUTE_TYPE_LABELS[p.disputeType], MEDIATION.statusLabels[c.status] ?? c.status, tree.get(c.unitCode)?.name ?? c.unitCode, committees.get(p.committee ?? '') ?? '', c.createdAt, c.slaDeadline, p.referral ? REFERRAL_LABELS[p.referral.type] : '']
        .map(csvCell)
        .join(','),
    )
  }
  const who = auditUnit(actor, ['dispatcher', 'admin'])
  await writeAudit(d, actor, { actorRole: who.role, action: 'export', target: `mediation.ledgerCsv ${input.from ?? ''}..${input.to ?? ''} ${cases.length} rows`, reason: '导出调解台账', unitCode: who.unitCode })
  const stamp = d.clock.now().toISOString().slice(0, 10)
  return { ok: true as const, filename: `调解台账_${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: cases.length }
}
