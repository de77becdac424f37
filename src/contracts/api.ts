/**
 * The wire contract between the app and the cloud functions: one entry per function action.
 * Types only, so the mini-program bundle pays nothing for it; the functions validate the
 * same shapes with zod schemas (backend/functions/schemas.ts).
 *
 * A call is `callFunction({ name: <function>, data: { action, data } })`; the answer is
 * `{ ok: true, ...out }` or `{ ok: false, code, message }`.
 */
import type { Failure } from '../core/outcome'
import type { Role } from '../core/roles'

export interface PhotoView {
  fileId: string
  /** Short-lived URL the app can show directly. */
  url: string
}

export interface GridView {
  code: string
  name: string
  /** "白云区 京溪街道 云景社区" — where the grid sits. */
  path: string
  phone: string | null
}

export interface GridShape extends GridView {
  /** GeoJSON ring(s) in [lng, lat]. */
  polygon: number[][][]
}

export interface RoleView {
  role: Role
  roleLabel: string
  unitCode: string
  unitName: string
}

export interface MeView {
  id: string
  name: string
  roles: RoleView[]
}

export interface CategoryView {
  code: string
  name: string
  parentCode: string | null
}

export interface LocationInput {
  lng: number
  lat: number
  address: string
}

export interface SubmitReportInput {
  /** Made once per draft on the device; a retry with the same key returns the first case. */
  idempotencyKey: string
  category: string
  description: string
  /** File ids from files.upload / files.register, at most 9. */
  photos: string[]
  location: LocationInput
  anonymous: boolean
}

export interface CaseSummary {
  id: string
  kind: 'report'
  status: string
  statusLabel: string
  category: string
  categoryName: string
  title: string
  gridName: string
  createdAt: string
  updatedAt: string
  slaDeadline: string | null
}

export interface CaseView extends CaseSummary {
  description: string
  photos: PhotoView[]
  location: LocationInput
  anonymous: boolean
  unitName: string
  unitPhone: string | null
  assigneeName: string | null
  version: number
}

export interface TimelineView {
  id: string
  action: string
  actionLabel: string
  fromStatus: string | null
  toStatus: string
  toStatusLabel: string
  /** "居民", "网格员 李明" — never a resident's name to staff when anonymous. */
  actorLabel: string
  note: string | null
  attachments: PhotoView[]
  at: string
}

export interface ApiMap {
  'session.me': { in: Record<string, never>; out: { user: MeView } }
  'reports.categories': { in: Record<string, never>; out: { categories: CategoryView[] } }
  'reports.locate': { in: { lng: number; lat: number }; out: { grid: GridView } }
  /** Grids near a point (or the caller's street), for the in-app point picker. */
  'reports.gridMap': { in: { lng?: number; lat?: number }; out: { grids: GridShape[] } }
  'reports.submit': { in: SubmitReportInput; out: { case: CaseView; replayed: boolean } }
  'reports.mine': { in: { before?: string; limit?: number }; out: { cases: CaseSummary[]; next: string | null } }
  'reports.get': { in: { id: string }; out: { case: CaseView; timeline: TimelineView[] } }
  'files.upload': {
    in: { contentBase64: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
    out: { fileId: string }
  }
  'files.register': {
    in: { cloudFileId: string; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number }
    out: { fileId: string }
  }
}

export type ApiKey = keyof ApiMap
export type ApiIn<K extends ApiKey> = ApiMap[K]['in']
export type ApiOut<K extends ApiKey> = ({ ok: true } & ApiMap[K]['out']) | Failure

export function splitKey(key: ApiKey): { name: string; action: string } {
  const [name, action] = key.split('.') as [string, string]
  return { name, action }
}
