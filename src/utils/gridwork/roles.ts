/** Which grids a worker serves and which street a dispatcher publishes to. */
import type { GridView, MeView } from '../../contracts/api'

/** The grids the user works as grid worker (their own grid first, as granted). */
export function workerGrids(me: MeView): GridView[] {
  return me.roles.filter((r) => r.role === 'grid_worker').map((r) => ({ code: r.unitCode, name: r.unitName, path: '', phone: null }))
}

/** The street a dispatcher (综治中心) serves, or null. */
export function dispatcherStreet(me: MeView): { code: string; name: string } | null {
  const r = me.roles.find((x) => x.role === 'dispatcher')
  return r ? { code: r.unitCode, name: r.unitName } : null
}
