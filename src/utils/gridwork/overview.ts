/** The street's overview of its grids: totals and order. */
import type { ApiMap } from '../../contracts/api'
import type { QrStatus } from './labels'

export type OverviewRow = ApiMap['grid.overview']['out']['grids'][number]

export function overviewTotals(rows: OverviewRow[]): { grids: number; members: number; pending: number; qrAttention: number } {
  return {
    grids: rows.length,
    members: rows.reduce((a, r) => a + r.members, 0),
    pending: rows.reduce((a, r) => a + r.pending, 0),
    qrAttention: rows.filter((r) => r.qrStatus !== 'valid').length,
  }
}

const QR_ORDER: Record<QrStatus, number> = { expired: 0, none: 1, expiring: 2, valid: 3 }

/** Grids needing the street's attention first: pending requests, then QR codes that do not work. */
export function sortOverview(rows: OverviewRow[], by: 'attention' | 'name'): OverviewRow[] {
  const list = [...rows]
  if (by === 'name') return list.sort((a, b) => a.code.localeCompare(b.code))
  return list.sort((a, b) => b.pending - a.pending || QR_ORDER[a.qrStatus] - QR_ORDER[b.qrStatus] || a.code.localeCompare(b.code))
}
