/**
 * One limit, two readers: the app's form checks and the functions' schemas both read
 * src/contracts/limits.ts, so a draft the form lets through is one the schema accepts and the
 * first one past a limit is refused by both (the address once drifted: 200 in the form, 120 here).
 */
import { parseInput } from '../../backend/functions/validate'
import { ADDRESS_MAX, DESCRIPTION_MAX, MAX_PHOTOS, MAX_TERMS, REASON_MAX } from '../../src/contracts/limits'
import { mediationAct } from '../../src/contracts/mediationSchemas'
import { submitReport } from '../../src/contracts/reportSchemas'
import { auditReasonError } from '../../src/utils/rental/police'
import { reveal } from '../../src/contracts/rentalSchemas'
import { emptyDraft, toLocation, validateDraft, type DraftPhoto, type ReportDraft } from '../../src/utils/report-draft'

const FILE = '01J0000000000000000000000A'
const CATEGORIES = [{ code: 'env', name: '环境卫生', parentCode: null, sensitive: false }]

function draft(over: Partial<ReportDraft>): ReportDraft {
  return { ...emptyDraft(), category: 'env', description: '楼下垃圾堆了三天没人清理', point: { lng: 113.32, lat: 23.18 }, address: '云景路 12 号', ...over }
}

function submitted(d: ReportDraft) {
  const photos = d.photos.map((p) => p.fileId!)
  return parseInput(submitReport, { idempotencyKey: 'draft-key-0001', category: d.category, description: d.description, photos, location: toLocation(d), anonymous: false })
}

const photo = (i: number): DraftPhoto => ({ key: `p${i}`, localPath: `/tmp/${i}.jpg`, state: 'done', fileId: FILE })

describe.each([
  ['address', (n: number) => draft({ address: '路'.repeat(n) }), ADDRESS_MAX],
  ['description', (n: number) => draft({ description: '字'.repeat(n) }), DESCRIPTION_MAX],
  ['photos', (n: number) => draft({ photos: Array.from({ length: n }, (_, i) => photo(i)) }), MAX_PHOTOS],
] as const)('a report draft’s %s', (field, make, limit) => {
  it(`at the limit (${limit}) passes the form and the schema`, () => {
    expect(validateDraft(make(limit), CATEGORIES)).toEqual({})
    expect(submitted(make(limit)).ok).toBe(true)
  })

  it('one past it is refused by both', () => {
    const key = field === 'address' ? 'location.address' : field
    expect(Object.keys(validateDraft(make(limit + 1), CATEGORIES))).toEqual([field])
    const r = submitted(make(limit + 1))
    expect(r.ok ? {} : r.details).toHaveProperty([key])
  })
})

it('a police reason the form accepts is one rental.reveal accepts, and one past the limit neither does', () => {
  const long = '核查来访人员身份'.repeat(REASON_MAX).slice(0, REASON_MAX)
  expect(auditReasonError(long)).toBe('')
  expect(parseInput(reveal, { id: FILE, purpose: 'case', reason: long }).ok).toBe(true)
  expect(auditReasonError(long + '查')).not.toBe('')
  expect(parseInput(reveal, { id: FILE, purpose: 'case', reason: long + '查' }).ok).toBe(false)
  // Too short or one character repeated: both refuse it, with the same words.
  for (const bad of ['查查', '查查查查查', '核查']) {
    const r = parseInput(reveal, { id: FILE, purpose: 'case', reason: bad })
    expect(r.ok).toBe(false)
    expect(auditReasonError(bad)).not.toBe('')
  }
})

it('an agreement takes up to MAX_TERMS terms', () => {
  const terms = (n: number) => ({ id: FILE, action: 'draft_agreement', version: 1, terms: Array.from({ length: n }, (_, i) => `第 ${i + 1} 条`) })
  expect(parseInput(mediationAct, terms(MAX_TERMS)).ok).toBe(true)
  expect(parseInput(mediationAct, terms(MAX_TERMS + 1)).ok).toBe(false)
})
