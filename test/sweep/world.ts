/**
 * The sweep's world: the real local server (dist-server over a fresh SQLite demo street) and the few
 * cases its pages need, made over the API as people would make them: 陈小梅's report (accepted and
 * being handled by the grid worker) and her mediation application (accepted by the centre), a
 * brand-new WeChat identity's report, 刘洋's check-in waiting for the building manager, and the
 * police reads that leave audit rows. Every step that a later change of an input may refuse is
 * tolerated (the page is still swept; it just has less on it), and said in `notes`.
 */
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { idNumberFor } from '../support/authzWorld'
import { move } from '../support/cases'
import { GRID1_CODE, GRID1_POINT, idemKey, reportInput } from '../support/fixtures'
import { applyInput, medAct, setOwnPhone } from '../support/mediation'
import { ROOT, as, asOpenid, startServer, type Client, type RunningServer } from '../support/server'

export { DEMO_BUILDING_CODE, DEMO_BUILDING_ID, GRID1_CODE }

/** The real server (the main tree's build, or another checkout's) with its timers quick enough for the sweep. */
export function startSweepServer(root: string = ROOT): Promise<RunningServer> {
  return startServer({ root, env: { JIEFANG_TIMER_MS: '500' } })
}

export interface SweepWorld {
  /** 陈小梅's report, accepted and in progress with the grid worker. */
  reportId: string
  /** The brand-new identity's report, just filed. */
  newcomerReportId: string
  /** 陈小梅's mediation application, accepted by the centre (family committee, 周敏). */
  mediationId: string
  /** 刘洋's check-in at the demo building, waiting for the manager. */
  checkinId: string
  /** 陈小梅's 一键求助 (邻里纠纷), raised in 云景社区 and waiting for its on-duty helpers. */
  helpId: string
  /** The brand-new WeChat identity the sweep signs in as. */
  newcomerOpenid: string
  /** Steps that did not go through (the sweep goes on with less on the pages). */
  notes: string[]
}

async function step<T>(notes: string[], what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch (e) {
    notes.push(`${what}: ${e instanceof Error ? e.message : String(e)}`)
    return undefined
  }
}

function okOr(what: string, r: any): any {
  if (!r?.ok) throw new Error(`${what} refused: ${r?.code} ${r?.message}`)
  return r
}

/** Seeds the cases the sweep's pages show, over the API of the running server at `url`. */
export async function seedWorld(url: string, run: string): Promise<SweepWorld> {
  const notes: string[] = []
  const newcomerOpenid = `dev-sweep-${run}`
  const [resident, worker, dispatcher, police, tenant] = await Promise.all(
    ['demo-resident', 'demo-grid-worker', 'demo-dispatcher', 'demo-police', 'demo-tenant'].map((u) => as(url, u)),
  )
  const newcomer: Client = await asOpenid(url, newcomerOpenid)

  const report = okOr('reports.submit', await resident.call('reports', 'submit', reportInput({ description: '云景花园 3 栋楼下垃圾堆放三天无人清理，气味很大' })))
  const reportId: string = report.case.id
  await step(notes, 'report accept', async () => okOr('accept', await move(worker, reportId, 'accept')))
  await step(notes, 'report start', async () => okOr('start', await move(worker, reportId, 'start')))

  const other = okOr('reports.submit (newcomer)', await newcomer.call('reports', 'submit', reportInput({ category: 'HJ01', description: '小区南门路灯不亮，晚上出行不安全' })))
  const newcomerReportId: string = other.case.id

  const applied = okOr('mediation.apply', await resident.call('mediation', 'apply', applyInput()))
  const mediationId: string = applied.case.id
  await step(notes, 'mediation accept', async () => okOr('accept', await medAct(dispatcher, mediationId, 'accept')))

  let checkinId = ''
  await step(notes, 'rental.checkIn', async () => {
    await setOwnPhone(tenant, '13912340001').catch(() => undefined)
    const r = okOr(
      'rental.checkIn',
      await tenant.call('rental', 'checkIn', {
        idempotencyKey: idemKey(),
        buildingCode: DEMO_BUILDING_CODE,
        room: '101',
        name: '刘洋',
        docType: 'id_card',
        docNumber: idNumberFor(4242),
        phone: '13912340001',
        moveInDate: '2026-11-01',
        leaseEnd: '2027-10-31',
        cohabitants: [{ name: '王芳', relation: '配偶' }],
        consent: { purpose: true, sensitive: true, version: '2026-12' },
      }),
    )
    checkinId = r.case?.id ?? r.registration?.id ?? ''
  })

  // Audited reads for 查询记录: a CSV export and a reveal of the document number, each with its purpose and sentence.
  const reasoned = async (action: string, data: Record<string, unknown>) =>
    okOr(`rental.${action}`, await police.call('rental', action, { ...data, purpose: 'inspection', reason: '季度出租屋登记核查' }))
  await step(notes, 'rental.exportCsv', () => reasoned('exportCsv', {}))
  if (checkinId) await step(notes, 'rental.reveal', () => reasoned('reveal', { id: checkinId }))

  let helpId = ''
  await step(notes, 'help.raise', async () => {
    const r = okOr('help.raise', await resident.call('help', 'raise', { idempotencyKey: idemKey(), kind: 'neighbour_dispute', text: '楼上装修到半夜，双方在楼道争吵', location: GRID1_POINT }))
    helpId = r.help.id
  })

  return { reportId, newcomerReportId, mediationId, checkinId, helpId, newcomerOpenid, notes }
}
