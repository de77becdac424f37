/** Pure logic of the residents' 网格服务群 pages (src/utils/grid). */
import { excerpt, markAnnRead, mergeAnnouncements, typeLabel } from '../../src/utils/grid/announcements'
import { firstEmergency } from '../../src/utils/grid/emergency'
import { codeFromQuery } from '../../src/utils/grid/links'
import { canApply, cleanBuilding, membershipKey, qrDisplay, validateQuestion } from '../../src/utils/grid/membership'
import { asciiBase64, gridShapeImage } from '../../src/utils/grid/shape'
import { dialable, groupTeam } from '../../src/utils/grid/team'
import type { AnnouncementView, BoardView, TeamMemberView } from '../../src/contracts/api'

const ann = (id: string, over: Partial<AnnouncementView> = {}): AnnouncementView => ({
  id,
  type: 'notice',
  typeLabel: '通知',
  title: `公告 ${id}`,
  body: '正文',
  authorName: '李明',
  scopeLabel: '云景社区第1网格',
  publishedAt: '2026-03-02T02:00:00.000Z',
  read: false,
  ...over,
})

const member = (role: TeamMemberView['role'], name: string, roleLabel = ''): TeamMemberView => ({ role, roleLabel, name, phone: '020-8765 4321' })

describe('groupTeam (1+1+5+N)', () => {
  test('orders leader, full-time, the five forces, volunteers; keeps server labels', () => {
    const g = groupTeam([
      member('volunteer', '志愿者甲', '志愿者'),
      member('police', '王警官', '社区民警'),
      member('leader', '张书记', '网格长'),
      member('volunteer', '志愿者乙', '志愿者'),
      member('full_time', '李明', '专职网格员'),
    ])
    expect(g.map((x) => [x.role, x.tier, x.label, x.members.length])).toEqual([
      ['leader', '1', '网格长', 1],
      ['full_time', '1', '专职网格员', 1],
      ['police', '5', '社区民警', 1],
      ['volunteer', 'N', '志愿者', 2],
    ])
  })
  test('falls back to our label when the server sent none; empty team is empty', () => {
    expect(groupTeam([member('supervisor', '赵')])[0].label).toBe('监事长')
    expect(groupTeam([])).toEqual([])
  })
})

test('dialable keeps digits and dashes; nothing dialable is null', () => {
  expect(dialable('020-8765 4321')).toBe('020-87654321')
  expect(dialable('13800138000')).toBe('13800138000')
  expect(dialable('')).toBeNull()
  expect(dialable(null)).toBeNull()
  expect(dialable('暂无')).toBeNull()
})

test('asciiBase64 matches Buffer', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 1 1"/>'])
    expect(asciiBase64(s)).toBe(Buffer.from(s, 'ascii').toString('base64'))
})

describe('gridShapeImage', () => {
  /** The image's SVG text and the points its path moves and draws to. */
  const drawn = (img: { uri: string }) => {
    const svg = Buffer.from(img.uri.split(',')[1], 'base64').toString('ascii')
    return { svg, pts: [...svg.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]) }
  }
  const expectInside = (pts: number[][], width: number, height: number) => {
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThanOrEqual(width)
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(height)
    }
  }
  const ring = [
    [113.318, 23.18],
    [113.322, 23.18],
    [113.322, 23.182],
    [113.318, 23.182],
    [113.318, 23.18],
  ]
  test('an SVG data URI fitted to the ring, inside the viewBox', () => {
    const img = gridShapeImage([ring], 320)!
    expect(img.uri.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const { svg, pts } = drawn(img)
    expect(svg).toContain('<path d="M')
    expect(pts).toHaveLength(ring.length)
    expectInside(pts, 320, img.height)
  })
  test('a tall grid is drawn narrower, never past the 180-high box', () => {
    const tall = [
      [113.32, 23.17],
      [113.321, 23.17],
      [113.321, 23.19],
      [113.32, 23.19],
    ]
    const img = gridShapeImage([tall], 320, 180)!
    expect(img.height).toBe(180)
    const { pts } = drawn(img)
    expectInside(pts, 320, 180)
    // Centred: as much room left as right.
    const xs = pts.map((p) => p[0])
    expect(Math.min(...xs)).toBeCloseTo(320 - Math.max(...xs), 0)
  })
  test('no usable ring → null', () => {
    expect(gridShapeImage([])).toBeNull()
    expect(gridShapeImage(null)).toBeNull()
    expect(gridShapeImage([[[1, 2]]])).toBeNull()
  })
})

describe('membership and the group QR', () => {
  const board = (over: Partial<BoardView>): Pick<BoardView, 'qr' | 'qrStatus' | 'membership'> => ({ qr: null, qrStatus: 'none', membership: null, ...over })
  const joined = { status: 'joined' as const, statusLabel: '已入群', building: null }

  test('status key and who may apply', () => {
    expect(membershipKey(board({}))).toBe('none')
    expect(membershipKey(board({ membership: joined }))).toBe('joined')
    expect(['none', 'left', 'refused'].every((k) => canApply(k as never))).toBe(true)
    expect(canApply('joined')).toBe(false)
    expect(canApply('requested')).toBe(false)
  })
  test('only joined members get a QR; expiry in Beijing time', () => {
    const qr = { url: 'https://x/qr.png', expiresAt: '2026-03-09T02:00:00.000Z' }
    expect(qrDisplay(board({ qr, qrStatus: 'valid', membership: { ...joined, status: 'requested', statusLabel: '待审核' } }))).toBeNull()
    expect(qrDisplay(board({ qr, qrStatus: 'valid', membership: joined }))).toEqual({ kind: 'show', text: '有效期至 2026年3月9日 10:00', expiring: false })
    expect(qrDisplay(board({ qr, qrStatus: 'expiring', membership: joined }))?.expiring).toBe(true)
    expect(qrDisplay(board({ qr: null, qrStatus: 'expired', membership: joined }))).toEqual({ kind: 'missing', text: '群二维码已过期，请联系网格员更新', expiring: false })
    expect(qrDisplay(board({ qr: null, qrStatus: 'none', membership: joined }))?.kind).toBe('missing')
  })
  test('building is trimmed, optional, capped', () => {
    expect(cleanBuilding('  3 栋   502 ')).toBe('3 栋 502')
    expect(cleanBuilding('   ')).toBeUndefined()
    expect(cleanBuilding('x'.repeat(99))).toHaveLength(40)
  })
  test('question validation', () => {
    expect(validateQuestion('  ')).toBe('请填写您想咨询的问题')
    expect(validateQuestion('电梯')).toMatch(/至少写 5 个字/)
    expect(validateQuestion('小区电梯坏了找谁修')).toBe('')
    expect(validateQuestion('问'.repeat(501))).toBe('最多 500 个字')
  })
})

describe('codeFromQuery', () => {
  test('?code=, scene= (小程序码), q= (plain-link QR)', () => {
    expect(codeFromQuery({ code: '440111010001001' })).toBe('440111010001001')
    expect(codeFromQuery({ scene: encodeURIComponent('code=440111010001001') })).toBe('440111010001001')
    expect(codeFromQuery({ scene: '440111010001001' })).toBe('440111010001001')
    expect(codeFromQuery({ q: encodeURIComponent('https://jf.example.cn/grid?code=440111010001001&from=board') })).toBe('440111010001001')
  })
  test('nothing usable → null', () => {
    expect(codeFromQuery({})).toBeNull()
    expect(codeFromQuery({ code: '<script>' })).toBeNull()
    expect(codeFromQuery({ scene: 'x=1' })).toBeNull()
    expect(codeFromQuery({ code: '%E0%A4%A' })).toBeNull()
  })
})

describe('announcements', () => {
  test('pinned ones are not repeated below; later pages never repeat rows', () => {
    const e = ann('e', { type: 'emergency', typeLabel: '紧急' })
    let l = mergeAnnouncements({ pinned: [], items: [] }, { pinned: [e], items: [e, ann('a'), ann('b')] })
    expect(l.pinned.map((a) => a.id)).toEqual(['e'])
    expect(l.items.map((a) => a.id)).toEqual(['a', 'b'])
    l = mergeAnnouncements(l, { pinned: [], items: [ann('b'), ann('c')] })
    expect(l.items.map((a) => a.id)).toEqual(['a', 'b', 'c'])
  })
  test('markAnnRead flips one, in either list, and back', () => {
    const l = { pinned: [ann('e', { type: 'emergency' })], items: [ann('a')] }
    const r = markAnnRead(l, 'e')
    expect(r.pinned[0].read).toBe(true)
    expect(r.items[0]).toBe(l.items[0])
    expect(markAnnRead(r, 'e', false).pinned[0].read).toBe(false)
  })
  test('firstEmergency: unread emergencies only, tolerant of nothing', () => {
    expect(firstEmergency(undefined)).toBeNull()
    expect(firstEmergency([ann('n'), ann('r', { type: 'emergency', read: true })])).toBeNull()
    expect(firstEmergency([ann('n'), ann('e', { type: 'emergency' })])?.id).toBe('e')
  })
  test('labels and excerpts', () => {
    expect(typeLabel({ type: 'activity', typeLabel: '' })).toBe('活动')
    expect(excerpt('第一行\n第二行')).toBe('第一行 第二行')
    expect(excerpt('字'.repeat(70), 60)).toBe('字'.repeat(60) + '…')
  })
})
