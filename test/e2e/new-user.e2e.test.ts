/**
 * A real resident on real WeChat, end to end: the real local server (function bundles over SQLite,
 * timer off) serving the real H5 build, driven in Debian Chromium. Two brand-new WeChat identities
 * (the dev login's OPENID only, as CloudBase gives a function) and no demo resident; staff appear
 * only where the flow needs them: the building manager confirms the check-in, the grid worker
 * approves the group request, and the mediation centre and its mediator move the case (over the
 * API: their pages have their own e2e).
 *
 * A sets an avatar, a nickname and a phone in 我的 (agreeing to the privacy notice when first
 * asked), files a report and applies for mediation under their real name naming B as 「楼上住户王先生」.
 * B opens the invitation, is told it is for another phone, sets theirs in 我的, corrects their name
 * and consents; the agreement names both. A checks in at the demo building, the building manager
 * confirms, A's home shows 我的租住登记 (update, 人走注销) until check-out. A joins the grid group;
 * the grid worker's roster shows A's nickname. A reads and downloads their data, then deletes the
 * account: the case still reads for B with A as 已注销用户, and A's WeChat identity signs in as a
 * new person with no history.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { maskName } from '../../src/core/names'
import { idNumberFor } from '../support/authzWorld'
import { addPhoto, browserWorld, chooseFile, modalOk, open, phone, shot, signedInPhone, signInAs, tinyJpegFile, switchOn } from '../support/browser'
import { GRID1_CODE, GRID1_POINT } from '../support/fixtures'
import { medAct } from '../support/mediation'
import { as, asOpenid, type Client } from '../support/server'

jest.setTimeout(300_000)

const world = browserWorld()

const RUN = Date.now().toString(36)
const OPENID_A = `dev-newcomer-a-${RUN}`
const OPENID_B = `dev-newcomer-b-${RUN}`
const A_NICK = '雨后青山'
const A_REAL_NAME = '林晓雨'
const A_PHONE = '13760001234'
const A_PHONE_MASKED = '137****1234'
const A_ID_NUMBER = idNumberFor(9151)
const B_TYPED_NAME = '楼上住户王先生'
const B_REAL_NAME = '王志强'
const B_PHONE = '13960005678'
const REPORT_TEXT = '云景花园 5 栋楼下垃圾桶满了三天没人清理'
const FACTS = '楼上住户每晚十一点后仍在装修敲打，噪音严重影响家人休息，多次沟通无果'
const CLAIMS = '晚上十点后停止施工，并赔偿损坏的吊顶'
const TERMS = ['王志强每日 22 时后不再进行装修施工', '王志强于 12 月 31 日前修复申请人家中被损坏的吊顶']
const BUILDING_ROOM = '云景花园 5 栋 301'
const DELETED_NAME = '已注销用户'

/** A phone that opens the app as a WeChat identity (brand-new, or `openid` again), signed in through the role switcher's 新微信用户. */
async function newcomer(openid: string, geo?: { lng: number; lat: number }): Promise<Page> {
  const p = await (await phone(world.browser, world.srv.url, geo)).newPage()
  p.setDefaultTimeout(20_000)
  await signInAs(p, openid)
  await greeted(p)
  return p
}

/** Home has answered session.me (the greeting names the person). */
const greeted = (p: Page) => p.locator('#jf-greeting', { hasText: '您好，' }).waitFor()

/** Resolves with the JSON answer of the page's next call to <fn>.<action>. */
async function answered(p: Page, fn: string, action: string): Promise<any> {
  const r = await p.waitForResponse((res) => res.url().endsWith(`/api/fn/${fn}`) && (res.request().postData() ?? '').includes(`"action":"${action}"`), { timeout: 30_000 })
  return r.json()
}

/** The text field `id` (Taro's H5 Input wraps the real input). */
const field = (p: Page, id: string) => p.locator(`#${id} input, input#${id}`).first()

/** The privacy notice sheet, asked the first time personal data is given: agreed. */
async function agreeToNotice(p: Page): Promise<void> {
  await p.locator('#jf-consent-sheet').waitFor()
  const agreed = answered(p, 'account', 'consent')
  await p.locator('#jf-consent-agree').click()
  expect(await agreed).toMatchObject({ ok: true })
  await p.locator('#jf-consent-sheet').waitFor({ state: 'detached' })
}

/** On the profile page: the phone typed (H5 has no phone button), first asking for the notice when `firstTime`. */
async function typePhone(p: Page, number: string, firstTime: boolean): Promise<void> {
  await field(p, 'jf-profile-phone-input').fill(number)
  const saved = answered(p, 'account', 'setPhone')
  await p.locator('#jf-profile-phone-save').click()
  if (firstTime) await agreeToNotice(p)
  expect(await saved).toMatchObject({ ok: true })
  await p.locator('#jf-profile-phone-now', { hasText: `${number.slice(0, 3)}****${number.slice(7)}` }).waitFor()
}

const roles = async (c: Client): Promise<string[]> => (await c.call('session', 'me', {})).user.earned.map((e: { role: string }) => e.role).sort()

describe('a brand-new WeChat user, in the browser against the real server', () => {
  it('我的 → report → mediation naming B, who joins under their real name → check-in → grid → export → delete → a new person', async () => {
    const a = await newcomer(OPENID_A, GRID1_POINT)
    // Nothing is asked at launch: home is there as for anyone, under 微信用户.
    await expect(a.locator('#jf-greeting').innerText()).resolves.toContain('微信用户')
    await a.locator('#jf-entry-report').waitFor()
    const apiA: Client = await asOpenid(world.srv.url, OPENID_A)
    const meA = (await apiA.call('session', 'me', {})).user
    expect(meA.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
    expect(meA.earned).toEqual([])

    // 1. 我的 → 个人资料: avatar, nickname (the notice is asked once, at the first save), phone.
    await a.locator('#jf-tab-me').click()
    await a.locator('#jf-me-name', { hasText: '微信用户' }).waitFor()
    await expect(a.locator('#jf-me-phone').innerText()).resolves.toContain('未填写手机号')
    await a.locator('#jf-me-profile').click()
    await a.locator('#jf-profile').waitFor()
    await field(a, 'jf-profile-nickname').fill(A_NICK)
    const nicknamed = answered(a, 'account', 'update')
    await a.locator('#jf-profile-nickname-save').click()
    await agreeToNotice(a)
    expect(await nicknamed).toMatchObject({ ok: true, profile: { displayName: A_NICK, nicknameSet: true } })
    const avatar = answered(a, 'account', 'update')
    await chooseFile(a, '#jf-profile-avatar', tinyJpegFile('avatar.jpg'))
    expect(await avatar).toMatchObject({ ok: true, profile: { avatarUrl: expect.stringMatching(/^\/api\/files\//) } })
    await a.locator('#jf-profile .jf-account-avatar-img').waitFor()
    await typePhone(a, A_PHONE, false)
    await shot(a, 'e2e-newuser-profile')
    await open(a, '/pages/me/index')
    await a.locator('#jf-me-name', { hasText: A_NICK }).waitFor()
    await expect(a.locator('#jf-me-phone').innerText()).resolves.toContain(A_PHONE_MASKED)
    await shot(a, 'e2e-newuser-me')

    // 2. A reports a problem with a photo and where they stand.
    await open(a, '/pages/report/new/index')
    await a.locator('.jf-cat-top[data-code="HJ"]').click()
    await a.locator('.jf-cat-sub[data-code="HJ01"]').click()
    await a.locator('#jf-description textarea').fill(REPORT_TEXT)
    await addPhoto(a, tinyJpegFile('rubbish.jpg'))
    await a.locator('#jf-loc-current').click()
    await a.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
    await a.locator('#jf-address input').fill('云景路 18 号 5 栋')
    await a.locator('#jf-submit').click()
    const report = a.locator('#jf-case-detail')
    await report.waitFor()
    const reportId = (await report.getAttribute('data-case-id'))!

    // 3. A applies for mediation under their real name, naming B as A knows them.
    await open(a, '/pages/mediation/apply/index')
    await a.locator('.jf-med-type-chip[data-code="neighbour"]').click()
    await expect(a.locator('.jf-med-street-chip.is-active').count()).resolves.toBe(1)
    await field(a, 'jf-med-name').fill(A_REAL_NAME)
    await field(a, 'jf-med-phone').fill(A_PHONE)
    await a.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-name input').fill(B_TYPED_NAME)
    await a.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-phone input').fill(B_PHONE)
    await a.locator('#jf-med-facts textarea').fill(FACTS)
    await a.locator('#jf-med-claims textarea').fill(CLAIMS)
    await a.locator('.jf-med-way[data-way="online"]').click()
    await a.locator('#jf-med-submit').click()
    const applied = a.locator('#jf-med-detail[data-status="applied"]')
    await applied.waitFor()
    const caseId = (await applied.getAttribute('data-case-id'))!
    const invite = (await a.locator('.jf-med-invite[data-used="0"]').getAttribute('data-code'))!
    await shot(a, 'e2e-newuser-applied')

    // 4. B, another stranger, opens the invitation: it is for the phone A gave, which B has not set.
    const b = await newcomer(OPENID_B)
    const apiB: Client = await asOpenid(world.srv.url, OPENID_B)
    expect(await apiB.call('mediation', 'get', { id: caseId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await open(b, `/pages/mediation/join/index?invite=${encodeURIComponent(invite)}`)
    const mismatch = await b.locator('#jf-error-invite').innerText()
    expect(mismatch).toContain('139****5678')
    expect(mismatch).not.toContain(B_PHONE)
    await expect(b.locator('#jf-med-invite-summary').count()).resolves.toBe(0)
    await shot(b, 'e2e-newuser-invite-phone')
    // 去「我的」设置手机号, then back to the invitation, which opens now.
    await b.locator('#jf-med-set-phone').click()
    await b.locator('#jf-profile').waitFor()
    await typePhone(b, B_PHONE, true)
    await b.goBack()
    const summary = b.locator(`#jf-med-invite-summary[data-invite="${invite}"]`)
    await summary.waitFor()
    const summaryText = await summary.innerText()
    expect(summaryText).toContain(FACTS)
    expect(summaryText).not.toContain(A_PHONE)
    expect(summaryText).not.toContain(A_REAL_NAME)
    // B's name as A typed it, corrected; joining needs the consent.
    await expect(field(b, 'jf-med-join-name').inputValue()).resolves.toBe(B_TYPED_NAME)
    await field(b, 'jf-med-join-name').fill(B_REAL_NAME)
    await b.locator('#jf-med-join').click()
    await b.locator('#jf-error-consent').waitFor()
    await switchOn(b, '#jf-med-join-consent')
    await shot(b, 'e2e-newuser-join')
    await b.locator('#jf-med-join').click()
    await b.locator(`#jf-med-detail[data-case-id="${caseId}"][data-my-role="respondent"]`).waitFor()
    await b.locator('#jf-med-parties .jf-med-party[data-side="respondent"][data-joined="1"][data-consent="consented"]').waitFor()
    await expect(b.locator('#jf-med-parties').innerText()).resolves.toContain(B_REAL_NAME)
    // The correction is on the timeline, the names masked there (everyone on the case reads it, for good).
    await b.locator('.jf-timeline-item[data-action="join"]', { hasText: `「${maskName(B_TYPED_NAME)}」更正为「${maskName(B_REAL_NAME)}」` }).waitFor()
    expect(await roles(apiB)).toEqual(['mediation_party'])

    // 5. The centre accepts, the mediator (everyone agreed at joining) drafts the agreement.
    const [centre, mediator] = await Promise.all([as(world.srv.url, 'demo-dispatcher'), as(world.srv.url, 'demo-mediator-people')])
    expect(await medAct(centre, caseId, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '钱进' } })
    expect(await medAct(mediator, caseId, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
    expect(await medAct(mediator, caseId, 'draft_agreement', { terms: TERMS })).toMatchObject({ ok: true, case: { status: 'agreement_pending' } })

    // The agreement as A reads it names both parties by their real names, never a nickname.
    await open(a, `/pages/mediation/agreement/index?id=${caseId}`)
    await a.locator(`#jf-agreement[data-case-id="${caseId}"]`).waitFor()
    const parties = await a.locator('#jf-agr-parties').innerText()
    expect(parties).toContain(`申请人：${A_REAL_NAME}`)
    expect(parties).toContain(`被申请人：${B_REAL_NAME}`)
    for (const never of ['微信用户', A_NICK, B_TYPED_NAME]) expect(parties).not.toContain(never)
    await shot(a, 'e2e-newuser-agreement')

    // 6. A checks in at the demo building (its QR's link); the building manager confirms.
    await open(a, `/pages/rental/checkin/index?b=${DEMO_BUILDING_CODE}`)
    await a.locator(`#jf-checkin[data-code="${DEMO_BUILDING_CODE}"]`).waitFor()
    await a.locator('.jf-checkin-room[data-room="301"]').click()
    await a.locator('#jf-checkin-name input').fill(A_REAL_NAME)
    await a.locator('#jf-checkin-doc input').fill(A_ID_NUMBER)
    await a.locator('#jf-checkin-phone input').fill(A_PHONE)
    await switchOn(a, '#jf-consent-purpose')
    await switchOn(a, '#jf-consent-sensitive')
    const checkedIn = answered(a, 'rental', 'checkIn')
    await a.locator('#jf-checkin-submit').click()
    const ci = await checkedIn
    expect(ci).toMatchObject({ ok: true, registration: { status: 'pending' } })
    const regId = ci.registration.id as string
    // Pending earns nothing yet.
    expect(await roles(apiA)).toEqual(['mediation_party'])

    const manager = await signedInPhone(world.browser, world.srv.url, 'demo-building-manager')
    await open(manager, `/pages/rental-staff/building/detail/index?id=${DEMO_BUILDING_ID}`)
    const pending = manager.locator(`.jf-building-reg[data-id="${regId}"][data-status="pending"]`)
    await pending.waitFor()
    await expect(pending.innerText()).resolves.toContain(A_REAL_NAME)
    const decided = answered(manager, 'rental', 'decide')
    await pending.locator('.jf-reg-approve').click()
    expect(await decided).toMatchObject({ ok: true, registration: { status: 'active' } })

    // A's home now offers 我的租住登记: the registration, its update and 人走注销.
    await open(a, '/pages/home/index')
    await a.locator('#jf-entry-rental').click()
    const reg = a.locator(`.jf-rental-reg[data-id="${regId}"][data-status="active"]`)
    await reg.waitFor()
    await reg.locator('.jf-rental-checkout').waitFor()
    await reg.locator('.jf-rental-edit-open').click()
    await reg.locator('.jf-rental-edit-phone input').fill('13760004321')
    const updated = answered(a, 'rental', 'update')
    await reg.locator('.jf-rental-save').click()
    expect(await updated).toMatchObject({ ok: true })
    await reg.getByText('13760004321').first().waitFor()
    await shot(a, 'e2e-newuser-rental')

    // 7. A asks to join the grid group; the grid worker approves and sees A's nickname on the roster.
    await open(a, `/pages/grid/board/index?code=${GRID1_CODE}`)
    await a.locator('#jf-grid-membership[data-status="none"]').waitFor()
    await a.locator('#jf-grid-building input').fill(BUILDING_ROOM)
    await a.locator('#jf-grid-join').click()
    await a.locator('#jf-grid-membership[data-status="requested"]').waitFor()

    const worker = await signedInPhone(world.browser, world.srv.url, 'demo-grid-worker')
    await worker.locator('#jf-entry-gridwork').click()
    await worker.locator(`#jf-gw-manage[data-code="${GRID1_CODE}"]`).waitFor()
    await worker.locator('#jf-gw-tab-requests').click()
    const request = worker.locator(`.jf-gw-request[data-user-id="${meA.id}"]`)
    await request.waitFor()
    await expect(request.innerText()).resolves.toContain(A_NICK)
    await expect(request.innerText()).resolves.toContain(BUILDING_ROOM)
    await request.locator('.jf-gw-approve').click()
    await request.waitFor({ state: 'detached' })
    await worker.locator('#jf-gw-tab-members').click()
    const member = worker.locator(`.jf-gw-member[data-user-id="${meA.id}"]`)
    await member.waitFor()
    await expect(member.innerText()).resolves.toContain(A_NICK)
    await shot(worker, 'e2e-newuser-roster')

    await a.reload()
    await a.locator('#jf-grid-membership[data-status="joined"]').waitFor()
    expect(await roles(apiA)).toEqual(['grid_member', 'mediation_party', 'tenant'])

    // 人走注销 ends the tenancy: home no longer offers 我的租住登记.
    await open(a, '/pages/rental/mine/index')
    await a.locator(`.jf-rental-reg[data-id="${regId}"] .jf-rental-checkout`).click()
    const out = answered(a, 'rental', 'checkOut')
    await modalOk(a)
    expect(await out).toMatchObject({ ok: true, registration: { status: 'checked_out' } })
    await open(a, '/pages/home/index')
    await greeted(a)
    await expect(a.locator('#jf-greeting').innerText()).resolves.toContain(A_NICK)
    await a.locator('#jf-entry-report').waitFor()
    await expect(a.locator('#jf-entry-rental').count()).resolves.toBe(0)
    expect(await roles(apiA)).toEqual(['grid_member', 'mediation_party'])

    // What the stranger B can reach of A: the shared case only, never A's report.
    expect(await apiB.call('reports', 'get', { id: reportId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // 8. 个人信息与隐私 → 查阅与导出: everything held about A, readable and as a file.
    await a.locator('#jf-tab-me').click()
    await a.locator('#jf-me-privacy').click()
    await a.locator('#jf-privacy').waitFor()
    await a.locator('.jf-privacy-consent').first().waitFor()
    await a.locator('#jf-privacy-export').click()
    const exported = a.locator('#jf-export')
    await exported.waitFor()
    const readable = await exported.innerText()
    // Their own data in full (the phone too), the identity number masked.
    for (const held of [A_NICK, A_PHONE, REPORT_TEXT, FACTS, A_REAL_NAME, BUILDING_ROOM]) expect(readable).toContain(held)
    await shot(a, 'e2e-newuser-export')
    const download = a.waitForEvent('download')
    await a.locator('#jf-export-json').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.json$/)
    const json = readFileSync((await file.path())!, 'utf8')
    const data = JSON.parse(json) as Record<string, unknown>
    for (const key of Object.keys(data)) expect(key).toMatch(/[\u4e00-\u9fff]/)
    for (const held of [A_NICK, REPORT_TEXT, FACTS]) expect(json).toContain(held)
    // Nothing a person cannot read: no internal id, no UTC time, no full identity number, nothing of B's.
    for (const never of [meA.id, caseId, reportId, regId, A_ID_NUMBER, B_PHONE, OPENID_A]) {
      expect(json).not.toContain(never)
      expect(readable).not.toContain(never)
    }
    expect(json).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
    expect(readable).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)

    // 9. 注销账号: type 注销; the page says what stays; home is left signed out.
    await open(a, '/pages/account/delete/index')
    await a.locator('#jf-delete').waitFor()
    await expect(a.locator('#jf-delete-staff').count()).resolves.toBe(0)
    await a.locator('#jf-delete-submit').click()
    await a.locator('#jf-error-confirm').waitFor()
    await field(a, 'jf-delete-confirm').fill('注销')
    const deleted = answered(a, 'account', 'delete')
    await a.locator('#jf-delete-submit').click()
    const deletion = await deleted
    expect(deletion).toMatchObject({ ok: true })
    await a.locator('#jf-delete-done').waitFor()
    const kept = await a.locator('#jf-delete-done').innerText()
    expect(kept).toContain('登记')
    await shot(a, 'e2e-newuser-deleted')
    await a.locator('#jf-delete-leave').click()
    await a.locator('#jf-role-switcher').waitFor()
    // The WeChat identity is no longer A's, even on the session from before: its next call is somebody new.
    const after0 = (await apiA.call('session', 'me', {})).user
    expect(after0.id).not.toBe(meA.id)
    expect(after0).toMatchObject({ name: '微信用户', earned: [] })

    // 10. The case still reads for B, with A anonymised among the parties; the drafted agreement stays for the record.
    await open(b, `/pages/mediation/detail/index?id=${caseId}`)
    await b.locator(`#jf-med-detail[data-case-id="${caseId}"]`).waitFor()
    const applicantParty = await b.locator('#jf-med-parties .jf-med-party[data-side="applicant"]').innerText()
    expect(applicantParty).toContain(DELETED_NAME)
    expect(applicantParty).not.toContain(A_REAL_NAME)
    const caseText = await b.locator('#jf-med-detail').innerText()
    for (const gone of [A_NICK, A_PHONE, A_PHONE_MASKED]) expect(caseText).not.toContain(gone)
    await shot(b, 'e2e-newuser-case-after')
    await open(b, `/pages/mediation/agreement/index?id=${caseId}`)
    const after = await b.locator('#jf-agr-parties').innerText()
    expect(after).toContain(`被申请人：${B_REAL_NAME}`)
    for (const gone of [A_NICK, A_PHONE]) expect(after).not.toContain(gone)
    // The grid's roster no longer lists A.
    await worker.reload()
    await worker.locator('#jf-gw-tab-members').click()
    await worker.getByText('还没有居民入群').waitFor()
    await expect(worker.locator(`.jf-gw-member[data-user-id="${meA.id}"]`).count()).resolves.toBe(0)

    // 11. A's WeChat identity again: a new person, with none of A's history.
    const again = await newcomer(OPENID_A, GRID1_POINT)
    await expect(again.locator('#jf-greeting').innerText()).resolves.toContain('微信用户')
    await expect(again.locator('#jf-entry-rental').count()).resolves.toBe(0)
    const apiAgain = await asOpenid(world.srv.url, OPENID_A)
    const fresh = (await apiAgain.call('session', 'me', {})).user
    expect(fresh.id).not.toBe(meA.id)
    expect(fresh.earned).toEqual([])
    expect((await apiAgain.call('reports', 'mine', {})).cases).toEqual([])
    expect((await apiAgain.call('mediation', 'mine', {})).cases).toEqual([])
    expect((await apiAgain.call('rental', 'mine', {})).registrations).toEqual([])
    expect(await apiAgain.call('mediation', 'get', { id: caseId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await apiAgain.call('account', 'profile', {})).toMatchObject({ ok: true, profile: { nicknameSet: false, phone: null, avatarUrl: null } })
    await again.locator('#jf-tab-me').click()
    await again.locator('#jf-me-name', { hasText: '微信用户' }).waitFor()
    await again.locator('#jf-me-reports').click()
    await again.locator('#jf-empty-report').waitFor()
    await shot(again, 'e2e-newuser-again')
  })
})
