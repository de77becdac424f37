/**
 * Mediation that reaches disputes early (issue 18), end to end: the real local server (function
 * bundles over SQLite, timers off) serving the real H5 build, driven in Debian Chromium with one
 * browser context per person. One server for the whole file: each part of the issue adds its own
 * `describe` block below and uses `world` (and `person`).
 *
 * 录入纠纷 and 转为调解 (Part C):
 * 1. 李明 (grid worker of 云景社区第1网格) enters a neighbour dispute found on patrol from his workbench;
 *    he gets one invitation code per party. The centre (赵强) sees it in 调解工作台 marked 排查发现, with
 *    who entered it and both codes; 陈小梅 opens her code (no applicant: the street's centre invites
 *    her), confirms her name and joins.
 * 2. 陈小梅 reports 生活噪音 (a category marked 可转为调解); 李明 turns it into mediation from the case
 *    page with her as the applicant; the report reads 已转调解 with the mediation case's number, and
 *    陈小梅 opens the mediation case from her report and sees where it came from.
 */
import type { Page } from 'playwright-core'
import { browserWorld, tapAndConfirm, open, shot, signedInPhone, signIn, switchOn } from '../support/browser'
import { reportInput } from '../support/fixtures'
import { as } from '../support/server'
import { DEMO_RESIDENT_PHONES } from '../../backend/seed/demoUsers'
import { DEMO_STREET, communityCode as helperCommunity } from '../../backend/seed/demoOrg'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { communityCode } from '../../backend/seed/demoOrg'
import { agreeNoticeIfAsked } from '../support/h5Flows'

jest.setTimeout(120_000)

export const world = browserWorld()

/** A fresh phone for one person, signed in through the dev role switcher. */
export async function person(userId: string): Promise<Page> {
  return signedInPhone(world.browser, world.srv.url, userId)
}

const FACTS = '楼上住户深夜装修，电钻声持续到凌晨，双方在楼道发生争吵，巡查时发现'
const CLAIMS = '晚上十点后停止施工'

describe('录入纠纷 and 转为调解 (三捕三捉)', () => {
  it('a grid worker enters a dispute found on patrol; the centre sees where it came from; a party joins with her own code', async () => {
    const [worker, centre, party] = await Promise.all(['demo-grid-worker', 'demo-dispatcher', 'demo-resident'].map((u) => person(u)))

    await worker.locator('#jf-entry-staff-queue').click()
    await worker.locator('#jf-queue-intake').click()
    await worker.locator('#jf-intake[data-mode="intake"]').waitFor()
    // His one grid is chosen for him; 排查发现 and 邻里纠纷 are the usual case.
    await worker.locator('.jf-intake-place-chip.is-active').waitFor()
    await worker.locator('.jf-intake-source-chip[data-code="patrol"].is-active').waitFor()
    await worker.locator('.jf-med-type-chip[data-code="neighbour"]').click()
    await worker.locator('.jf-intake-party[data-index="0"] .jf-intake-party-name input').fill('陈小梅')
    await worker.locator('.jf-intake-party[data-index="0"] .jf-intake-party-phone input').fill('13800138000')
    await worker.locator('.jf-intake-party[data-index="1"] .jf-intake-party-name input').fill('黄伟明')
    await worker.locator('.jf-intake-party[data-index="1"] .jf-intake-party-phone input').fill('13912345678')
    await worker.locator('#jf-intake-facts textarea').fill(FACTS)
    await worker.locator('#jf-intake-claims textarea').fill(CLAIMS)
    await shot(worker, 'e2e-intake-form')
    await worker.locator('#jf-intake-submit').click()

    const done = worker.locator('#jf-intake-done')
    await done.waitFor()
    const id = (await done.getAttribute('data-case-id'))!
    const number = (await done.getAttribute('data-number'))!
    expect(number).toMatch(/^京溪-\d{4}-\d{5}$/)
    await expect(worker.locator('#jf-intake-number').innerText()).resolves.toContain(number)
    const invites = worker.locator('#jf-intake-invites .jf-med-invite')
    await expect(invites.count()).resolves.toBe(2)
    await expect(invites.nth(0).innerText()).resolves.toContain('陈小梅')
    const codeA = (await invites.nth(0).getAttribute('data-code'))!
    expect(codeA).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    // Mediation is the committee's: the grid worker is not offered the case itself.
    await expect(worker.locator('#jf-intake-open').count()).resolves.toBe(0)
    await shot(worker, 'e2e-intake-done')

    await centre.locator('#jf-entry-mediator').click()
    const row = centre.locator(`.jf-medq-row[data-case-id="${id}"][data-status="applied"]`)
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('排查发现')
    await row.click()
    await centre.locator(`#jf-medc-case[data-case-id="${id}"]`).waitFor()
    await centre.locator('#jf-med-source[data-source="patrol"]').waitFor()
    await expect(centre.locator('#jf-med-entered-by').innerText()).resolves.toBe('李明（网格员）')
    await expect(centre.locator('#jf-med-invites .jf-med-invite').count()).resolves.toBe(2)
    await shot(centre, 'e2e-intake-centre')

    await open(party, `/pages/mediation/join/index?invite=${encodeURIComponent(codeA)}`)
    const summary = party.locator(`#jf-med-invite-summary[data-invite="${codeA}"]`)
    await summary.waitFor()
    const text = await summary.innerText()
    expect(text).toMatch(/调解中心 邀请您参加调解/)
    expect(text).toContain('排查发现')
    expect(text).toContain(FACTS)
    expect(text).not.toContain('13912345678')
    await expect(party.locator('#jf-med-join-name input').inputValue()).resolves.toBe('陈小梅')
    await switchOn(party, '#jf-med-join-consent')
    await party.locator('#jf-med-join').click()
    await party.locator(`#jf-med-detail[data-case-id="${id}"][data-my-role="respondent"]`).waitFor()
    await expect(party.locator('#jf-med-source-text').innerText()).resolves.toBe('排查发现')
    // Who entered it is the committee's business.
    await expect(party.locator('#jf-med-entered-by').count()).resolves.toBe(0)
  })

  it('a 生活噪音 report becomes a mediation case: the reporter is the applicant and both cases show the link', async () => {
    const reporterApi = await as(world.srv.url, 'demo-resident')
    const filed = await reporterApi.call('reports', 'submit', reportInput({ category: 'ZY02', description: '楼上每晚十一点后还在拖动家具，多次沟通无果' }))
    expect(filed).toMatchObject({ ok: true })
    const reportId: string = filed.case.id
    const reportNumber: string = filed.case.number
    const [worker, reporter] = await Promise.all(['demo-grid-worker', 'demo-resident'].map((u) => person(u)))

    await open(worker, `/pages/report-staff/case/index?id=${reportId}`)
    await worker.locator(`#jf-staff-case[data-case-id="${reportId}"]`).waitFor()
    // The form names the parties; the bare move is not on the action bar.
    await expect(worker.locator('.jf-act[data-action="to_mediation"], [data-action="to_mediation"]').count()).resolves.toBe(0)
    await worker.locator('#jf-case-to-mediation-go').click()
    await worker.locator('#jf-intake[data-mode="report"]').waitFor()
    await expect(worker.locator('#jf-intake-report-number').innerText()).resolves.toContain(reportNumber)
    // The reporter is the first party, and her description the facts.
    await expect(worker.locator('.jf-intake-party[data-index="0"] .jf-intake-party-name input').inputValue()).resolves.toBe('陈小梅')
    await expect(worker.locator('#jf-intake-facts textarea').inputValue()).resolves.toContain('拖动家具')
    await worker.locator('.jf-intake-party[data-index="0"] .jf-intake-party-phone input').fill('13800138000')
    await worker.locator('.jf-intake-party[data-index="1"] .jf-intake-party-name input').fill('黄伟明')
    await worker.locator('.jf-intake-party[data-index="1"] .jf-intake-party-phone input').fill('13912345678')
    await worker.locator('#jf-intake-claims textarea').fill('晚上十点后保持安静')
    await worker.locator('#jf-intake-consent input').fill('已电话征得报事人同意')
    await worker.locator('#jf-intake-submit').click()
    const done = worker.locator('#jf-intake-done')
    await done.waitFor()
    const mediationNumber = (await done.getAttribute('data-number'))!
    await expect(worker.locator('#jf-intake-invites .jf-med-invite').count()).resolves.toBe(1)
    await shot(worker, 'e2e-to-mediation-done')

    await open(worker, `/pages/report-staff/case/index?id=${reportId}`)
    await worker.locator(`#jf-staff-case[data-case-id="${reportId}"][data-status="converted"]`).waitFor()
    const link = worker.locator('#jf-case-converted')
    await expect(link.getAttribute('data-number')).resolves.toBe(mediationNumber)
    await expect(link.innerText()).resolves.toContain(`调解案件 ${mediationNumber}`)

    await open(reporter, `/pages/report/detail/index?id=${reportId}`)
    const mine = reporter.locator('#jf-detail-converted[data-readable="1"]')
    await mine.waitFor()
    await shot(reporter, 'e2e-to-mediation-report')
    await mine.locator('.nut-cell').first().click()
    await reporter.locator('#jf-med-detail[data-my-role="applicant"]').waitFor()
    await reporter.locator('#jf-med-source[data-source="report"]').waitFor()
    await expect(reporter.locator('#jf-med-origin').innerText()).resolves.toContain(`网格事件 ${reportNumber}`)
    await shot(reporter, 'e2e-to-mediation-case')
  })
})

/**
 * 协助调解 (Part E): a family case under way with 周敏 (or whichever mediator the district's rules gave
 * it); the mediator invites 林志远 (驻村法律顾问) from the street's helper roster on the case page; 林志远
 * finds the case under 我的 → 协助调解, reads it without the parties' phones and writes in the thread;
 * the applicant reads his message marked 协助调解人.
 */
describe('协助调解', () => {
  const HELPER_MSG = '两位好，我是驻村法律顾问林志远。抚养费可参照当地收入水平协商，我可以帮双方算一算。'

  it('a legal adviser joins as helper and writes in the thread', async () => {
    const [applicantApi, respondentApi, centreApi] = await Promise.all(['demo-resident', 'demo-resident-2', 'demo-dispatcher'].map((u) => as(world.srv.url, u)))
    const applied = await applicantApi.call('mediation', 'apply', applyInput({ applicantName: '陈小梅', applicantPhone: DEMO_RESIDENT_PHONES['demo-resident'], respondents: [{ name: '黄伟明', phone: DEMO_RESIDENT_PHONES['demo-resident-2'] }] }))
    expect(applied).toMatchObject({ ok: true })
    const id: string = applied.case.id
    expect(await medAct(centreApi, id, 'accept')).toMatchObject({ ok: true })
    expect(await respondentApi.call('mediation', 'join', joinInput(applied.case.invites[0].code))).toMatchObject({ ok: true })
    let mediatorId = ''
    for (const m of ['demo-mediator', 'demo-mediator-people']) {
      const api = await as(world.srv.url, m)
      if ((await api.call('mediation', 'get', { id })).actions?.some((a: { action: string }) => a.action === 'invite')) {
        expect(await medAct(api, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
        mediatorId = m
      }
    }
    expect(mediatorId).not.toBe('')

    const [mediator, helper, applicant] = await Promise.all([mediatorId, 'demo-helper', 'demo-resident'].map((u) => person(u)))

    // The mediator picks the legal adviser from the roster on the case page.
    await open(mediator, `/pages/mediation-staff/case/index?id=${id}`)
    await mediator.locator(`#jf-medc-case[data-case-id="${id}"][data-status="mediating"]`).waitFor()
    await mediator.locator('#jf-med-helpers[data-count="0"]').waitFor()
    // 邀请协助调解 is the card's, not the action bar's.
    await expect(mediator.locator('.jf-med-act[data-action="invite_helper"]').count()).resolves.toBe(0)
    await mediator.locator('#jf-medh-invite').click()
    const candidate = mediator.locator('#jf-medh-picker .jf-medh-cand[data-name="林志远"]')
    await candidate.waitFor()
    await expect(candidate.innerText()).resolves.toContain('驻村法律顾问')
    await shot(mediator, 'e2e-helper-roster')
    await candidate.locator('.jf-medh-pick').click()
    await mediator.locator('#jf-med-helpers[data-count="1"] .jf-medh-helper[data-name="林志远"][data-kind="legal_adviser"]').waitFor()
    await shot(mediator, 'e2e-helper-invited')

    // 林志远 finds it under 我的 → 协助调解 and opens it as its parties read it, without their phones.
    await open(helper, '/pages/me/index')
    await helper.locator('#jf-me-helping').click()
    const row = helper.locator(`#jf-med-helping .jf-med-row[data-case-id="${id}"]`)
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('我协助调解')
    await row.click()
    const page = helper.locator(`#jf-med-detail[data-case-id="${id}"][data-my-role="helper"]`)
    await page.waitFor()
    await expect(helper.locator('#jf-med-parties').innerText()).resolves.toContain('黄伟明')
    for (const phone of Object.values(DEMO_RESIDENT_PHONES)) {
      await expect(page.innerText()).resolves.not.toContain(phone)
      await expect(page.innerText()).resolves.not.toContain(phone.slice(-4))
    }
    await expect(helper.locator('.jf-medh-helper[data-name="林志远"]').innerText()).resolves.toContain('（我）')
    await expect(helper.locator('#jf-med-act-bar .jf-med-act').count()).resolves.toBe(0)
    await helper.locator('#jf-msg-text textarea').fill(HELPER_MSG)
    await helper.locator('#jf-msg-send').click()
    await helper.locator('.jf-msg[data-mine="1"]', { hasText: HELPER_MSG }).waitFor()
    await shot(helper, 'e2e-helper-thread')

    // The applicant reads it, marked 协助调解人.
    await open(applicant, `/pages/mediation/detail/index?id=${id}`)
    const msg = applicant.locator('.jf-msg[data-mine="0"]', { hasText: HELPER_MSG })
    await msg.waitFor()
    await expect(msg.locator('.jf-msg-author').innerText()).resolves.toContain('林志远 · 协助调解人')
    await expect(applicant.locator('.jf-thread-hint').innerText()).resolves.toContain('协助调解人')
    await shot(applicant, 'e2e-helper-party')
  })

  it('the district admin adds a neighbour as helper by hand; the staff list shows the kind and the roster offers them', async () => {
    const ctx = await world.browser.newContext({ baseURL: world.srv.url, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const admin = await ctx.newPage()
    admin.setDefaultTimeout(15_000)
    await signIn(admin, 'demo-admin')
    await open(admin, '/pages/admin/staff/index')
    await admin.locator('#jf-staff-add').waitFor()
    await admin.locator('#jf-staff-add-role').selectOption('helper')
    await admin.locator('#jf-staff-add-name').fill('冯志强')
    await admin.locator('#jf-staff-add-phone').fill('13655556006')
    // A helper belongs to a community: the street's code is refused under its column.
    await admin.locator('#jf-staff-add-unit').fill(DEMO_STREET)
    await admin.locator('#jf-staff-add-kind').selectOption('neighbour')
    await admin.locator('#jf-staff-add-go').click()
    await expect(admin.locator('#jf-staff-add-error').getAttribute('data-fields')).resolves.toBe('单位编码')
    await admin.locator('#jf-staff-add-unit').fill(helperCommunity(0))
    await admin.locator('#jf-staff-add-go').click()
    const row = admin.locator('.jf-staff-row[data-name="冯志强"]')
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('协助调解人（街坊）')
    await shot(admin, 'e2e-helper-added')

    // A mediator of a case in the street now finds him in the roster.
    const applied = await (await as(world.srv.url, 'demo-resident')).call('mediation', 'apply', applyInput())
    expect(await medAct(await as(world.srv.url, 'demo-dispatcher'), applied.case.id, 'accept')).toMatchObject({ ok: true })
    let offered = false
    for (const m of ['demo-mediator', 'demo-mediator-people']) {
      const r = await (await as(world.srv.url, m)).call('mediation', 'helpers', { id: applied.case.id })
      if (r.ok) offered = r.helpers.some((h: { name: string; kindLabel: string }) => h.name === '冯志强' && h.kindLabel === '街坊')
    }
    expect(offered).toBe(true)
    await ctx.close()
  })
})

/**
 * 司法确认 (Part G): a family case mediated to an agreement both parties confirmed (over HTTP); on the case
 * pages the mediator prepares the joint application, 陈小梅 confirms (one party is not enough), 黄伟明's
 * confirmation files it (已申请), and the 司法确认申请书 prints both applicants in full, the agreement's
 * number and the court — no internal id, English word or UTC time.
 */
describe('司法确认申请书', () => {
  it('an agreement produces the 司法确认申请书', async () => {
    const url = world.srv.url
    const [applicantApi, respondentApi, centreApi] = await Promise.all(['demo-resident', 'demo-resident-2', 'demo-dispatcher'].map((u) => as(url, u)))
    const applied = await applicantApi.call('mediation', 'apply', applyInput({ applicantName: '陈小梅', applicantPhone: DEMO_RESIDENT_PHONES['demo-resident'], respondents: [{ name: '黄伟明', phone: DEMO_RESIDENT_PHONES['demo-resident-2'] }] }))
    expect(applied).toMatchObject({ ok: true })
    const id: string = applied.case.id
    expect(await medAct(centreApi, id, 'accept')).toMatchObject({ ok: true })
    expect(await respondentApi.call('mediation', 'join', joinInput(applied.case.invites[0].code))).toMatchObject({ ok: true })
    // Whichever mediator the district's rules gave the case drafts the agreement both confirm.
    let mediatorId = ''
    for (const m of ['demo-mediator', 'demo-mediator-people']) {
      const api = await as(url, m)
      if (!(await api.call('mediation', 'get', { id })).actions?.some((a: { action: string }) => a.action === 'invite')) continue
      mediatorId = m
      expect(await medAct(api, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
      expect(await medAct(api, id, 'draft_agreement', { terms: ['黄伟明于每月 5 日前向陈小梅支付子女抚养费 1800 元'] })).toMatchObject({ ok: true })
    }
    expect(mediatorId).not.toBe('')
    await medAct(applicantApi, id, 'confirm_agreement', { agreementVersion: 1 })
    expect(await medAct(respondentApi, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'succeeded' } })

    const [mediator, applicant, respondent] = await Promise.all([mediatorId, 'demo-resident', 'demo-resident-2'].map((u) => person(u)))

    // The mediator prepares the application from the case page (asked twice: the parties then have 30 days).
    await open(mediator, `/pages/mediation-staff/case/index?id=${id}`)
    await mediator.locator(`#jf-medc-case[data-case-id="${id}"][data-status="succeeded"]`).waitFor()
    await tapAndConfirm(mediator, '.jf-med-act[data-action="prepare_judicial"]')
    await mediator.locator('#jf-med-judicial[data-status="drafting"]').waitFor()
    await expect(mediator.locator('#jf-med-judicial').innerText()).resolves.toContain('广州市白云区人民法院')

    // 陈小梅 confirms on her case page: one party is not enough.
    await open(applicant, `/pages/mediation/detail/index?id=${id}`)
    await applicant.locator('#jf-med-judicial[data-status="drafting"]').waitFor()
    await expect(applicant.locator('#jf-med-judicial-deadline').innerText()).resolves.toMatch(/请各方当事人于\d{4}年\d{1,2}月\d{1,2}日前确认共同申请/)
    await tapAndConfirm(applicant, '#jf-med-confirm-judicial')
    await applicant.locator('#jf-med-judicial-confirmed-me').waitFor()
    await expect(applicant.locator('#jf-med-judicial').getAttribute('data-status')).resolves.toBe('drafting')

    // 黄伟明's confirmation files it: 已申请.
    await open(respondent, `/pages/mediation/detail/index?id=${id}`)
    await tapAndConfirm(respondent, '#jf-med-confirm-judicial')
    await respondent.locator('#jf-med-judicial[data-status="applied"]').waitFor()
    await expect(respondent.locator('#jf-med-judicial-status').innerText()).resolves.toBe('已申请')
    await shot(respondent, 'e2e-judicial-applied')

    // The 申请书, opened from the card: both applicants in full, the agreement's number, the court, both confirmations.
    await open(applicant, `/pages/mediation/detail/index?id=${id}`)
    await applicant.locator('#jf-med-judicial-print').click()
    await applicant.locator(`#jf-judicial[data-case-id="${id}"][data-status="applied"]`).waitFor()
    await expect(applicant.locator('#jf-jud-applicants').innerText()).resolves.toBe(
      `申请人：陈小梅，联系电话：${DEMO_RESIDENT_PHONES['demo-resident']}\n申请人：黄伟明，联系电话：${DEMO_RESIDENT_PHONES['demo-resident-2']}`,
    )
    await expect(applicant.locator('#jf-jud-request').innerText()).resolves.toMatch(/^请求确认申请人于\d{4}年\d{1,2}月\d{1,2}日经.+主持调解达成的（\d{4}）.+调字第 \d+ 号人民调解协议有效。$/)
    await expect(applicant.locator('#jf-jud-court').innerText()).resolves.toContain('广州市白云区人民法院')
    await expect(applicant.locator('#jf-jud-signatures [data-confirmed="1"]').count()).resolves.toBe(2)
    const paper = await applicant.locator('#jf-judicial .jf-agr-paper').innerText()
    expect(paper).not.toMatch(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T/)
    expect(paper).not.toContain(id)
    await shot(applicant, 'e2e-judicial-print')
  })
})

/**
 * 小事不出村、大事不出镇 (Part D): 陈小梅 applies naming 云景社区; the case goes to that community's 人民调解委员会
 * and, once the centre accepts it, to its mediator 何芳; 何芳 passes it up (the reason is required) and 钱进
 * of the street's committee has it, with where it came from and why; 陈小梅 reads the same on her page.
 */
describe('小事不出村: a village committee passes a case up to the street', () => {
  const FACTS = '楼上住户长期在阳台养鸽子，粪便和噪音影响楼下多户居民'
  const REASON = '涉及同一楼栋多户居民，需街道人民调解委员会协调'

  it('a village committee passes a case up to the street', async () => {
    const [applicant, village, street] = await Promise.all(['demo-resident', 'demo-mediator-community', 'demo-mediator-people'].map((u) => person(u)))

    // 1. 陈小梅 applies, naming the community where it happens.
    await open(applicant, '/pages/mediation/apply/index')
    await applicant.locator('.jf-med-type-chip[data-code="neighbour"]').click()
    await applicant.locator(`.jf-med-community-chip[data-code="${communityCode(0)}"]`).click()
    await applicant.locator('#jf-med-name input').fill('陈小梅')
    await applicant.locator('#jf-med-phone input').fill('13800138000')
    await applicant.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-name input').fill('黄伟明')
    await applicant.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-phone input').fill('13912345678')
    await applicant.locator('#jf-med-facts textarea').fill(FACTS)
    await applicant.locator('#jf-med-claims textarea').fill('请对方清理鸽粪并不再在阳台养鸽')
    await applicant.locator('#jf-med-submit').click()
    const detail = applicant.locator('#jf-med-detail[data-status="applied"]')
    await agreeNoticeIfAsked(applicant, detail)
    await detail.waitFor()
    const id = (await detail.getAttribute('data-case-id'))!
    await applicant.locator('#jf-med-level[data-level="community"]').waitFor()
    await expect(applicant.locator('#jf-med-committee').innerText()).resolves.toBe('云景社区人民调解委员会')

    // 2. The street's centre accepts it; it goes to the village committee's mediator, 何芳.
    expect(await medAct(await as(world.srv.url, 'demo-dispatcher'), id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '何芳' } })

    // 3. 何芳 finds it in her queue and passes it up: the reason is required.
    await village.locator('#jf-entry-mediator').click()
    await village.locator(`.jf-medq-row[data-case-id="${id}"]`).click()
    await village.locator(`#jf-medc-case[data-case-id="${id}"][data-my-role="mediator"]`).waitFor()
    await village.locator('#jf-med-level[data-level="community"][data-passed-up="0"]').waitFor()
    await village.locator('.jf-med-act[data-action="pass_up"]').click()
    await village.locator('#jf-med-sheet[data-action="pass_up"]').waitFor()
    await village.locator('#jf-med-act-submit').click()
    await village.locator('#jf-error-note').waitFor()
    await village.locator('#jf-med-note textarea').fill(REASON)
    await shot(village, 'e2e-mediation-pass-up')
    await village.locator('#jf-med-act-submit').click()
    await village.locator('#jf-med-level[data-level="street"][data-passed-up="1"]').waitFor()
    await expect(village.locator('#jf-med-level').innerText()).resolves.toContain(REASON)
    // Hers no more: the move is gone from her page and the case from her reach.
    await expect(village.locator('.jf-med-act[data-action="pass_up"]').count()).resolves.toBe(0)
    expect(await (await as(world.srv.url, 'demo-mediator-community')).call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // 4. 钱进 of the street committee has it in his queue, with why it came up, and carries on.
    await street.locator('#jf-entry-mediator').click()
    await street.locator(`.jf-medq-row[data-case-id="${id}"]`).click()
    await street.locator(`#jf-medc-case[data-case-id="${id}"][data-my-role="mediator"]`).waitFor()
    const level = street.locator('#jf-med-level[data-level="street"]')
    await level.waitFor()
    const text = await level.innerText()
    expect(text).toContain('云景社区人民调解委员会 → 京溪街道人民调解委员会')
    expect(text).toContain(REASON)
    await expect(street.locator('#jf-med-committee').innerText()).resolves.toBe('京溪街道人民调解委员会')
    await street.locator('.jf-med-act[data-action="invite"]').waitFor()
    // The district has no committee for neighbour disputes: nothing to pass it up to from here.
    await expect(street.locator('.jf-med-act[data-action="pass_up"]').count()).resolves.toBe(0)
    await shot(street, 'e2e-mediation-passed-up')

    // 5. The applicant reads where her case went and why.
    await applicant.reload()
    await applicant.locator('#jf-med-level[data-level="street"][data-passed-up="1"]').waitFor()
    await expect(applicant.locator('#jf-med-level').innerText()).resolves.toContain(REASON)
  })
})
