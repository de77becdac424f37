import { makeTree, COMMUNITY, DISTRICT, GRID1, GRID2, GRID_B, STREET, STREET_B } from './fixtures'

describe('OrgTree.gridsWithin', () => {
  const tree = makeTree()

  const codes = (code: string) => tree.gridsWithin(code).map((g) => g.code).sort()

  it('lists the grids at or below a unit, and the same list again', () => {
    const all = tree.grids().map((g) => g.code).sort()
    expect(codes(DISTRICT)).toEqual(all)
    expect(codes(STREET)).toEqual(all.filter((c) => tree.isWithin(c, STREET)))
    expect(tree.gridsWithin(STREET).map((g) => g.code)).toEqual(expect.arrayContaining([GRID1, GRID2]))
    expect(tree.gridsWithin(STREET_B).map((g) => g.code)).toEqual([GRID_B])
    expect(tree.gridsWithin(COMMUNITY).map((g) => g.code)).toContain(GRID1)
    expect(tree.gridsWithin(GRID1).map((g) => g.code)).toEqual([GRID1])
    expect(tree.gridsWithin('nowhere')).toEqual([])
    expect(tree.gridsWithin(STREET)).toBe(tree.gridsWithin(STREET))
  })

  it('hands out copies of its grid list, so a caller sorting it changes nothing', () => {
    const before = tree.grids().map((g) => g.code)
    tree.grids().reverse()
    expect(tree.grids().map((g) => g.code)).toEqual(before)
  })
})
