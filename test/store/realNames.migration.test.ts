/**
 * Real names stored in clear before they were sealed — mediation parties' names, the agreement's
 * text and terms, a join's correction note on the timeline, a proxy report's resident, a check-in's
 * tenant and cohabitants — sealed by SQLite's migrations on open (no clear copy left in the database, its WAL or free pages; the
 * timeline stays append-only afterwards), and on CloudBase by the district CLI's step
 * (sealClearNames) over the loopback fake. Either way the case reads as before in its own views.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { MIGRATIONS } from '../../backend/adapters/sqlite/migrations'
import { defaultDistrictConfig } from '../../backend/config/district'
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/runtime'
import { openNames } from '../../backend/usecases/mediation/names'
import { openProxy } from '../../backend/usecases/report/proxyPerson'
import { sealClearNames } from '../../backend/usecases/shared/clearNames'
import type { Case, TimelineEvent } from '../../src/core/case'
import type { MediationPayload } from '../../src/core/kinds/mediation'
import type { ReportPayload } from '../../src/core/kinds/reportTerms'
import { openCheckin, type CheckinPayload } from '../../src/core/kinds/checkin'
import { tenantNames } from '../../backend/usecases/rental/tenantNames'
import { quietSdkRuntime, runningFake, sdkApp } from '../cloudbase/sdkApp'
import { reportCase } from '../core/fixtures'
import { applicantParty, mediationCase, respondentParty, RESP1_ID } from '../core/mediationFixtures'

quietSdkRuntime()

const APPLICANT = '诸葛云舒'
const RESPONDENT = '欧阳景行'
const RESIDENT = '南宫秋月'
const RESIDENT_PHONE = '13644440404'
const TEXT = `人民调解协议书\n\n申请人：${APPLICANT}\n被申请人：${RESPONDENT}\n`

function clearMediation(id: string): Case {
  return mediationCase(
    'agreement_pending',
    {
      parties: [{ ...applicantParty(), name: APPLICANT }, { ...respondentParty(1, RESP1_ID, 'consented'), name: RESPONDENT }],
      agreement: { version: 1, text: TEXT, terms: [`${RESPONDENT}赔偿维修费 500 元`], draftedAt: new Date().toISOString(), confirmations: [] },
    },
    { id },
  )
}

function clearProxy(id: string): Case {
  return reportCase({ id }, { proxy: { name: RESIDENT, phone: RESIDENT_PHONE } })
}

const TENANT = '西门若水'
const COHABITANT = '西门若山'

function clearCheckin(id: string): Case {
  const payload: CheckinPayload = {
    buildingId: 'b-1',
    room: '101',
    name: TENANT,
    docType: 'id_card',
    docNumberMasked: '4401**********1235',
    cohabitants: [{ name: COHABITANT, relation: '兄弟' }],
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    consent: { version: '2026-12', at: new Date().toISOString() },
  }
  return openCheckin({ id, eventId: `${id}-e`, creatorId: 'tenant-1', idempotencyKey: `${id}-k`, gridCode: '440111001001', managerId: 'manager-1', now: new Date(), payload }).case
}

function expectTenantOpened(vault: Vault, c: Case): void {
  expect(c.payload).toMatchObject({ name: '西*水', cohabitants: [{ name: '西*山', relation: '兄弟' }] })
  expect(tenantNames(vault, c)).toEqual({ name: TENANT, cohabitants: [{ name: COHABITANT, relation: '兄弟' }] })
}

const payload = (c: Case) => c.payload as unknown as MediationPayload

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesUnder(p))
    else out.push(p)
  }
  return out
}

function expectOpened(vault: Vault, med: Case, report: Case): void {
  expect(payload(med).parties.map((p) => p.name)).toEqual(['诸*舒', '欧*行'])
  expect(payload(med).agreement!.text).not.toContain(APPLICANT)
  expect(payload(med).agreement!.terms).toEqual(['欧*行赔偿维修费 500 元'])
  const opened = payload(openNames(vault, med))
  expect(opened.parties.map((p) => p.name)).toEqual([APPLICANT, RESPONDENT])
  expect(opened.agreement).toMatchObject({ text: TEXT, terms: [`${RESPONDENT}赔偿维修费 500 元`] })
  const proxy = (report.payload as ReportPayload).proxy!
  expect(proxy).toMatchObject({ name: '南*月', phone: '136****0404' })
  expect(openProxy(vault, report.id, proxy)).toEqual({ name: RESIDENT, phone: RESIDENT_PHONE })
}

describe('the SQLite migration', () => {
  const version = MIGRATIONS.find((m) => m.name === 'real names sealed')!.version
  const tenantVersion = MIGRATIONS.find((m) => m.name === 'tenant names sealed')!.version

  it('seals clear names of existing cases and masks past correction notes; the timeline stays append-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-names-'))
    const [medId, reportId, checkinId] = ['01JNAMEOLD0000000000000001', '01JNAMEOLD0000000000000002', '01JNAMEOLD0000000000000003']
    // A database as the previous release left it: cases and a correction note written in clear.
    const note = `被申请人姓名由「楼下住户欧阳先生」更正为「${RESPONDENT}」`
    const e: TimelineEvent = { id: 'evt-old-join', caseId: medId, actorId: RESP1_ID, actorRole: 'respondent', action: 'join', fromStatus: 'accepted', toStatus: 'accepted', note, attachments: [], at: new Date().toISOString(), visibility: 'internal' }
    const before = openSqliteStore(dir)
    await before.transaction(async (tx) => {
      await tx.insertCase(clearMediation(medId))
      await tx.insertCase(clearProxy(reportId))
      await tx.insertCase(clearCheckin(checkinId))
      await tx.appendEvent(e)
    })
    await before.close()
    const raw = new Database(join(dir, DB_FILE_NAME))
    raw.prepare('DELETE FROM schema_migrations WHERE version IN (?, ?)').run(version, tenantVersion)
    raw.close()
    expect(filesUnder(dir).some((f) => readFileSync(f).includes(Buffer.from(RESPONDENT)))).toBe(true)

    const store = openSqliteStore(dir)
    const vault = new Vault(loadPiiKey(process.env, { dataDir: dir })!)
    expectOpened(vault, (await store.getCase(medId))!, (await store.getCase(reportId))!)
    expectTenantOpened(vault, (await store.getCase(checkinId))!)
    expect((await store.timeline(medId)).find((x) => x.id === 'evt-old-join')!.note).toBe('被申请人姓名由「楼*生」更正为「欧*行」')
    await store.close()
    const check = new Database(join(dir, DB_FILE_NAME))
    expect(() => check.prepare("UPDATE timeline SET note = 'x' WHERE id = 'evt-old-join'").run()).toThrow('timeline is append-only')
    check.close()

    const found = filesUnder(dir).filter((f) => [APPLICANT, RESPONDENT, RESIDENT, RESIDENT_PHONE, '楼下住户', TENANT, COHABITANT].some((s) => readFileSync(f).includes(Buffer.from(s))))
    expect(found).toEqual([])
  })
})

describe('the CloudBase step (npm run district -- seal-names)', () => {
  const fake = runningFake()

  it('seals every clear case once, keeps its version, and refuses without the key', async () => {
    const store = new CloudbaseStore(sdkApp(fake()).database(), { retryDelayMs: 5 })
    const vault = new Vault(Buffer.alloc(32, 9))
    const d = { mode: 'cloudbase', store, vault, config: defaultDistrictConfig(), clock: { now: () => new Date() } } as unknown as Deps
    const [medId, reportId, checkinId] = ['01JNAMECB00000000000000001', '01JNAMECB00000000000000002', '01JNAMECB00000000000000003']
    await store.transaction((tx) => tx.insertCase(clearMediation(medId)))
    await store.transaction((tx) => tx.insertCase(clearProxy(reportId)))
    await store.transaction((tx) => tx.insertCase(clearCheckin(checkinId)))
    expect(await sealClearNames({ ...d, vault: undefined })).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    expect(await sealClearNames(d)).toEqual({ scanned: 3, sealed: 3 })
    expect(await sealClearNames(d)).toEqual({ scanned: 3, sealed: 0 })
    expectTenantOpened(vault, (await store.getCase(checkinId))!)
    const med = (await store.getCase(medId))!
    expect(med.version).toBe(clearMediation(medId).version)
    expectOpened(vault, med, (await store.getCase(reportId))!)
    const stored = JSON.stringify([...fake().db.collections.values()].flatMap((c) => [...c.values()]))
    for (const s of [APPLICANT, RESPONDENT, RESIDENT, RESIDENT_PHONE, TENANT, COHABITANT]) expect(stored).not.toContain(s)
  })
})
