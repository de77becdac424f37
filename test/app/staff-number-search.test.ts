/** The phone queue's 编号 box: what a grid worker types becomes the exact number the queue looks up. */
import { NUMBER_HINT, parseNumberQuery, streetShortOf } from '../../src/pages/report-staff/queue/numberSearch'

const ctx = { short: '京溪', year: 2026 }
const num = (n: string) => ({ kind: 'number', number: n })
const bad = { kind: 'bad', message: NUMBER_HINT }

describe('parseNumberQuery', () => {
  it.each([
    ['京溪-2026-00042'],
    ['  京溪-2026-00042  '],
    ['京溪 - 2026 - 00042'],
    ['京溪 2026 42'],
    ['京溪\u30002026\u300000042'],
    ['京溪－２０２６－０００４２'],
    ['京溪—2026—42'],
    ['京溪202600042'],
    ['京溪 202600042'],
    ['京溪-2026-000042'],
    ['42'],
    ['00042'],
    ['４２'],
    ['2026-42'],
    ['2026 00042'],
  ])('%s → 京溪-2026-00042', (raw) => {
    expect(parseNumberQuery(raw, ctx)).toEqual(num('京溪-2026-00042'))
  })

  it('keeps another street and year as typed, and long sequences whole', () => {
    expect(parseNumberQuery('太和-2025-7', ctx)).toEqual(num('太和-2025-00007'))
    expect(parseNumberQuery('京溪-2026-123456', ctx)).toEqual(num('京溪-2026-123456'))
    expect(parseNumberQuery('41', { short: '太和', year: 2027 })).toEqual(num('太和-2027-00041'))
  })

  it('an empty box is no search', () => {
    expect(parseNumberQuery('', ctx)).toEqual({ kind: 'empty' })
    expect(parseNumberQuery(' \u3000 ', ctx)).toEqual({ kind: 'empty' })
  })

  it('asks for the whole number when it cannot tell which one is meant', () => {
    // No street known yet (an empty queue): a bare sequence cannot be completed.
    expect(parseNumberQuery('42', { year: 2026 })).toEqual(bad)
    expect(parseNumberQuery('2026-42', { year: 2026 })).toEqual(bad)
    expect(parseNumberQuery('京溪-2026-00042', { year: 2026 })).toEqual(num('京溪-2026-00042'))
    for (const raw of ['0', '京溪', '京溪-26-42', '123456', 'abc-2026-42', '京溪-2026-0', '京溪-2026-4x', '1-2-3-4']) {
      expect(parseNumberQuery(raw, ctx)).toEqual(bad)
    }
  })
})

describe('streetShortOf', () => {
  it('is the prefix every case prints, and nothing when they differ or none has a number', () => {
    expect(streetShortOf(['京溪-2026-00001', null, '京溪-2025-00420'])).toBe('京溪')
    expect(streetShortOf(['京溪-2026-00001', '太和-2026-00002'])).toBeUndefined()
    expect(streetShortOf([null, undefined])).toBeUndefined()
  })
})
