import type { CheckinStatus } from '../../../src/contracts/rental'
import { auditedReason, type AuditPurpose } from '../../../src/core/auditReason'
import { CHECKIN } from '../../../src/core/kinds/checkin'
import { fail } from '../../../src/core/outcome'
import { DOC_TYPE_LABELS } from '../../../src/core/rental'
import type { Actor } from '../../../src/core/roles'
import { shanghaiDateTime, shanghaiDay } from '../../../src/core/time'
import { labelOf } from '../../../src/core/transition'
import type { Deps } from '../../deps'
import { writeAudit } from '../shared/audit'
import { csvDocument } from '../shared/csv'
import { Buildings, casePages, gridsOf, pl } from './reads'
import { unitsOf } from './roles'
import { isVault, openSecret, vaultOf } from './secrets'
import { tenantNames } from './tenantNames'

const DEFAULT_STATUSES: CheckinStatus[] = ['pending', 'active']

export const EXPORT_LIMIT = 10_000

/** The area's registrations with full numbers, as CSV for the police; audited with its reason. */
export async function exportCsv(d: Deps, actor: Actor, input: { purpose?: AuditPurpose; reason: string; statuses?: CheckinStatus[] }) {
  const vault = vaultOf(d)
  if (!isVault(vault)) return vault
  const units = unitsOf(actor, ['police'])
  if (units.length === 0) return fail('FORBIDDEN', '仅社区民警可导出实名登记')
  const tree = await d.orgTree()
  const grids = gridsOf(tree, units)
  const statuses = input.statuses?.length ? input.statuses : DEFAULT_STATUSES
  const buildings = new Buildings(d)
  const rows: unknown[][] = [['登记编号', '状态', '楼栋', '地址', '网格', '房号', '姓名', '证件类型', '证件号码', '手机号', '入住日期', '租约到期', '同住人数', '登记时间']]
  const full = () => rows.length - 1 >= EXPORT_LIMIT
  for await (const page of casePages(d, { kind: 'checkin', gridCodes: grids, statuses, order: 'newest' })) {
    for (const c of page) {
      if (full()) break
      const p = pl(c)
      const b = await buildings.of(p.buildingId)
      const open = openSecret(vault, await d.store.getSecret(c.id))
      rows.push([c.number ?? '', labelOf(CHECKIN.statusLabels, c.status), b?.name ?? '', b?.address ?? '', tree.get(c.gridCode ?? '')?.name ?? '', p.room, tenantNames(vault, c).name ?? '', DOC_TYPE_LABELS[p.docType], open.docNumber ?? '', open.phone ?? '', p.moveInDate, p.leaseEnd, p.cohabitants.length, shanghaiDateTime(c.createdAt)])
    }
    if (full()) break
  }
  const n = rows.length - 1
  await writeAudit(d, actor, { actorRole: 'police', action: 'export', target: `rental.exportCsv ${units.join(',')} [${statuses.join(',')}] ${n} rows`, reason: auditedReason(input), unitCode: units[0]! })
  const stamp = shanghaiDay(d.clock.now())
  return { ok: true as const, filename: `出租屋实名登记_${stamp}.csv`, csv: csvDocument(rows), rows: n }
}
