/** The grid board's line about where the person stands against the grid. */

export type Where = 'unknown' | 'locating' | 'inside' | 'outside' | 'failed'

/** How far from the grid, said the way people say it (米 under a kilometre, 公里 with one decimal above). */
export function distanceText(m: number): string {
  return m < 1000 ? `${Math.max(10, Math.round(m / 10) * 10)} 米` : `${(m / 1000).toFixed(1)} 公里`
}

export function whereText(where: Where, away: number | null): string {
  if (where === 'inside') return '您当前在本网格范围内'
  if (where === 'outside') return away === null ? '您当前不在本网格范围内' : `您当前不在本网格范围内，距网格中心约 ${distanceText(away)}`
  if (where === 'locating') return '正在获取您的位置…'
  if (where === 'failed') return '无法获取您的位置，请检查定位权限'
  return ''
}
