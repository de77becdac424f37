/**
 * Objects made per row or per call on the hot paths keep one hidden class under V8's optimiser
 * (src/core/withFields.ts). Node 20 gives each object made by `{ ...x, k: v }` a class of its own
 * once the function is optimised; those classes pile up in the old generation and turned most
 * scavenges of a queue page into 7–10 ms pauses. A child Node with natives syntax optimises the
 * builders shaped like the hot views and compares their results' classes; the hot files may not
 * reintroduce the spread.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'

const ROOT = path.join(__dirname, '../..')

/** Each builder runs this often before its last two results are compared: enough for TurboFan. */
const ROUNDS = 30_000

/** Builders shaped like the hot views: a queue row (staffSummary) and an opened mediation case (openNames). */
const ENTRY = `
import { withFields } from './src/core/withFields'
const summaryOf = (i) => ({ id: 'c' + i, number: 'N' + i, kind: 'report', status: 'submitted', statusLabel: '待受理', category: 'HJ01', categoryName: '环境', title: 't' + i, gridName: 'g', createdAt: 'a', updatedAt: 'b', slaDeadline: null })
const caseOf = (i) => ({ id: 'c' + i, kind: 'mediation', status: 'applied', version: i, payload: { facts: 'f' + i, parties: [], agreement: null } })
const builders = {
  queueRow: (i) => withFields(summaryOf(i), { gridCode: 'g', unitName: 'u', assigneeName: null, departmentName: null, overdue: false, anonymous: false, location: { lng: 1, lat: 2, address: 'a' + i } }),
  openedCase: (i) => { const c = caseOf(i); return withFields(c, { payload: withFields(c.payload, { parties: [], agreement: null }) }) },
}
const out = {}
for (const [name, build] of Object.entries(builders)) {
  for (let i = 0; i < ${ROUNDS}; i++) build(i)
  out[name] = sameMap(build(1), build(2))
}
console.log(JSON.stringify(out))
`

describe('hot-path objects under the optimiser', () => {
  it('keep one hidden class per builder', () => {
    const code = buildSync({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' }).outputFiles[0]!.text
    // esbuild's parser does not know V8's %-natives: the global sameMap becomes one after bundling.
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', code.replace(/\bsameMap\(/g, '%HaveSameMap(')], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toEqual({ queueRow: true, openedCase: true })
  })

  it('leaves no spread-then-field literal in the per-row and per-call code of queues, feeds, case views, creates and moves', () => {
    const hot = [
      'backend/usecases/report/queue.ts',
      'backend/usecases/report/queueScope.ts',
      'backend/usecases/report/staffView.ts',
      'backend/usecases/mediation/queue.ts',
      'backend/usecases/mediation/names.ts',
      'backend/adapters/sqlite/caseQuery.ts',
      'backend/adapters/sqlite/grid.ts',
      'backend/usecases/report/caseView.ts',
      'backend/usecases/mediation/caseView.ts',
      'src/core/transition.ts',
      'backend/adapters/sqlite/cases.ts',
      'backend/usecases/shared/persist.ts',
    ]
    // `{ ...x, k`, `{ ...x, k: v` or `{ ...x, ...y`: a spread with a field or another spread after it.
    const spreadThenField = /\{\s*\.\.\.[^{},]+,\s*(\.\.\.|[\w$]+\s*[:,}])/g
    const found = hot.flatMap((f) => (readFileSync(path.join(ROOT, f), 'utf8').match(spreadThenField) ?? []).map((m) => `${f}: ${m}`))
    expect(found).toEqual([])
  })
})
