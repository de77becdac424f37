import type { LedgerView } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import { DISPUTE_TYPE_LABELS, MEDIATION, type DisputeType } from '../../../src/core/kinds/mediation'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { shanghaiMonth } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { MEDIATION_SOURCE_LABELS, sourceOf, type MediationSource } from '../../../src/core/kinds/mediationSources'
import { committeeNameOf } from './committees'
import { ledgerCases } from './ledgerCases'
import { ledgerLevels } from './levelView'
import { pl } from './payload'

function closedAt(c: Case): number {
  return Date.parse(c.updatedAt)
}

export async function ledger(d: Deps, actor: Actor, input: { from?: string; to?: string }) {
  const tree = await d.orgTree()
  const cases = await ledgerCases(d, tree, actor, input)
  if (!cases) return fail('FORBIDDEN', '仅综治中心可查看调解台账')
  const count = (key: (c: Case) => string) => {
    const m = new Map<string, number>()
    for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1)
    return m
  }
  const rows = (m: Map<string, number>, label: (k: string) => string) =>
    [...m].map(([key, n]) => ({ key, label: label(key), count: n })).sort((a, b) => b.count - a.count)
  const month = (c: Case) => shanghaiMonth(c.createdAt)
  const succeeded = cases.filter((c) => c.status === 'succeeded')
  const failed = cases.filter((c) => c.status === 'failed')
  const closed = cases.filter((c) => MEDIATION.terminalStatuses.includes(c.status))
  const view: LedgerView = {
    total: cases.length,
    open: cases.length - closed.length,
    succeeded: succeeded.length,
    failed: failed.length,
    successRate: succeeded.length + failed.length ? Math.round((succeeded.length / (succeeded.length + failed.length)) * 1000) / 1000 : 0,
    avgDaysToClose: closed.length ? Math.round((closed.reduce((s, c) => s + (closedAt(c) - Date.parse(c.createdAt)), 0) / closed.length / 86_400_000) * 10) / 10 : null,
    byType: rows(count((c) => pl(c).disputeType), (k) => DISPUTE_TYPE_LABELS[k as DisputeType] ?? k),
    // By name: the 人民调解委员会 of every community and street share one code.
    byCommittee: rows(count((c) => committeeNameOf(d.config, tree, c) ?? ''), (k) => k || '未分配'),
    byStreet: rows(count((c) => (tree.ancestorAt(c.unitCode, 'street') ?? tree.get(c.unitCode))?.code ?? c.unitCode), (k) => tree.get(k)?.name ?? k),
    byStatus: rows(count((c) => c.status), (k) => MEDIATION.statusLabels[k] ?? k),
    bySource: rows(count((c) => sourceOf(pl(c))), (k) => MEDIATION_SOURCE_LABELS[k as MediationSource] ?? k),
    byMonth: [...count(month)].sort(([a], [b]) => a.localeCompare(b)).map(([m, n]) => ({ month: m, count: n })),
    levels: ledgerLevels(d, tree, cases),
  }
  return { ok: true as const, ledger: view }
}
