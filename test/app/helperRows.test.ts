import { isTabUrl } from '../../src/utils/tabs'
import { HELPING_ROW, MINE_ROWS, mineRows } from '../../src/pages/me/rows'

describe('我的 → 协助调解', () => {
  it('is a row for helpers only, after what everyone has', () => {
    expect(mineRows(['resident'])).toEqual(MINE_ROWS)
    expect(mineRows(['mediator', 'grid_worker'])).toEqual(MINE_ROWS)
    expect(mineRows(['helper']).map((r) => r.title)).toEqual([...MINE_ROWS.map((r) => r.title), '协助调解'])
    expect(HELPING_ROW.url).toBe('/pages/mediation-staff/helping/index')
    expect(isTabUrl(HELPING_ROW.url)).toBe(false)
  })
})
