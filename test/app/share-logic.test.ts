/**
 * 转发 cards and the codes pages are opened with: a card's title and path name only what its
 * receiver may open anyway, and every page a printable code opens reads its `scene` (WeChat hands
 * it over URL-encoded) as well as the link's own parameter.
 */
import { codeFrom, codeFromParams } from '../../src/pages/join/logic'
import { codeFromQuery } from '../../src/utils/grid/links'
import { inviteFromParams } from '../../src/utils/mediation/invite'
import { buildingCodeFrom } from '../../src/utils/rental/links'
import { boardShare, inviteShare, reportShare } from '../../src/utils/share'

describe('转发 cards', () => {
  it('a mediation invitation opens the join page with the code, and nothing else', () => {
    expect(inviteShare('Q4ZT8HNM')).toEqual({ title: '邀请您参加人民调解（街坊通）', path: '/pages/mediation/join/index?invite=Q4ZT8HNM' })
    // A code is letters, digits and the dash of the long form; anything else does not travel.
    expect(inviteShare('Q4ZT8HNM&name=王先生').path).toBe('/pages/mediation/join/index?invite=Q4ZT8HNMname')
    // The menu (no button, no code) shares the home page, never the case.
    expect(inviteShare(undefined)).toEqual({ title: '街坊通', path: '/pages/home/index' })
  })

  it('a grid board carries its code and name, a report its id, category and status only', () => {
    expect(boardShare({ grid: { code: '44011101000101', name: '云景社区第1网格' } })).toEqual({ title: '云景社区第1网格 网格信息公示牌', path: '/pages/grid/board/index?code=44011101000101' })
    const shared = reportShare({ id: '01JNCF00000000000000000001', categoryName: '市容环境', statusLabel: '已受理', description: '302房门口', reporterName: '陈小梅' } as never)
    expect(shared).toEqual({ title: '网格事件：市容环境（已受理）', path: '/pages/report/detail/index?id=01JNCF00000000000000000001' })
    expect(JSON.stringify(shared)).not.toMatch(/302|陈小梅/)
    expect(boardShare(null).path).toBe('/pages/home/index')
    expect(reportShare(null).path).toBe('/pages/home/index')
  })
})

describe('the scene of each printable code', () => {
  it('building check-in: b=<code>', () => {
    expect(buildingCodeFrom({ scene: encodeURIComponent('b=B7K2Q9') })).toBe('B7K2Q9')
    expect(buildingCodeFrom({ b: 'B7K2Q9' })).toBe('B7K2Q9')
  })

  it('grid board: the grid code alone', () => {
    expect(codeFromQuery({ scene: '44011101000101' })).toBe('44011101000101')
    expect(codeFromQuery({ code: '44011101000101' })).toBe('44011101000101')
  })

  it('staff invitation: the code alone, as typed forgiveness allows', () => {
    expect(codeFromParams({ scene: 'K7M2Q9XP' })).toBe('K7M2Q9XP')
    expect(codeFromParams({ code: encodeURIComponent('k7m2 q9xp') })).toBe('K7M2Q9XP')
    expect(codeFromParams({ scene: '%E0%A4%A' })).toBe('%E0%A4%A')
    expect(codeFromParams({})).toBe('')
    // wx.scanCode of the 小程序码 answers its page path with the scene.
    expect(codeFrom('pages/join/index?scene=K7M2Q9XP')).toBe('K7M2Q9XP')
  })

  it('mediation invitation: the code alone, or the long form of an invitation sent before', () => {
    expect(inviteFromParams({ scene: 'Q4ZT8HNM' })).toBe('Q4ZT8HNM')
    expect(inviteFromParams({ invite: encodeURIComponent(' Q4ZT8HNM\n') })).toBe('Q4ZT8HNM')
    expect(inviteFromParams({ invite: '01JNCF00000000000000000001-Q4ZT8HNM' })).toBe('01JNCF00000000000000000001-Q4ZT8HNM')
    expect(inviteFromParams({})).toBe('')
  })
})
