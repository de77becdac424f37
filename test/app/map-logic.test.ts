/**
 * The maps' logic without a map: grid outlines and case pins as WeChat's <Map> takes them (GCJ-02,
 * converted once from the WGS-84 we store), and the dashboard choropleth's classes and hit test.
 */
import { distanceMetres, gcj02ToWgs84, wgs84ToGcj02 } from '../../src/core/geo'
import { distanceText, whereText } from '../../src/utils/map/position'
import { choropleth, choroplethClasses, classOf, gridAtXY, NONE_COLOR, RAMP } from '../../src/utils/map/choropleth'
import { casePins, fromMapPoint, gridOverlay, navigationTo, selfMarker, toMapPoint, type PinnedCase } from '../../src/utils/map/wxMap'

const RING = [
  [113.3185, 23.1798],
  [113.3222, 23.1796],
  [113.3226, 23.1822],
  [113.3188, 23.1825],
  [113.3185, 23.1798],
]
const HOLE = [
  [113.32, 23.18],
  [113.321, 23.18],
  [113.321, 23.181],
  [113.32, 23.18],
]

describe('grid outline on WeChat’s map', () => {
  it('is the outer ring in GCJ-02 without the closing vertex, zoomed to all of it', () => {
    const o = gridOverlay([RING])
    expect(o.polygons).toHaveLength(1)
    const pts = o.polygons[0]!.points
    expect(pts).toHaveLength(4)
    pts.forEach((p, i) => {
      const g = wgs84ToGcj02({ lng: RING[i]![0]!, lat: RING[i]![1]! })
      expect(p).toEqual({ latitude: g.lat, longitude: g.lng })
      // The offset in Guangzhou is hundreds of metres: the map must never get raw WGS-84.
      expect(distanceMetres({ lng: p.longitude, lat: p.latitude }, { lng: RING[i]![0]!, lat: RING[i]![1]! })).toBeGreaterThan(300)
    })
    expect(o.includePoints).toEqual(pts)
    expect(o.polygons[0]).toMatchObject({ strokeColor: '#FA2C19', strokeWidth: 2, zIndex: 1 })
    expect(o.polygons[0]!.fillColor).toMatch(/^#[0-9A-F]{8}$/)
  })

  it('draws holes as closed dotted lines (WeChat polygons have none)', () => {
    const o = gridOverlay([RING, HOLE])
    expect(o.polygons).toHaveLength(1)
    expect(o.polylines).toHaveLength(1)
    const line = o.polylines[0]!
    expect(line.dottedLine).toBe(true)
    expect(line.points).toHaveLength(4)
    expect(line.points[0]).toEqual(line.points[3])
  })

  it('gives nothing for a missing or broken outline, and skips broken rings', () => {
    expect(gridOverlay(null).polygons).toEqual([])
    expect(gridOverlay([]).polygons).toEqual([])
    expect(gridOverlay([[[113.3, 23.1], [113.31, 23.1]]]).polygons).toEqual([])
    expect(gridOverlay([[[113.3, NaN], [113.31, 23.1], [113.31, 23.2]]]).polygons).toEqual([])
    expect(gridOverlay([[[1, 2], [3, 4]], RING]).polygons[0]!.points).toHaveLength(4)
  })

  it('reads a tap back into WGS-84 within a metre', () => {
    const w = { lng: 113.3202, lat: 23.181 }
    const back = fromMapPoint(toMapPoint(w))
    expect(distanceMetres(back, w)).toBeLessThan(1)
    expect(fromMapPoint({ latitude: 23.181, longitude: 113.3202 })).toEqual(gcj02ToWgs84({ lng: 113.3202, lat: 23.181 }))
  })

  it('marks the person’s own position centred on the dot', () => {
    const m = selfMarker({ lng: 113.3202, lat: 23.181 })
    expect(m).toMatchObject({ id: 0, iconPath: '/assets/map/me.png', anchor: { x: 0.5, y: 0.5 } })
    expect(m.latitude).not.toBe(23.181)
  })
})

describe('the worker’s cases as pins', () => {
  const c = (id: string, over: Partial<PinnedCase> = {}): PinnedCase => ({
    id,
    title: `事项${id}`,
    statusLabel: '已受理',
    overdue: false,
    location: { lng: 113.32, lat: 23.18, address: '云景路 12 号' },
    ...over,
  })

  it('numbers the pins from 1, converts them, and keeps the case of each', () => {
    const pins = casePins([c('a'), c('b', { overdue: true }), c('c', { location: null }), c('d', { location: { lng: 999, lat: 23, address: 'x' } })])
    expect(pins.markers.map((m) => m.id)).toEqual([1, 2])
    expect(pins.cases.map((x) => x.id)).toEqual(['a', 'b'])
    expect(pins.unplaced).toBe(2)
    expect(pins.markers[0]).toMatchObject(toMapPoint({ lng: 113.32, lat: 23.18 }))
    expect(pins.markers[0]!.callout).toMatchObject({ content: '事项a · 已受理', display: 'BYCLICK' })
    expect(pins.markers[1]!.callout).toMatchObject({ content: '事项b · 已超时', color: '#F53F3F' })
    expect(pins.includePoints).toHaveLength(2)
  })

  it('navigates with WeChat’s own map page in GCJ-02, named by the case and its address', () => {
    const to = navigationTo(c('a'))
    expect(to).toMatchObject({ ...toMapPoint({ lng: 113.32, lat: 23.18 }), name: '事项a', address: '云景路 12 号', scale: 17 })
    expect(navigationTo(c('x', { location: null }))).toBeNull()
  })
})

describe('the board’s “where am I” line', () => {
  it('says inside, outside with a distance, and failures in words', () => {
    expect(whereText('inside', null)).toBe('您当前在本网格范围内')
    expect(whereText('outside', 1530)).toBe('您当前不在本网格范围内，距网格中心约 1.5 公里')
    expect(whereText('outside', 234)).toBe('您当前不在本网格范围内，距网格中心约 230 米')
    expect(whereText('failed', null)).toBe('无法获取您的位置，请检查定位权限')
    expect(distanceText(3)).toBe('10 米')
  })
})

describe('choropleth classes', () => {
  it('keeps no reports apart and the busiest grid in the darkest colour', () => {
    expect(choroplethClasses(0)).toEqual([{ from: 0, to: 0, color: NONE_COLOR, label: '0' }])
    const one = choroplethClasses(1)
    expect(one.map((k) => k.label)).toEqual(['0', '1'])
    expect(one[1]!.color).toBe(RAMP[RAMP.length - 1])
    expect(choroplethClasses(3).map((k) => k.label)).toEqual(['0', '1', '2', '3'])
    expect(choroplethClasses(7).map((k) => k.label)).toEqual(['0', '1', '2–3', '4', '5–6', '7'])
    expect(choroplethClasses(100).map((k) => k.label)).toEqual(['0', '1–20', '21–40', '41–60', '61–80', '81–100'])
  })

  it('puts every count from 0 to max in exactly one class, classes rising', () => {
    for (const max of [1, 2, 4, 5, 6, 9, 13, 37, 250]) {
      const ks = choroplethClasses(max)
      for (let n = 0; n <= max; n++) expect(ks.filter((k) => n >= k.from && n <= k.to)).toHaveLength(1)
      ks.slice(1).forEach((k, i) => expect(k.from).toBe(ks[i]!.to + 1))
      expect(ks[ks.length - 1]!.to).toBe(max)
      expect(new Set(ks.map((k) => k.color)).size).toBe(ks.length)
      expect(classOf(max, ks).color).toBe(RAMP[RAMP.length - 1])
    }
  })
})

describe('choropleth drawing', () => {
  const west = { code: 'g1', name: '第1网格', count: 9, polygon: [[[113.30, 23.18], [113.31, 23.18], [113.31, 23.19], [113.30, 23.19], [113.30, 23.18]]] }
  const east = { code: 'g2', name: '第2网格', count: 0, polygon: [[[113.31, 23.18], [113.32, 23.18], [113.32, 23.19], [113.31, 23.19], [113.31, 23.18]]] }
  const broken = { code: 'g3', name: '第3网格', count: 4, polygon: [] }

  it('colours grids by class, leaves out grids with no outline, and finds the grid under a click', () => {
    const c = choropleth([west, east, broken], 400)
    expect(c.grids.map((g) => [g.code, g.color])).toEqual([
      ['g1', RAMP[RAMP.length - 1]],
      ['g2', NONE_COLOR],
    ])
    expect(c.projection.width).toBe(400)
    const [wx, wy] = c.projection.toXY([113.305, 23.185])
    const [ex, ey] = c.projection.toXY([113.315, 23.185])
    expect(gridAtXY(c, wx, wy)?.code).toBe('g1')
    expect(gridAtXY(c, ex, ey)?.code).toBe('g2')
    expect(gridAtXY(c, 0, 0)).toBeNull()
  })
})
