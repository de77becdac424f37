/**
 * Figure 8, CloudBase round trips: every function action the scenario drives
 * (test/cloudbase/roundTripScenario.ts) over the real SDK and the recording fake, its database
 * and storage requests counted (a transaction's start and commit included). One figure per
 * action with the issue's target — a queue page ≤ 2, a case detail ≤ 3, any other action at
 * most half of its count before issue 21 — and 8a–8c over the whole table. Counts, not times:
 * the same on any machine.
 */
import { join } from 'node:path'
import { log, ROOT, run } from '../lib/proc'
import { figure, type Figure, type FigureReport } from '../lib/stats'
import { declaredIndexes } from '../../test/cloudbase/fakeCloudbase'
import { QUIET_SDK_ENV } from '../../test/cloudbase/sdkApp'
import { BEFORE, growing, measureRoundTrips, perAction, targetOf } from '../../test/cloudbase/roundTripScenario'

async function main(): Promise<FigureReport> {
  // No metadata-server probe before each request, no slow-request timers (see test/cloudbase/sdkApp.ts).
  Object.assign(process.env, QUIET_SDK_ENV)
  const rows = await measureRoundTrips({ indexes: declaredIndexes(join(ROOT, 'cloudbaserc.json')) })
  const table = perAction(rows)
  const figures: Figure[] = []
  for (const r of table) {
    const t = targetOf(r.action)
    figures.push(
      figure(`8.${r.action}`, `${r.action} round trips (db ${r.database} + storage ${r.storage}; before ${BEFORE[r.action] ?? '—'})`, r.max, 'requests', t, {
        before: BEFORE[r.action] ?? null,
        ...(r.sizes ? { sizes: r.sizes } : {}),
        byAction: r.byAction,
        requests: r.sequence,
      }),
    )
    log(`${r.action.padEnd(26)} ${String(BEFORE[r.action] ?? '—').padStart(4)} → ${String(r.max).padStart(3)}  (db ${r.database}, storage ${r.storage})${r.sizes ? `  ${r.sizes}` : ''}`)
  }
  const grows = growing(rows)
  const missed = figures.filter((f) => f.met === false).map((f) => f.id.slice(2))
  return {
    figures: [
      figure('8a', 'actions whose round trips grow with the items they handle', grows.length, 'actions', { op: '<=', value: 0 }, { grows }),
      figure('8b', 'actions measured', table.length, 'actions', null),
      figure('8c', 'actions above their round-trip target (queue ≤ 2, detail ≤ 3, others ≤ half of before)', missed.length, 'actions', { op: '<=', value: 0 }, { missed }),
      ...figures,
    ],
  }
}

run(main)
