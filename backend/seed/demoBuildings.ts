import type { Building } from '../ports'
import { gridCentre, gridCode } from './demoOrg'

/** The demo building's QR code and id, fixed so the demo walk-through and tests can name them. */
export const DEMO_BUILDING_CODE = 'YUNJING001'
export const DEMO_BUILDING_ID = '01JF0DEM0B0000000000000001'

/** One rental building of 王建国 (demo-building-manager) in 云景社区第1网格; no registrations. */
export function demoBuildings(now: string): Building[] {
  const c = gridCentre(0, 1)
  const rooms = [1, 2, 3, 4, 5, 6].flatMap((floor) => ['01', '02', '03'].map((n) => `${floor}${n}`))
  return [
    {
      id: DEMO_BUILDING_ID,
      code: DEMO_BUILDING_CODE,
      name: '云景路 18 号出租屋',
      address: '广州市白云区京溪街道云景路 18 号',
      location: { lng: Math.round((c.lng + 0.0005) * 1e6) / 1e6, lat: Math.round((c.lat + 0.0005) * 1e6) / 1e6 },
      gridCode: gridCode(0, 1),
      floors: 6,
      rooms,
      managerId: 'demo-building-manager',
      creatorId: 'demo-building-manager',
      idempotencyKey: 'demo-seed-building-1',
      createdAt: now,
      lastInspectionAt: null,
    },
  ]
}
