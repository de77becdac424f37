import { agreementSequenceKey, caseSequenceKey, caseYear, districtShortName, formatAgreementNumber, formatCaseNumber, isCaseNumber, numberingUnit, parseCaseNumber, unitShortName } from '../../src/core/caseNumber'
import { OrgTree, type OrgUnit } from '../../src/core/org'

const UNITS: OrgUnit[] = [
  { code: 'D', name: '白云区', level: 'district', parentCode: null },
  { code: 'S1', name: '京溪街道', level: 'street', parentCode: 'D' },
  { code: 'S2', name: '钟落潭镇', level: 'street', parentCode: 'D', shortName: '钟落潭' },
  { code: 'S3', name: '某乡', level: 'street', parentCode: 'D' },
  { code: 'C1', name: '云景社区', level: 'community', parentCode: 'S1' },
  { code: 'G1', name: '云景第一网格', level: 'grid', parentCode: 'C1' },
]
const tree = new OrgTree(UNITS)

describe('numbers people read', () => {
  it('short names: the org data first, else the name without 街道/镇/乡; districts without 区', () => {
    expect(unitShortName({ name: '京溪街道' })).toBe('京溪')
    expect(unitShortName({ name: '太和镇' })).toBe('太和')
    expect(unitShortName({ name: '京溪街道', shortName: '京溪街' })).toBe('京溪街')
    expect(unitShortName({ name: '某乡' })).toBe('某')
    expect(unitShortName({ name: '街道' })).toBe('街道')
    expect(districtShortName('白云区')).toBe('白云')
    expect(districtShortName('南区')).toBe('南区')
  })

  it('numbers a case by the street of its grid, else of its unit, else the unit or the district', () => {
    expect(numberingUnit(tree, { gridCode: 'G1', unitCode: 'D' })).toEqual({ code: 'S1', short: '京溪' })
    expect(numberingUnit(tree, { gridCode: null, unitCode: 'S2' })).toEqual({ code: 'S2', short: '钟落潭' })
    expect(numberingUnit(tree, { gridCode: null, unitCode: 'D' })).toEqual({ code: 'D', short: '白云' })
    expect(numberingUnit(tree, { gridCode: 'GONE', unitCode: 'GONE' })).toEqual({ code: 'D', short: '白云' })
  })

  it('prints case and agreement numbers; the year is Shanghai time', () => {
    expect(formatCaseNumber('京溪', 2026, 42)).toBe('京溪-2026-00042')
    expect(formatAgreementNumber(2026, '白云', '京溪', 42)).toBe('（2026）白云京溪调字第 42 号')
    expect(caseYear('2025-12-31T16:00:00.000Z')).toBe(2026)
    expect(caseYear('2025-12-31T15:59:59.999Z')).toBe(2025)
    expect(caseSequenceKey('S1', 2026)).not.toBe(agreementSequenceKey('S1', 2026))
    // Keyed by what the number prints: read back from a number, the same key gave it.
    expect(parseCaseNumber('京溪-2026-00042')).toEqual({ key: caseSequenceKey('京溪', 2026), seq: 42 })
    expect(parseCaseNumber('太和中心-2027-123456')).toEqual({ key: caseSequenceKey('太和中心', 2027), seq: 123456 })
    expect(parseCaseNumber('01JNC00000000000000000001')).toBeNull()
  })

  it('recognises a whole number typed into the desk\'s search box', () => {
    for (const q of ['京溪-2026-00042', ' 京溪-2026-00042 ', '太和中心-2027-123456']) expect(isCaseNumber(q)).toBe(true)
    for (const q of ['京溪-2026', '2026-00042', '00042', '路灯', '01JNC00000000000000000001', '', 'abc-2026-00001']) expect(isCaseNumber(q)).toBe(false)
  })
})
