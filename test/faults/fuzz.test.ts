/**
 * Bad input (issue 7): every action of every deployed cloud function, fed generated payloads —
 * wrong types, missing and extra fields, huge strings, unicode edge cases, prototype keys at the
 * top and nested, hostile numbers and coordinates, arrays for objects, and valid payloads with
 * one field broken — as a signed-in resident and as a grid worker.
 *
 * Every answer must be an object; a refusal must carry a stable code (never INTERNAL) and a
 * Chinese message; no call may pollute the built-in prototypes; and a refused call must leave
 * the database exactly as it was.
 *
 * Runs per action: FUZZ_RUNS (default 150 for `npm test`; `FUZZ_RUNS=1500 jest test/faults` for
 * the long run), raised for a function with few actions until it gets FUZZ_MIN_INPUTS inputs in all
 * (`npm run test:faults` asks for 10,000 per function). FUZZ_SEED replays a run.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { LocalSessions } from '../../backend/adapters/local/session'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { defaultDistrictConfig } from '../../backend/config/district'
import type { Store } from '../../backend/ports'
import { DEMO_STREET, demoUnits } from '../../backend/seed/demoOrg'
import { seedDemo } from '../../backend/seed/seed'
import { carriesCaller } from '../../backend/functions/timerMain'
import { carriesNonWechatCaller } from '../../backend/functions/mediaCheckPush'
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { AUDIT_PURPOSES, auditReasonProblem } from '../../src/core/auditReason'
import { CASE_EVENT_NAMES } from '../../src/core/caseEvents'
import { GRID1_CODE, GRID1_POINT, idemKey, TINY_AAC, TINY_JPEG } from '../support/fixtures'
import { gridAskInput } from '../support/creates'
import { applyInput } from '../support/mediation'
import { ROOT } from '../support/server'
import { HTTP_MOUNTS } from '../../backend/functions/httpMounts'
import { recordFaults } from '../support/faultReport'
import { districtConfigFile } from '../support/districtConfig'
import {
  A,
  B,
  N,
  O,
  S,
  anyEvent,
  answerProblem,
  nasty,
  protoChanges,
  protoSnapshot,
  refusedEvent,
  short,
  validData,
  type FieldSpec,
  type Model,
  type Payload,
} from '../support/fuzz'

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 150) || 150)
/** One seed for every property, printed in the summary: FUZZ_SEED=<it> replays the whole file. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
/** Generous per-test limit: the long run does ten times the work of the default. */
const TEST_TIMEOUT = Math.max(60_000, RUNS * 400)
/** Inputs every function must get in all (0: no minimum). */
const MIN_INPUTS = Math.max(0, Number(process.env.FUZZ_MIN_INPUTS ?? 0) || 0)

type Main = (event: unknown, context: unknown) => Promise<unknown>

// ---------------------------------------------------------------------------------------------
// Pools of real values, filled in beforeAll from calls that really succeed, so that
// valid-shaped payloads reach the use cases and not only the schemas.

const cfg = defaultDistrictConfig()
const pools = {
  caseIds: [] as string[],
  mediationIds: [] as string[],
  announcementIds: [] as string[],
  fileIds: [] as string[],
  registrationIds: [] as string[],
  buildingIds: [DEMO_BUILDING_ID] as string[],
}
const gridCodes = demoUnits().filter((u) => u.level === 'grid').map((u) => u.code)
const leafCategories = cfg.categories.filter((c) => c.parent !== null).map((c) => c.code)
const departments = cfg.departments.map((d) => d.code)
const committees = cfg.mediation.committees.map((c) => c.code)
const USERS = ['demo-resident', 'demo-resident-2', 'demo-grid-worker', 'demo-grid-worker-2', 'demo-dispatcher', 'demo-mediator', 'demo-admin', 'nobody']

/** A real id from the pool (read when generated, so it sees ids made in beforeAll) or a fresh ULID. */
function idFrom(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((i) => pool[i % Math.max(1, pool.length)] ?? '01ARZ3NDEKTSV4RRFFQ69G5FAV') },
    { weight: 1, arbitrary: fc.ulid() },
  )
}
const caseId = idFrom(pools.caseIds)
const mediationId = idFrom(pools.mediationIds)
const announcementId = idFrom(pools.announcementIds)
const fileId = idFrom(pools.fileIds)
const registrationId = idFrom(pools.registrationIds)
const buildingId = idFrom(pools.buildingIds)
const anyId = fc.oneof(caseId, mediationId, announcementId)

const lng = fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 113.318, max: 113.336, noNaN: true }), fc.constant(GRID1_POINT.lng))
const lat = fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: 23.179, max: 23.191, noNaN: true }), fc.constant(GRID1_POINT.lat))
const key = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max }).filter((s) => s.trim().length >= min)
const han = (min: number, max: number) => fc.constantFrom('楼下垃圾堆了三天没人清理', '路灯坏了一个多星期', '噪音扰民严重影响休息', '请问社区活动室几点开放？', '邻居装修每天很早开始施工').map((s) => s.slice(0, max).padEnd(min, '。'))
const phone = fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^0\d{2,3}-?\d{7,8}$/))
const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const grid = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...gridCodes) }, { weight: 1, arbitrary: fc.stringMatching(/^\d{6,20}$/) })
const version = fc.integer({ min: 1, max: 8 })
const statuses = fc.array(fc.constantFrom('submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'merged', 'applied', 'mediating', 'agreed'), { maxLength: 4 })
const reportActions = fc.oneof(fc.constantFrom('accept', 'assign', 'start', 'resolve', 'confirm', 'reopen', 'auto_close', 'reject', 'merge', 'escalate', 'mark_overdue', 'note', 'to_mediation', 'follow_up'), fc.stringMatching(/^[a-z_]{2,32}$/))
const mediationActions = fc.oneof(
  fc.constantFrom('accept', 'apply', 'confirm_agreement', 'consent', 'decline', 'draft_agreement', 'fail', 'invite', 'join', 'prepare_judicial', 'confirm_judicial', 'record_judicial', 'record_referral', 'mark_overdue', 'rate', 'reassign', 'record_session', 'reject', 'remind', 'schedule', 'video_join', 'video_leave', 'pass_up', 'invite_helper', 'remove_helper', 'rate_helper'),
  fc.stringMatching(/^[a-z_]{2,32}$/),
)
const location = fc.record({ lng, lat, address: fc.oneof(han(1, 120), text(1, 120)) })
const queueFilter: Model = {
  statuses: A(statuses, true),
  category: S(fc.constantFrom(...leafCategories), true),
  gridCode: S(grid, true),
  overdue: B(true),
  mine: B(true),
  from: S(day, true),
  to: S(day, true),
}
const submitReport: Model = {
  idempotencyKey: S(key),
  category: S(fc.oneof(fc.constantFrom(...leafCategories), text(1, 16))),
  description: S(fc.oneof(han(5, 500), text(5, 500), fc.constant(''))),
  voiceFileId: S(fileId, true),
  photos: A(fc.array(fileId, { maxLength: 2 })),
  location: O(location),
  anonymous: B(),
}
/** 联系电话 is the resident's own form only; 代办 asks the resident's phone in `proxy`. */
const submitOwnReport: Model = { ...submitReport, contactPhone: S(phone, true), contactFromProfile: B(true) }
const page: Model = { before: S(anyId, true), limit: N(fc.integer({ min: 1, max: 50 }), true) }
const dateRange: Model = { from: S(day, true), to: S(day, true) }
const gridOnly: Model = { code: S(grid) }
const annId: Model = { id: S(announcementId) }

const userIdArb = fc.oneof(fc.constantFrom(...USERS), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/))
const geojson = fc.oneof(fc.constant(JSON.stringify({ type: 'FeatureCollection', features: [] })), fc.constant(readFileSync(join(ROOT, 'settings/samples/jingxi-grids.geojson'), 'utf8')), text(2, 200))
const staffCsv = fc.constantFrom('5aeT5ZCNLOaJi+acuizop5LoibIs5Y2V5L2N57yW56CBCuael+aZkywxMzkwMDAwMDQwMSznvZHmoLzlkZgsNDQwMTExMDEwMDAxMDAxCg==', 'eA==')
/** A committees table: a clean one (preview only is sure to write nothing), one with a bad unit, and one byte. */
const committeeCsv = fc.constantFrom(
  Buffer.from('名称,级别,单位编码,受理类型,编号前缀\n云景社区人民调解委员会,社区,440111010001,全部,云景\n').toString('base64'),
  Buffer.from('名称,级别,单位编码\n甲,街道,999\n').toString('base64'),
  'eA==',
)
const partnerName = fc.oneof(fc.constantFrom('市网格化平台', '广州市12345政务服务便民热线'), text(1, 40))
const webhookUrl = fc.oneof(fc.constantFrom('https://data.example.gov.cn/hooks/jiefang', 'http://127.0.0.1:9/h', 'http://localhost:8080/h'), fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 500))
const caseEvents = fc.uniqueArray(fc.constantFrom(...CASE_EVENT_NAMES), { minLength: 1, maxLength: CASE_EVENT_NAMES.length })
const eventSelection = fc.oneof(fc.constant({ report: ['accepted'] }), fc.record({ report: caseEvents, mediation: caseEvents, help: caseEvents }, { requiredKeys: ['report'] }))
const staffRole = fc.constantFrom('building_manager', 'grid_worker', 'mediator', 'dispatcher', 'department', 'police', 'admin')

/** Every action of every function, with the shape of its valid payload. */
const checkinStatuses = fc.array(fc.constantFrom('pending', 'active', 'refused', 'checked_out', 'purged'), { maxLength: 3 })
const buildingCode = fc.oneof(fc.constant(DEMO_BUILDING_CODE), fc.stringMatching(/^[0-9A-Z]{6,16}$/))
const docNumber = fc.oneof(fc.constantFrom('11010519491231002X', '440106199001011235', '11010519491231002x', '440106199002301238', 'E12345678', 'USA440190101234', '810000199001010019'), text(1, 32))
// An audited read's sentence: at least 5 characters, not one repeated (src/core/auditReason.ts).
const reason = fc.oneof(fc.constantFrom('入户走访核实身份', '季度出租屋核查'), text(5, 200).filter((x) => auditReasonProblem(x) === ''))
const purpose = fc.constantFrom(...AUDIT_PURPOSES)
/** A 代办 form's declaration: the schema takes only a ticked box. */
const ticked: FieldSpec = { kind: 'boolean', valid: fc.constant(true) }
const checkInModel: Model = {
  idempotencyKey: S(key),
  buildingCode: S(buildingCode),
  room: S(fc.oneof(fc.constantFrom('101', '502', '909'), text(1, 20))),
  name: S(fc.oneof(fc.constantFrom('刘洋', '王芳'), text(2, 40))),
  docType: S(fc.constantFrom('id_card', 'hkmt_residence', 'foreign_permanent', 'passport')),
  docNumber: S(docNumber),
  phone: S(fc.oneof(phone, text(1, 20))),
  moveInDate: S(day),
  leaseEnd: S(day),
  cohabitants: A(fc.array(fc.record({ name: fc.oneof(fc.constant('王芳'), text(1, 40)), relation: fc.constantFrom('配偶', '子女', '朋友') }), { maxLength: 3 })),
  consent: O(fc.record({ purpose: fc.constant(true), sensitive: fc.constant(true), version: fc.constantFrom('2026-12', 'v1') })),
}
const rental: Record<string, Model> = {
  building: { code: S(buildingCode) },
  checkIn: checkInModel,
  mine: {},
  // 代办登记: the tenant's fields and the agent's declaration (valid only when ticked).
  proxyBuildings: {},
  proxyCheckIn: { ...checkInModel, declaration: ticked },
  update: { id: S(registrationId), version: N(version), phone: S(phone, true), leaseEnd: S(day, true) },
  checkOut: { id: S(registrationId), version: N(version), note: S(text(0, 200), true) },
  registerBuilding: {
    idempotencyKey: S(key),
    name: S(fc.oneof(fc.constant('云景路 20 号'), text(2, 40))),
    address: S(fc.oneof(fc.constant('广州市白云区云景路 20 号'), text(4, 120))),
    location: O(fc.record({ lng, lat })),
    floors: N(fc.integer({ min: 1, max: 200 })),
    rooms: A(fc.array(fc.oneof(fc.constantFrom('101', '102'), text(1, 20)), { minLength: 1, maxLength: 5 })),
  },
  myBuildings: {},
  buildingQr: { buildingId: S(buildingId) },
  registrations: { buildingId: S(buildingId), statuses: A(checkinStatuses, true) },
  decide: { id: S(registrationId), version: N(version), approve: B(), reason: S(text(0, 200), true) },
  inspectionItems: {},
  inspect: {
    idempotencyKey: S(key),
    buildingId: S(buildingId),
    items: A(fc.array(fc.record({ code: fc.oneof(fc.constantFrom(...cfg.rental.fireChecklist.map((x) => x.code)), text(1, 32)), passed: fc.boolean() }), { minLength: 1, maxLength: 8 })),
    photos: A(fc.array(fileId, { maxLength: 2 })),
  },
  inspections: { buildingId: S(buildingId) },
  overdueInspections: { street: S(fc.oneof(fc.constant(DEMO_STREET), fc.stringMatching(/^\d{6,20}$/)), true) },
  area: { statuses: A(checkinStatuses, true), buildingId: S(buildingId, true), q: S(fc.oneof(docNumber, text(0, 40)).filter((x) => x.trim().length <= 40), true), purpose: S(purpose, true), reason: S(fc.oneof(reason, text(0, 200)), true), before: S(registrationId, true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
  reportMisuse: {
    idempotencyKey: S(key),
    buildingCode: S(buildingCode),
    docType: S(fc.constantFrom('id_card', 'hkmt_residence', 'foreign_permanent', 'passport')),
    docNumber: S(docNumber),
    note: S(fc.oneof(fc.constant('有人冒用我的证件登记了'), text(5, 500))),
  },
  closeDispute: { id: S(registrationId), version: N(version), note: S(fc.oneof(fc.constant('已入户核实'), text(2, 200))) },
  reveal: { id: S(registrationId), purpose: S(purpose), reason: S(reason) },
  exportCsv: { purpose: S(purpose), reason: S(reason), statuses: A(checkinStatuses, true) },
  audit: { before: S(fc.ulid(), true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
}

/** A voice note's first bytes (ADTS AAC), as the weapp recorder writes them. */
const AAC_HEAD = TINY_AAC.toString('base64')
const helpKind = fc.constantFrom('neighbour_dispute', 'family', 'danger', 'other')
const community = fc.oneof(fc.constantFrom('440111010001', '440111010002', DEMO_STREET), fc.stringMatching(/^\d{6,20}$/))
const clockTime = fc.oneof(fc.constantFrom('00:00', '08:30', '17:30', '22:00', '24:00'), fc.stringMatching(/^\d{2}:\d{2}$/))
const shift = fc.record({ days: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 7 }), from: clockTime, to: clockTime })
const raiseModel: Model = { idempotencyKey: S(key), kind: S(helpKind), text: S(fc.oneof(han(1, 200), text(0, 200)), true), voiceFileId: S(fileId, true), location: O(fc.record({ lng, lat })) }
const help: Record<string, Model> = {
  raise: raiseModel,
  // 代为求助: the person with the agent, named with a phone, and the agent's declaration.
  proxyRaise: { ...raiseModel, proxy: O(fc.record({ name: fc.oneof(fc.constantFrom('王秀英', '赵一鸣'), text(1, 20)), phone })), declaration: ticked },
  mine: page,
  get: { id: S(caseId) },
  accept: { id: S(caseId), version: N(version, true) },
  close: { id: S(caseId), version: N(version, true), note: S(fc.oneof(han(1, 500), text(1, 500))) },
  convert: {
    id: S(caseId),
    version: N(version, true),
    to: S(fc.constantFrom('mediation', 'report')),
    note: S(text(0, 500), true),
    mediation: O(
      fc.record({
        disputeType: fc.constantFrom('neighbour', 'family', 'other'),
        applicantName: fc.oneof(fc.constant('陈小梅'), text(1, 20)),
        applicantPhone: phone,
        respondents: fc.array(fc.record({ name: fc.oneof(fc.constant('黄伟明'), text(1, 20)), phone }), { minLength: 1, maxLength: 3 }),
        facts: fc.oneof(fc.constant('楼上邻居夜间装修噪音，多次沟通无果，双方争吵'), text(10, 2000)),
        claims: fc.oneof(fc.constant('晚上十点后停止施工'), text(5, 1000)),
      }),
      true,
    ),
    report: O(fc.record({ category: fc.oneof(fc.constantFrom(...leafCategories), text(1, 32)), description: fc.oneof(han(5, 500), text(5, 500)) }), true),
  },
  queue: { statuses: A(fc.array(fc.constantFrom('raised', 'taken', 'escalated', 'closed', 'submitted'), { maxLength: 4 }), true), before: S(caseId, true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
  live: { since: S(fc.date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), true) },
  roster: { communityCode: S(community) },
  saveRoster: { communityCode: S(community), entries: A(fc.array(fc.record({ userId: fc.constantFrom(...USERS), shifts: fc.array(shift, { minLength: 1, maxLength: 3 }) }), { maxLength: 4 })) },
  importRoster: {
    fileName: S(fc.constantFrom('值班表.csv', '值班表.xlsx', 'a.xls')),
    contentBase64: S(fc.oneof(fc.constant(Buffer.from('社区编码,手机,姓名,值班日,开始,结束\n440111010001,020-87701001,李明,每天,00:00,24:00\n').toString('base64')), fc.constant('eA=='), fc.base64String({ minLength: 4, maxLength: 200 }))),
    dryRun: B(),
  },
}

const MODELS: Record<string, Record<string, Model>> = {
  session: { me: {}, bind: { code: S(fc.oneof(fc.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), text(1, 32))) } },
  reports: {
    categories: {},
    locate: { lng: N(lng), lat: N(lat) },
    gridMap: { lng: N(lng, true), lat: N(lat, true) },
    submit: submitOwnReport,
    mine: page,
    get: { id: S(caseId) },
    duplicates: { category: S(fc.constantFrom(...leafCategories)), lng: N(lng), lat: N(lat) },
    follow: { id: S(caseId) },
    confirm: { id: S(caseId), version: N(version), rating: N(fc.integer({ min: 1, max: 5 })), comment: S(text(0, 300), true) },
    reopen: { id: S(caseId), version: N(version), note: S(han(2, 500)) },
  },
  files: {
    upload: { contentBase64: S(fc.oneof(fc.constant(TINY_JPEG.toString('base64')), fc.base64String({ minLength: 4, maxLength: 400 }))), contentType: S(fc.constantFrom('image/jpeg', 'image/png', 'image/webp')) },
    ticket: { contentType: S(fc.constantFrom('image/jpeg', 'image/png', 'image/webp')) },
    register: { cloudFileId: S(fc.stringMatching(/^cloud:\/\/[\w.\-/]{1,60}$/)), contentType: S(fc.constantFrom('image/jpeg', 'image/png', 'image/webp')), size: N(fc.integer({ min: 1, max: 6_000_000 })) },
    uploadVoice: { contentBase64: S(fc.oneof(fc.constant(AAC_HEAD), fc.constant(TINY_JPEG.toString('base64')), fc.base64String({ minLength: 4, maxLength: 400 }))) },
  },
  cases: {
    queue: { ...queueFilter, before: S(caseId, true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
    get: { id: S(caseId) },
    act: {
      id: S(caseId),
      action: S(reportActions),
      version: N(version),
      note: S(han(1, 500), true),
      attachments: A(fc.array(fileId, { maxLength: 2 }), true),
      assigneeId: S(fc.constantFrom(...USERS), true),
      department: S(fc.constantFrom(...departments), true),
      targetCaseId: S(caseId, true),
      rating: N(fc.integer({ min: 1, max: 5 }), true),
      comment: S(text(0, 300), true),
      satisfaction: S(fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied'), true),
      noteVisibility: S(fc.constantFrom('public', 'internal'), true),
    },
    bulkAssign: { ids: A(fc.array(caseId, { minLength: 1, maxLength: 5 })), assigneeId: S(fc.constantFrom(...USERS), true), department: S(fc.constantFrom(...departments), true) },
    proxySubmit: { ...submitReport, proxy: O(fc.record({ name: fc.oneof(fc.constantFrom('黄伟明', '王阿姨'), text(1, 20)), phone })) },
    assignees: {},
    stats: queueFilter,
    exportCsv: queueFilter,
    moderationQueue: { before: S(caseId, true), limit: N(fc.integer({ min: 1, max: 50 }), true) },
    moderate: {
      id: S(caseId),
      version: N(version),
      target: S(fc.constantFrom('description', 'photo', 'report')),
      fileId: S(fileId, true),
      decision: S(fc.constantFrom('publish', 'hide', 'redact', 'unhide')),
      text: S(han(1, 500), true),
      reason: S(fc.oneof(fc.constantFrom('人脸', '车牌', '其他'), han(1, 200)), true),
    },
  },
  inbox: {
    list: { before: S(fc.oneof(anyId, text(0, 100)), true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
    markRead: { ids: A(fc.array(fc.oneof(anyId, text(0, 100)), { maxLength: 5 }), true), all: B(true) },
    templates: {},
    subscribe: { accepted: A(fc.array(fc.oneof(fc.constantFrom('case_status', 'case_assigned', 'mediation_update'), text(0, 64)), { maxLength: 10 })) },
  },
  mediation: {
    options: {},
    apply: {
      idempotencyKey: S(key),
      disputeType: S(fc.constantFrom('neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other')),
      streetCode: S(fc.oneof(fc.constant(DEMO_STREET), text(1, 32))),
      applicantName: S(fc.oneof(fc.constant('陈小梅'), text(1, 20))),
      applicantPhone: S(phone),
      respondents: A(fc.array(fc.record({ name: fc.oneof(fc.constant('黄伟明'), text(1, 20)), phone }), { minLength: 1, maxLength: 5 })),
      facts: S(fc.oneof(fc.constant('婚后因子女抚养费问题多次争吵，双方协商未果，希望调解'), text(10, 2000))),
      claims: S(fc.oneof(fc.constant('每月支付子女抚养费 2000 元'), text(5, 1000))),
      voiceFileId: S(fileId, true),
      evidence: A(fc.array(fileId, { maxLength: 2 })),
      preferredWay: S(fc.constantFrom('online', 'in_person')),
    },
    mine: page,
    get: { id: S(mediationId) },
    invitation: { invite: S(fc.oneof(fc.tuple(mediationId, fc.stringMatching(/^[A-Z2-9]{8}$/)).map(([i, s]) => `${i}-${s}`), fc.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/), text(8, 64))) },
    inviteQr: { invite: S(fc.oneof(fc.tuple(mediationId, fc.stringMatching(/^[A-Z2-9]{8}$/)).map(([i, s]) => `${i}-${s}`), fc.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/), text(8, 64))) },
    join: {
      invite: S(fc.oneof(fc.tuple(mediationId, fc.stringMatching(/^[A-Z2-9]{8}$/)).map(([i, s]) => `${i}-${s}`), text(10, 64))),
      name: S(fc.oneof(fc.constant('黄伟明'), text(1, 20))),
      consent: B(),
      reason: S(fc.oneof(fc.constant('已通过物业解决'), text(1, 200)), true),
    },
    act: {
      id: S(mediationId),
      action: S(mediationActions),
      version: N(version),
      note: S(han(1, 1000), true),
      mediatorId: S(fc.constantFrom(...USERS), true),
      helperId: S(fc.oneof(fc.constantFrom('demo-helper', ...USERS), text(1, 64)), true),
      session: O(fc.record({ at: fc.date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), mode: fc.constantFrom('online', 'in_person', 'video'), place: text(1, 200) }), true),
      sessionId: S(text(0, 64), true),
      terms: A(fc.array(han(1, 500), { minLength: 1, maxLength: 3 }), true),
      agreementVersion: N(fc.integer({ min: 1, max: 5 }), true),
      referral: S(fc.constantFrom('court', 'arbitration', 'administrative', 'police', 'petition'), true),
      answer: S(fc.constantFrom('accepted', 'confirmed', 'dismissed', 'received', 'handled', 'returned'), true),
      rating: N(fc.integer({ min: 1, max: 5 }), true),
      comment: S(text(0, 300), true),
    },
    messages: { id: S(mediationId), after: S(anyId, true) },
    send: { id: S(mediationId), text: S(fc.oneof(han(1, 1000), text(1, 1000))), photos: A(fc.array(fileId, { maxLength: 2 })) },
    queue: { statuses: A(statuses, true), disputeType: S(fc.constantFrom('neighbour', 'family', 'other'), true), mine: B(true), before: S(mediationId, true), limit: N(fc.integer({ min: 1, max: 100 }), true) },
    mediators: { committee: S(fc.oneof(fc.constantFrom(...committees), text(0, 32)), true) },
    ledger: dateRange,
    ledgerCsv: dateRange,
    helpers: { id: S(mediationId) },
    helping: page,
    // 录入纠纷 (三捕三捉) and 转为调解 of a 网格事件.
    intakeOptions: {},
    intake: {
      idempotencyKey: S(key),
      source: S(fc.oneof(fc.constantFrom('patrol', 'hotline_12345', 'police', 'opinion'), text(1, 20))),
      sourceRef: S(fc.oneof(fc.constant('GD2026120001'), text(0, 40)), true),
      disputeType: S(fc.constantFrom('neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other')),
      placeCode: S(fc.oneof(grid, fc.constantFrom('440111010001', DEMO_STREET))),
      parties: A(fc.array(fc.record({ name: fc.oneof(fc.constant('黄伟明'), text(1, 20)), phone }), { minLength: 1, maxLength: 7 })),
      facts: S(fc.oneof(fc.constant('楼上邻居夜间装修噪音，多次沟通无果，双方争吵'), text(10, 2000))),
      claims: S(fc.oneof(fc.constant('晚上十点后停止施工'), text(5, 1000))),
      evidence: A(fc.array(fileId, { maxLength: 2 })),
      preferredWay: S(fc.constantFrom('online', 'in_person')),
    },
    fromReport: {
      idempotencyKey: S(key),
      id: S(caseId),
      version: N(version),
      disputeType: S(fc.constantFrom('neighbour', 'family', 'other')),
      applicantName: S(fc.oneof(fc.constant('陈小梅'), text(1, 20))),
      applicantPhone: S(phone),
      respondents: A(fc.array(fc.record({ name: fc.oneof(fc.constant('黄伟明'), text(1, 20)), phone }), { minLength: 1, maxLength: 6 })),
      facts: S(fc.oneof(fc.constant('楼上每晚十一点后还在拖动家具，多次沟通无果'), text(10, 2000))),
      claims: S(fc.oneof(fc.constant('晚上十点后保持安静'), text(5, 1000))),
      consentNote: S(fc.oneof(fc.constant('已电话征得报事人同意'), text(1, 500))),
      preferredWay: S(fc.constantFrom('online', 'in_person')),
    },
  },
  // 视频调解: one video session of one case.
  voip: {
    sign: { id: S(mediationId), sessionId: S(fc.oneof(mediationId, text(1, 64))) },
    joined: { id: S(mediationId), sessionId: S(fc.oneof(mediationId, text(1, 64))) },
    left: { id: S(mediationId), sessionId: S(fc.oneof(mediationId, text(1, 64))) },
  },
  admin: {
    units: {},
    planOrg: { geojson: S(geojson), units: S(geojson, true) },
    applyOrg: { geojson: S(geojson), units: S(geojson, true), fingerprint: S(fc.stringMatching(/^[0-9a-f]{32}$/)) },
    importStaff: { fileName: S(fc.constantFrom('staff.csv', '名单.xlsx', 'a.xls')), contentBase64: S(staffCsv), dryRun: B(), allOrNothing: B() },
    importBuildings: { fileName: S(fc.constantFrom('buildings.csv', '楼栋.xlsx')), contentBase64: S(staffCsv), dryRun: B(), allOrNothing: B() },
    importCommittees: { fileName: S(fc.constantFrom('committees.csv', '调解委员会.xlsx', 'a.xls')), contentBase64: S(committeeCsv), dryRun: B() },
    addStaff: { name: S(fc.oneof(fc.constant('林晓'), text(1, 20))), phone: S(phone), role: S(staffRole), unitCode: S(grid), committee: S(fc.constantFrom(...committees), true), department: S(fc.constantFrom(...departments), true) },
    staff: {},
    revokeStaff: { userId: S(userIdArb) },
    invite: { userId: S(userIdArb), validHours: N(fc.integer({ min: 1, max: 720 }), true) },
    invitations: { userId: S(userIdArb, true) },
    revokeInvitation: { id: S(anyId) },
    config: {},
    saveConfig: { config: O(fc.constant(cfg as unknown as Record<string, unknown>)), baseVersion: N(fc.integer({ min: 0, max: 5 })) },
    configHistory: {},
    deadLetters: {},
  },
  // 对外接口: the district admin's only (the fuzz's resident and grid worker are refused after the schema).
  integrations: {
    partners: {},
    issueKey: { name: S(partnerName) },
    addHotline: { name: S(partnerName), webhookUrl: S(webhookUrl) },
    revokePartner: { id: S(fc.ulid()) },
    subscriptions: {},
    subscribe: { name: S(partnerName), url: S(webhookUrl), events: O(eventSelection) },
    revokeSubscription: { id: S(fc.ulid()) },
    deliveries: {
      target: O(fc.oneof(fc.constant('access'), fc.record({ subscriptionId: fc.ulid() }), fc.record({ partnerId: fc.ulid() }))),
      before: S(fc.tuple(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }), fc.ulid()).map(([d, id]) => `${d.toISOString()}|${id}`), true),
    },
  },
  grid: {
    find: { lng: N(lng, true), lat: N(lat, true), q: S(fc.oneof(fc.constantFrom('云景', '京溪', '第1网格'), text(0, 40)), true) },
    board: gridOnly,
    join: { code: S(grid), building: S(fc.oneof(fc.constantFrom('3栋 502', 'A座1203'), text(0, 40)), true) },
    leave: gridOnly,
    announcements: { before: S(announcementId, true), limit: N(fc.integer({ min: 1, max: 50 }), true) },
    markRead: annId,
    ask: { code: S(grid), idempotencyKey: S(key), question: S(fc.oneof(han(5, 500), text(5, 500), fc.constant(''))), voiceFileId: S(fileId, true) },
    saveBoard: {
      code: S(grid),
      scope: S(text(0, 500)),
      households: N(fc.integer({ min: 0, max: 100_000 })),
      team: A(fc.array(fc.record({ role: fc.constantFrom('leader', 'full_time', 'volunteer', 'police'), name: fc.oneof(fc.constant('李明'), text(1, 20)), phone: fc.option(phone) }), { maxLength: 3 })),
      services: A(fc.array(text(1, 60), { maxLength: 3 })),
      officeHours: S(text(0, 100)),
      joinPolicy: S(fc.constantFrom('open', 'approval')),
    },
    setQr: { code: S(grid), fileId: S(fileId) },
    boardQr: { code: S(grid) },
    members: { code: S(grid), status: S(fc.constantFrom('requested', 'joined', 'refused', 'left'), true) },
    decide: { code: S(grid), userId: S(fc.constantFrom(...USERS)), approve: B() },
    publish: {
      idempotencyKey: S(key),
      type: S(fc.constantFrom('notice', 'activity', 'reminder', 'emergency')),
      title: S(fc.oneof(fc.constant('停水通知'), text(2, 40))),
      body: S(fc.oneof(fc.constant('明天上午九点至十二点停水，请提前储水。'), text(5, 2000))),
      target: O(
        fc.oneof(
          fc.record({ kind: fc.constant('grids'), codes: fc.array(grid, { minLength: 1, maxLength: 3 }) }),
          fc.record({ kind: fc.constantFrom('community', 'street'), code: fc.oneof(fc.constantFrom('440111010001', DEMO_STREET), text(0, 20)) }),
        ),
      ),
    },
    published: { before: S(announcementId, true) },
    receipts: annId,
    remindUnread: annId,
    overview: { street: S(fc.oneof(fc.constant(DEMO_STREET), text(0, 20)), true) },
  },
  rental,
  help,
  account: {
    profile: {},
    update: { nickname: S(fc.oneof(fc.constantFrom('小梅', '街坊老王'), text(1, 20).filter((s) => !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(s) && /[^\s\p{Cf}]/u.test(s))), true), avatar: { ...S(fileId, true), nullable: true } },
    setPhone: { phone: S(phone) },
    removePhone: {},
    privacy: {},
    consent: { version: N(fc.integer({ min: 1, max: 3 })) },
    export: {},
    // Never the word itself: a deletion would end the fuzz's resident for every later call (the
    // HTTP and matrix suites delete).
    delete: { confirm: S(fc.oneof(fc.constantFrom('删除', '注 销', '注销账号'), text(0, 8)).filter((x) => x !== '注销')) },
    // 认领代办事项: the caller's own phone decides; an id of anything at all.
    proxiedCases: {},
    claimProxied: { id: S(caseId) },
  },
}

// 代办申请调解: the person's own application (as mediation.apply takes it) inside, with the declaration.
MODELS.mediation!.proxyApply = { declaration: B(), application: O(validData(MODELS.mediation!.apply!)) }

/**
 * A refusal by the function boundary's schema (backend/functions/validate.ts words it
 * "<first field>：<its problem>"), as opposed to a use case's own VALIDATION (unknown category…).
 */
function boundaryRefusal(r: Record<string, unknown>): boolean {
  const details = r.details as Record<string, string> | undefined
  const first = details && Object.entries(details)[0]
  return r.code === 'VALIDATION' && !!first && r.message === (first[0] === '_' ? first[1] : `${first[0]}：${first[1]}`)
}

/** The action names a function's source declares (`name: action(...)` in defineFunction). */
function declaredActions(fn: string): string[] {
  const src = readFileSync(join(ROOT, 'backend/functions', `${fn}.ts`), 'utf8')
  return [...src.matchAll(/^\s+([A-Za-z_$][\w$]*)\s*:\s*action\s*\(/gm)].map((m) => m[1]!)
}

// ---------------------------------------------------------------------------------------------

type Caller = 'resident' | 'grid'
interface Stats {
  inputs: number
  /** Answers that broke the contract (threw, INTERNAL, no Chinese message, wrote when refused). */
  crashes: number
  calls: number
  ok: number
  refused: Record<string, number>
  longestMessage: number
}

/** Timer functions take no input; they are fuzzed for their contract apart from the models. */
const TIMERS = ['sla-timer', 'rental-timer']
const fnRoot = join(ROOT, 'cloudfunctions')
// HTTP functions (Open311, 12345) take no caller and no action: their own HTTP suites refuse what is malformed.
const deployed = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'package.json')) && !HTTP_MOUNTS.some((m) => m.fn === n))
const stats: Record<string, Stats> = {}
const statsFor = (fn: string) => (stats[fn] ??= { inputs: 0, crashes: 0, calls: 0, ok: 0, refused: {}, longestMessage: 0 })

let dataDir: string
let store: Store
let raw: Database.Database
let mains: Record<string, Main>
let contexts: Record<Caller, unknown>
let protoBefore: ReturnType<typeof protoSnapshot>

function dataVersion(): number {
  return raw.pragma('data_version', { simple: true }) as number
}

/** Row count of every table, read beside the store's own connection. */
function tableCounts(): Record<string, number> {
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((t) => [t, raw.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]))
}

/** What the product cares about, counted through the store port. */
async function storeCounts(): Promise<Record<string, number>> {
  const cases = await store.countCases({})
  let messages = 0
  let timeline = 0
  let before: string | undefined
  for (;;) {
    const rows = await store.listCases({ limit: 200, before })
    for (const c of rows) {
      messages += (await store.listMessages(c.id, {})).length
      timeline += (await store.timeline(c.id)).length
    }
    if (rows.length < 200) break
    before = rows[rows.length - 1]!.id
  }
  let announcements = 0
  let annBefore: string | undefined
  for (;;) {
    const rows = await store.listAnnouncements(gridCodes, { limit: 100, before: annBefore })
    announcements += rows.length
    if (rows.length < 100) break
    annBefore = rows[rows.length - 1]!.id
  }
  const inbox = (await store.listInbox('demo-resident', { limit: 100_000 })).length + (await store.listInbox('demo-grid-worker', { limit: 100_000 })).length
  const unread = (await store.countUnread('demo-resident')) + (await store.countUnread('demo-grid-worker'))
  const memberships = (await store.membershipsOf('demo-resident')).length + (await store.membershipsOf('demo-grid-worker')).length
  const users = (await store.listUsers()).length
  return { cases, messages, timeline, announcements, inbox, unread, memberships, users }
}

type Ev = { action?: unknown; data?: { action?: unknown; idempotencyKey?: unknown } | null } | null

/** Which action first created something with a caller's idempotency key. */
const usedKeys = new Map<string, string>()

function rememberKey(fn: string, ev: Ev, caller: Caller): void {
  const key = ev?.data?.idempotencyKey
  if (typeof key === 'string' && !usedKeys.has(`${caller}:${key}`)) usedKeys.set(`${caller}:${key}`, `${fn}.${String(ev?.action)}`)
}

/**
 * Open bugs (see 'open bugs found by fuzzing' below), tolerated in the random runs only when an
 * INTERNAL answer matches exactly; they still show in the summary.
 */
const KNOWN_BUGS: Array<{ id: string; matches(fn: string, ev: Ev, caller: Caller): boolean }> = []

/**
 * Sends one event as one caller and checks the answer against the contract. Returns the
 * answer; throws with a readable description of the input when the contract is broken.
 */
async function send(fn: string, caller: Caller | null, p: Payload, label: string): Promise<Record<string, unknown>> {
  const st = statsFor(fn)
  st.calls++
  const v0 = dataVersion()
  let answer: unknown
  try {
    answer = await mains[fn]!(p.event, caller ? contexts[caller] : {})
  } catch (e) {
    st.crashes++
    throw new Error(`${fn} threw for ${label} as ${caller} (${p.how}): ${(e as Error)?.stack ?? String(e)}\nevent: ${short(p.event)}`)
  }
  const known = caller && (answer as { code?: unknown } | null)?.code === 'INTERNAL' ? KNOWN_BUGS.find((b) => b.matches(fn, p.event as Ev, caller)) : undefined
  const problem = known ? protoChanges(protoBefore) : (answerProblem(answer) ?? protoChanges(protoBefore))
  if (problem) st.crashes++
  if (problem) throw new Error(`${fn} ${label} as ${caller} (${p.how}): ${problem}\nevent: ${short(p.event)}\nanswer: ${short(answer)}`)
  const a = answer as Record<string, unknown>
  if (a.ok && caller) rememberKey(fn, p.event as Ev, caller)
  if (known) st.refused[`INTERNAL (known: ${known.id})`] = (st.refused[`INTERNAL (known: ${known.id})`] ?? 0) + 1
  else if (a.ok) st.ok++
  else {
    const code = String(a.code)
    st.refused[code] = (st.refused[code] ?? 0) + 1
    st.longestMessage = Math.max(st.longestMessage, String(a.message).length)
    const v1 = dataVersion()
    if (v1 !== v0) st.crashes++
    if (v1 !== v0) throw new Error(`${fn} ${label} as ${caller} (${p.how}) was refused with ${code} but wrote to the database\nevent: ${short(p.event)}\nanswer: ${short(a)}`)
  }
  return a
}

async function fixture(fn: string, caller: Caller, action: string, data: unknown): Promise<Record<string, any>> {
  const r = (await mains[fn]!({ action, data }, contexts[caller])) as Record<string, any>
  if (!r.ok) throw new Error(`fixture ${fn}.${action} failed: ${r.code} ${r.message}`)
  return r
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jf-fuzz-'))
  process.env.DATA_DIR = dataDir
  process.env.JIEFANG_MODE = 'local'
  // The district's creates, with limits a thousand times higher: the counting runs on every create,
  // but thousands of valid submits must keep reaching the use cases (limits have their own suite).
  process.env.JIEFANG_DISTRICT_CONFIG = districtConfigFile({
    rateLimits: Object.fromEntries(Object.entries(cfg.rateLimits).map(([k, v]) => [k, { ...v, max: v.max * 1000 }])),
  })
  store = openSqliteStore(dataDir)
  await seedDemo(store)
  raw = new Database(join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  const sessions = new LocalSessions(loadOrCreateSecret(dataDir))
  contexts = {
    resident: { jiefangLocal: { authorization: `Bearer ${sessions.issue('demo-resident')}` } },
    grid: { jiefangLocal: { authorization: `Bearer ${sessions.issue('demo-grid-worker')}` } },
  }
  mains = {}
  for (const name of deployed) {
    const file = join(fnRoot, name, 'index.js')
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:functions first`)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains[name] = (require(file) as { main: Main }).main
  }

  // Real objects for the pools: photos, reports (one accepted), a mediation, an announcement.
  pools.fileIds.push((await fixture('files', 'resident', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })).fileId)
  // A voice note too: the resident's own for voiceFileId, a non-photo for photos (after the photo, which reports use).
  pools.fileIds.push((await fixture('files', 'resident', 'uploadVoice', { contentBase64: AAC_HEAD })).fileId)
  for (const description of ['楼下垃圾堆了三天没人清理', '路灯坏了一个多星期', '小区门口井盖松动很危险']) {
    const r = await fixture('reports', 'resident', 'submit', { idempotencyKey: idemKey(), category: 'HJ01', description, photos: pools.fileIds.slice(0, 1), location: { ...GRID1_POINT, address: '云景路 12 号' }, anonymous: false })
    pools.caseIds.push(r.case.id)
  }
  await fixture('cases', 'grid', 'act', { id: pools.caseIds[0], action: 'accept', version: 1 })
  const med = await fixture('mediation', 'resident', 'apply', applyInput())

  pools.mediationIds.push(med.case.id)
  // 一键求助: a request the on-duty grid worker (the fuzz's staff caller) may take, close and convert.
  const request = await fixture('help', 'resident', 'raise', { idempotencyKey: idemKey(), kind: 'neighbour_dispute', text: '楼上漏水吵起来了', location: GRID1_POINT })
  pools.caseIds.push(request.help.id)
  await fixture('grid', 'resident', 'join', { code: GRID1_CODE, building: '3栋 502' })
  const ann = await fixture('grid', 'grid', 'publish', { idempotencyKey: idemKey(), type: 'notice', title: '停水通知', body: '明天上午九点至十二点停水，请提前储水。', target: { kind: 'grids', codes: [GRID1_CODE] } })
  pools.announcementIds.push(ann.announcement.id)
  const reg = await fixture('rental', 'resident', 'checkIn', {
    idempotencyKey: idemKey(),
    buildingCode: DEMO_BUILDING_CODE,
    room: '101',
    name: '陈小梅',
    docType: 'id_card',
    docNumber: '440106199001011235',
    phone: '13912340001',
    moveInDate: '2026-11-01',
    leaseEnd: '2027-10-31',
    cohabitants: [],
    consent: { purpose: true, sensitive: true, version: '2026-12' },
  })
  pools.registrationIds.push(reg.registration.id)
  const dispute = await fixture('rental', 'resident', 'reportMisuse', { idempotencyKey: idemKey(), buildingCode: DEMO_BUILDING_CODE, docType: 'id_card', docNumber: '440106199001011235', note: '有人冒用我的证件登记了' })
  pools.registrationIds.push(dispute.dispute.id)
  protoBefore = protoSnapshot()
})

afterAll(async () => {
  raw?.close()
  await store?.close()
  const lines = Object.entries(stats).map(([fn, s]) => {
    const refused = Object.entries(s.refused)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')
    return `fuzz ${fn.padEnd(10)} inputs ${s.inputs}, calls ${s.calls}, ok ${s.ok}, refused ${s.calls - s.ok} (${refused || 'none'}), longest message ${s.longestMessage} chars`
  })
  if (lines.length) console.log(`FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED}\n${lines.join('\n')}`)
  for (const [fn, s] of Object.entries(stats)) {
    recordFaults({ name: `fuzz ${fn}`, inputs: s.inputs, crashes: s.crashes, note: `${s.calls} calls, ${s.ok} ok, seed ${SEED}${MIN_INPUTS ? `, min ${MIN_INPUTS}` : ''}` })
  }
})

function fcParams<T>(numRuns: number): fc.Parameters<T> {
  // No shrinking: the database moves on between runs, so a shrunk input would not mean much.
  return { numRuns, seed: SEED, endOnFailure: true }
}

describe('the fuzzer knows the deployed surface', () => {
  it('covers every deployed function', () => {
    expect(deployed.sort()).toEqual([...Object.keys(MODELS), ...TIMERS].sort())
  })

  it.each(Object.keys(MODELS))('knows every action of %s', (fn) => {
    expect(Object.keys(MODELS[fn]!).sort()).toEqual(declaredActions(fn).sort())
  })

  it.each(Object.entries(MODELS).flatMap(([fn, actions]) => Object.keys(actions).map((a) => [fn, a] as const)))('the valid shape of %s.%s is accepted by the schema', async (fn, action) => {
    // A model that drifted from its schema would make "one field broken" meaningless.
    const [data] = fc.sample(validData(MODELS[fn]![action]!), { numRuns: 1, seed: 7 })
    const r = (await mains[fn]!({ action, data }, contexts.grid)) as Record<string, unknown>
    if (r.ok) rememberKey(fn, { action, data } as Ev, 'grid')
    expect(boundaryRefusal(r) ? `${r.message} ${short(data)}` : 'accepted by the schema').toBe('accepted by the schema')
  })
})

/** Inputs a function gets with `r` runs per action: the random runs, the refused batch, the session probes. */
function inputsWith(actions: number, r: number): number {
  return actions * r + actions * Math.max(10, Math.ceil(r / 5)) + Math.max(20, Math.ceil(r / 3))
}

/** Runs per action for a function: FUZZ_RUNS, or more when it has too few actions to reach MIN_INPUTS. */
function runsFor(fn: string): number {
  const actions = Object.keys(MODELS[fn]!).length
  let r = RUNS
  while (inputsWith(actions, r) < MIN_INPUTS) r = Math.ceil(r * 1.1) + 1
  return r
}

describe.each(Object.keys(MODELS))('fuzzing %s', (fn) => {
  const actions = Object.keys(MODELS[fn]!)
  const RUNS = runsFor(fn)
  const TEST_TIMEOUT = Math.max(60_000, RUNS * 400)

  it.each(actions)(
    `%s: every answer keeps the contract (${RUNS} inputs, resident and grid worker)`,
    async (action) => {
      await fc.assert(
        fc.asyncProperty(anyEvent(action, MODELS[fn]![action]!, actions), async (p) => {
          statsFor(fn).inputs++
          await send(fn, 'resident', p, action)
          await send(fn, 'grid', p, action)
        }),
        fcParams(RUNS),
      )
    },
    TEST_TIMEOUT,
  )

  it(
    'refuses a batch of invalid payloads for every action and leaves the store as it was',
    async () => {
      const counts = await storeCounts()
      const tables = tableCounts()
      const v0 = dataVersion()
      const perAction = Math.max(10, Math.ceil(RUNS / 5))
      for (const action of actions) {
        await fc.assert(
          fc.asyncProperty(refusedEvent(action, MODELS[fn]![action]!, actions), async (p) => {
            statsFor(fn).inputs++
            for (const caller of ['resident', 'grid'] as const) {
              const a = await send(fn, caller, p, action)
              if (a.ok) throw new Error(`${fn}.${action} accepted an invalid payload as ${caller} (${p.how}): ${short(p.event)}\nanswer: ${short(a)}`)
            }
          }),
          fcParams(perAction),
        )
      }
      expect(dataVersion()).toBe(v0)
      expect(tableCounts()).toEqual(tables)
      expect(await storeCounts()).toEqual(counts)
    },
    TEST_TIMEOUT,
  )

  it(
    'answers UNAUTHENTICATED to callers without a valid session, whatever the event claims',
    async () => {
      const sessions = new LocalSessions(loadOrCreateSecret(dataDir))
      const good = sessions.issue('demo-resident')
      const context = fc.oneof(
        fc.constantFrom(undefined, null, {}, [], 'Bearer x', 0, { jiefangLocal: null }, { jiefangLocal: {} }, { jiefangLocal: 'Bearer x' }),
        fc.constantFrom(
          `Bearer ${sessions.issue('demo-nobody')}`,
          `Bearer ${sessions.issue('demo-resident', -10)}`,
          `Bearer ${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`,
          `Bearer ${good}.${good}`,
          `bearer ${good}`,
          `Basic ${good}`,
          `Bearer ${Buffer.from(JSON.stringify({ sub: 'demo-admin', iat: 0, exp: 9e15 })).toString('base64url')}.x`,
          `Bearer ${sessions.issue('__proto__')}`,
          'Bearer ',
          `Bearer ${'A'.repeat(100_000)}.${'B'.repeat(43)}`,
        ).map((authorization) => ({ jiefangLocal: { authorization } })),
        fc.constantFrom({ OPENID: 'o-admin', userInfo: { openId: 'o-admin' } }, { jiefangLocal: { authorization: null, userId: 'demo-admin' } }),
      )
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actions), context, fc.boolean(), async (action, ctx, spoof) => {
          const st = statsFor(fn)
          st.inputs++
          st.calls++
          const event = spoof ? { action, userId: 'demo-admin', data: {} } : { action, data: {} }
          const r = await mains[fn]!(event, ctx)
          const problem = answerProblem(r) ?? protoChanges(protoBefore)
          if (problem) throw new Error(`${fn}.${action} with context ${short(ctx)}: ${problem}`)
          const a = r as Record<string, unknown>
          if (a.ok) throw new Error(`${fn}.${action} answered ok without a valid session: context ${short(ctx)}`)
          st.refused[String(a.code)] = (st.refused[String(a.code)] ?? 0) + 1
          expect(a.code).toBe('UNAUTHENTICATED')
        }),
        fcParams(Math.max(20, Math.ceil(RUNS / 3))),
      )
    },
    TEST_TIMEOUT,
  )
})

/**
 * A refused invocation logs one warning line. Thousands of them reach jest's console, whose main
 * process reads the whole bundle once per line to place it — a 10,000-input run then takes hours.
 * The lines are counted here instead, and must match the refusals.
 */
function countWarnings(): { count: () => number } {
  let n = 0
  let spy: jest.SpyInstance | undefined
  beforeAll(() => {
    spy = jest.spyOn(console, 'warn').mockImplementation(() => {
      n++
    })
  })
  afterAll(() => spy?.mockRestore())
  return { count: () => n }
}

describe.each(TIMERS)('fuzzing %s', (timer) => {
  const warnings = countWarnings()
  it(
    'answers ok to any event and context without a caller, and refuses every context with one',
    async () => {
      const forbiddenBefore = statsFor(timer).refused.FORBIDDEN ?? 0
      const warnedBefore = warnings.count()
      await fc.assert(
        fc.asyncProperty(nasty, fc.oneof(nasty, fc.constant(contexts.grid)), async (event, ctx) => {
          const st = statsFor(timer)
          st.inputs++
          st.calls++
          const r = await mains[timer]!(JSON.parse(JSON.stringify(event) ?? 'null'), ctx)
          const problem = answerProblem(r) ?? protoChanges(protoBefore)
          if (problem) throw new Error(`${timer}: ${problem}\nevent: ${short(event)}`)
          if ((r as { ok: boolean }).ok) st.ok++
          else st.refused[String((r as { code: unknown }).code)] = (st.refused[String((r as { code: unknown }).code)] ?? 0) + 1
          expect(r).toMatchObject(carriesCaller(ctx) ? { ok: false, code: 'FORBIDDEN' } : { ok: true })
        }),
        fcParams(Math.max(10, Math.ceil(RUNS / 10), MIN_INPUTS)),
      )
      // Every refusal is logged once.
      expect(warnings.count() - warnedBefore).toBe((statsFor(timer).refused.FORBIDDEN ?? 0) - forbiddenBefore)
    },
    Math.max(TEST_TIMEOUT, MIN_INPUTS * 60),
  )
})

/** The wxa_media_check push reaches the cases function with no action: only a caller-less platform call, only a trace id a report holds. */
describe('fuzzing the media-check push to cases', () => {
  countWarnings()
  const push = fc.record(
    {
      MsgType: fc.oneof(fc.constant('event'), nasty),
      Event: fc.constant('wxa_media_check'),
      trace_id: fc.oneof(fc.uuid(), fc.string({ maxLength: 200 }), nasty),
      version: fc.oneof(fc.constant(2), nasty),
      errcode: fc.oneof(fc.constant(0), fc.integer(), nasty),
      result: fc.oneof(fc.record({ suggest: fc.oneof(fc.constantFrom('pass', 'risky', 'review'), nasty), label: fc.oneof(fc.integer(), nasty) }), nasty),
      action: fc.oneof(fc.constantFrom('moderate', 'act', '__proto__'), nasty),
    },
    { requiredKeys: ['Event'] },
  )
  it(
    'refuses every context with a caller; without one changes nothing for an unknown trace id; never crashes',
    async () => {
      const v0 = dataVersion()
      await fc.assert(
        fc.asyncProperty(push, fc.oneof(fc.constant({}), fc.constant(contexts.grid), fc.constant(contexts.resident), nasty), async (event, ctx) => {
          const st = statsFor('cases')
          st.inputs++
          st.calls++
          const r = (await mains.cases!(JSON.parse(JSON.stringify(event)), ctx)) as Record<string, unknown>
          const problem = answerProblem(r) ?? protoChanges(protoBefore)
          if (problem) throw new Error(`cases push: ${problem}\nevent: ${short(event)}`)
          st.refused[String(r.code)] = (st.refused[String(r.code)] ?? 0) + 1
          expect(r).toMatchObject(carriesNonWechatCaller(ctx) ? { ok: false, code: 'FORBIDDEN' } : { ok: false })
          expect(['FORBIDDEN', 'VALIDATION', 'NOT_FOUND']).toContain(r.code)
        }),
        fcParams(Math.max(20, Math.ceil(RUNS / 3))),
      )
      expect(dataVersion()).toBe(v0)
    },
    TEST_TIMEOUT,
  )
})

/** Bugs the fuzzer found, kept as regression tests. A newly found one goes here and into KNOWN_BUGS until fixed. */
describe('bugs the fuzzer found (fixed)', () => {
  const submit = (key: string, caller: Caller = 'resident') =>
    mains.reports!({ action: 'submit', data: { idempotencyKey: key, category: 'HJ01', description: '楼下垃圾堆了三天没人清理', photos: [], location: { ...GRID1_POINT, address: '云景路 12 号' }, anonymous: false } }, contexts[caller]) as Promise<Record<string, any>>
  const apply = (key: string) =>
    mains.mediation!(
      { action: 'apply', data: applyInput({ idempotencyKey: key }) },
      contexts.resident,
    ) as Promise<Record<string, any>>
  const ask = (key: string) => mains.grid!({ action: 'ask', data: gridAskInput(key) }, contexts.resident) as Promise<Record<string, any>>

  it('cases.act with action "__proto__" is refused, not INTERNAL (PREPARE lookup reaches Object.prototype)', async () => {
    const r = (await mains.cases!({ action: 'act', data: { id: pools.caseIds[0], action: '__proto__', version: 1 } }, contexts.grid)) as Record<string, unknown>
    expect(answerProblem(r)).toBeNull()
  })

  it('mediation.apply with an idempotency key the caller used for a report is refused, not INTERNAL', async () => {
    const key = `xkind-a-${idemKey()}`
    expect(await submit(key)).toMatchObject({ ok: true })
    expect(answerProblem(await apply(key))).toBeNull()
  })

  it('reports.submit with an idempotency key the caller used for a mediation application is refused, not INTERNAL', async () => {
    const key = `xkind-b-${idemKey()}`
    expect(await apply(key)).toMatchObject({ ok: true })
    expect(answerProblem(await submit(key))).toBeNull()
  })

  it('rental.area with a huge status value answers a short message (zod\'s enum message echoed the value)', async () => {
    const r = (await mains.rental!({ action: 'area', data: { statuses: ['中'.repeat(20_000)] } }, contexts.grid)) as Record<string, unknown>
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(String(r.message).length).toBeLessThan(100)
    expect(answerProblem(r)).toBeNull()
  })

  it('grid.ask with an idempotency key the caller used for another case does not answer with that case', async () => {
    const key = `xkind-c-${idemKey()}`
    const first = await apply(key)
    expect(first).toMatchObject({ ok: true })
    const r = await ask(key)
    expect(r.ok ? r.caseId : null).not.toBe(first.case.id)
  })
})

describe('volume', () => {
  it(`every deployed function got at least ${MIN_INPUTS} generated inputs`, () => {
    const short = Object.entries(stats).filter(([, st]) => st.inputs < MIN_INPUTS).map(([fn, st]) => `${fn} ${st.inputs}`)
    expect(Object.keys(stats).sort()).toEqual([...Object.keys(MODELS), ...TIMERS].sort())
    expect(short).toEqual([])
  })
})
