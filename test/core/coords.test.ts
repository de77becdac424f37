import { distanceMetres, gcj02ToWgs84, wgs84ToGcj02 } from '../../src/core/geo'

describe('GCJ-02 → WGS-84', () => {
  it('moves a Guangzhou point back by the few hundred metres the offset adds', () => {
    // Known pair: WGS-84 (113.3245, 23.1066) shows as about (113.32991, 23.10394) in GCJ-02.
    const wgs = gcj02ToWgs84({ lng: 113.32991, lat: 23.10394 })
    expect(distanceMetres(wgs, { lng: 113.3245, lat: 23.1066 })).toBeLessThan(30)
    expect(distanceMetres(wgs, { lng: 113.32991, lat: 23.10394 })).toBeGreaterThan(300)
  })

  it('leaves points outside China alone', () => {
    expect(gcj02ToWgs84({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 })
  })
})

describe('WGS-84 → GCJ-02 (what a WeChat map is given)', () => {
  it('shifts a Guangzhou point by the published offset and the inverse brings it back within a metre', () => {
    const wgs = { lng: 113.3245, lat: 23.1066 }
    const gcj = wgs84ToGcj02(wgs)
    expect(distanceMetres(gcj, { lng: 113.32991, lat: 23.10394 })).toBeLessThan(30)
    expect(distanceMetres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1)
  })

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02({ lng: 2.35, lat: 48.85 })).toEqual({ lng: 2.35, lat: 48.85 })
  })
})
