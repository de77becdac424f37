import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../src/core/kinds/mediationTerms'

interface CommitteeShape {
  code: string
  name: string
  disputeTypes: readonly DisputeType[]
  level?: string
  unitCode?: string
}

/**
 * What makes the committees of a district's configuration inconsistent, each with its path under
 * `mediation`: a dispute type two district-wide committees claim (the routing could not choose), a
 * unit's committee without its level, the same committee of a unit listed twice.
 */
export function committeeIssues(m: { committees: readonly CommitteeShape[] }): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = []
  const districtWide = m.committees.filter((c) => c.unitCode === undefined)
  for (const [t, label] of Object.entries(DISPUTE_TYPE_LABELS)) {
    const n = districtWide.filter((c) => c.disputeTypes.includes(t as DisputeType)).length
    if (n > 1) out.push({ path: ['committees'], message: `纠纷类型「${label}」由 ${n} 个全区性调解委员会受理，应至多一个` })
  }
  const seen = new Set<string>()
  m.committees.forEach((c, i) => {
    if (c.unitCode === undefined && c.level !== undefined && c.level !== 'district') out.push({ path: ['committees', i, 'level'], message: `「${c.name}」未指定单位，只能是区级（全区性）调解委员会` })
    if (c.unitCode !== undefined && c.level === undefined) out.push({ path: ['committees', i, 'level'], message: `「${c.name}」请填写级别（社区、街道或区）` })
    const key = `${c.code}@${c.unitCode ?? ''}`
    if (seen.has(key)) out.push({ path: ['committees', i, 'code'], message: `「${c.name}」重复：同一单位的调解委员会编码不能相同` })
    seen.add(key)
  })
  return out
}
