/**
 * 代办 for every flow (issue 19), end to end: the real local server (function bundles over SQLite,
 * timers off) serving the real H5 build, driven in Debian Chromium with one browser context per
 * person. One server for the whole file: each flow has its own `describe` block below and uses
 * `world` (and `person`, `newcomer`).
 *
 * 代办申请调解 and the claim by phone (Part D1):
 * 1. 李明 (grid worker of 云景社区第1网格) opens 代办服务 from his home page and applies for mediation for
 *    a neighbour who is with him, ticking 「本人确认当事人在场并同意代为申请」; the case opens for him with
 *    the timeline's 代办申请 row: 「代办：网格员 李明 代 欧*英 办理」.
 * 2. The neighbour, later, as a brand-new WeChat identity: 我的 → 认领代办事项 lists nothing until her
 *    phone is set (typed: this local deployment has no phone button); then it lists the case by what it
 *    is, she claims it, and the case opens as hers (申请人) with 本人认领 in its timeline.
 *
 * 代办租户登记 and 代为求助 (Part D2): see the block's own comment below.
 */
import type { Page } from 'playwright-core'
import { browserWorld, modalOk, phone, shot, signedInPhone, signInAs } from '../support/browser'
import { agreeNoticeIfAsked } from '../support/h5Flows'
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID } from '../../backend/seed/demoBuildings'
import { gridCentre } from '../../backend/seed/demoOrg'

jest.setTimeout(120_000)

export const world = browserWorld()

/** A fresh phone for one person, signed in through the dev role switcher. */
export async function person(userId: string): Promise<Page> {
  return signedInPhone(world.browser, world.srv.url, userId)
}

/** A phone that opens the app as a brand-new WeChat identity, signed in through the role switcher's 新微信用户. */
export async function newcomer(openid: string): Promise<Page> {
  const p = await (await phone(world.browser, world.srv.url)).newPage()
  p.setDefaultTimeout(20_000)
  await signInAs(p, openid)
  return p
}

/** The text field `id` (Taro's H5 Input wraps the real input). */
const field = (p: Page, id: string) => p.locator(`#${id} input, input#${id}, #${id} textarea, textarea#${id}`).first()

const RUN = Date.now().toString(36)
/** The neighbour's own phone: no seed or other test uses it. */
const NEIGHBOUR_PHONE = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`
const FACTS = '楼上邻居家卫生间漏水，渗到我家天花板，多次上门沟通没有结果'
const CLAIMS = '请对方修好防水并赔偿天花板维修费'

describe('代办申请调解 and the claim by phone', () => {
  it('a grid worker applies for a neighbour who is present; she later claims the case with her own phone', async () => {
    const worker = await person('demo-grid-worker')
    await worker.locator('#jf-entry-proxy').click()
    await worker.locator('#jf-proxy-mediation').click()
    await worker.locator('#jf-proxy-med').waitFor()
    await worker.locator('.jf-med-type-chip[data-code="neighbour"]').click()
    await field(worker, 'jf-med-name').fill('欧阳秀英')
    await field(worker, 'jf-med-phone').fill(NEIGHBOUR_PHONE)
    await worker.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-name input').fill('黄伟明')
    await worker.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-phone input').fill('13912345678')
    await worker.locator('#jf-med-facts textarea').fill(FACTS)
    await worker.locator('#jf-med-claims textarea').fill(CLAIMS)
    // Nothing is filed without the declaration.
    await worker.locator('#jf-med-submit').click()
    await worker.locator('#jf-proxy-declaration .jf-field-error', { hasText: '请确认当事人在场并同意代为申请' }).waitFor()
    await worker.locator('#jf-proxy-declaration .nut-checkbox').click()
    await shot(worker, 'e2e-proxy-mediation-form')
    await worker.locator('#jf-med-submit').click()
    await agreeNoticeIfAsked(worker, worker.locator('#jf-med-detail'))

    const detail = worker.locator('#jf-med-detail')
    await detail.waitFor()
    const id = (await detail.getAttribute('data-case-id'))!
    // The agent reads it without any party's role.
    await expect(detail.getAttribute('data-my-role')).resolves.toBe('')
    const filed = worker.locator('.jf-timeline-item[data-action="proxy_apply"]')
    await expect(filed.locator('.jf-timeline-action').innerText()).resolves.toBe('代办申请')
    await expect(filed.locator('.jf-timeline-note').innerText()).resolves.toBe('代办：网格员 李明 代 欧*英 办理')
    await shot(worker, 'e2e-proxy-mediation-filed')

    // The neighbour, as a brand-new WeChat identity: nothing to claim until her phone is set.
    const neighbour = await newcomer(`dev-proxy-claim-${RUN}`)
    await neighbour.locator('#jf-tab-me').click()
    await neighbour.locator('#jf-me-claim').click()
    await neighbour.locator('#jf-claim[data-phone="missing"]').waitFor()
    await expect(neighbour.locator('.jf-claim-case').count()).resolves.toBe(0)
    await neighbour.locator('#jf-claim-set-phone').click()
    // H5 has no phone button: the number is typed.
    await field(neighbour, 'jf-profile-phone-input').fill(NEIGHBOUR_PHONE)
    await neighbour.locator('#jf-profile-phone-save').click()
    await agreeNoticeIfAsked(neighbour, neighbour.locator('#jf-profile-phone-now', { hasText: `${NEIGHBOUR_PHONE.slice(0, 3)}****` }))
    await neighbour.locator('#jf-profile-phone-now', { hasText: `${NEIGHBOUR_PHONE.slice(0, 3)}****${NEIGHBOUR_PHONE.slice(7)}` }).waitFor()
    await neighbour.goBack()

    // Back on 认领代办事项: the case filed for her phone, by what it is.
    await neighbour.locator('#jf-claim[data-phone="verified"]').waitFor()
    const row = neighbour.locator(`.jf-claim-case[data-id="${id}"]`)
    await expect(row.innerText()).resolves.toContain('调解案件 · 邻里纠纷')
    await expect(row.innerText()).resolves.toContain('网格员 李明 代办')
    await expect(row.innerText()).resolves.not.toContain('漏水')
    await shot(neighbour, 'e2e-proxy-claim-list')
    await row.locator('.jf-claim-go').click()
    await modalOk(neighbour)

    const mine = neighbour.locator(`#jf-med-detail[data-case-id="${id}"][data-my-role="applicant"]`)
    await mine.waitFor()
    await neighbour.locator('.jf-timeline-item[data-action="claim_proxied"]', { hasText: '本人认领' }).waitFor()
    await shot(neighbour, 'e2e-proxy-claimed')
  })
})

/*
 * 代办租户登记 (Part D2): 李明 registers a tenant who is with him in the demo building, reading her the
 * notice and recording her two consents as given in person, with his declaration; the building's
 * manager (王建国) sees the 代办 words on the row and confirms; the tenant, later a brand-new WeChat
 * identity, claims the registration with her own phone and finds it in 我的租住登记.
 */
const TENANT_PHONE = `136${String((Date.now() + 7) % 100_000_000).padStart(8, '0')}`
/** A valid 18-digit number nobody else registers (the check digit computed). */
const TENANT_DOC = (() => {
  const body = `44010619850${3 + (Date.now() % 7)}15${String(Date.now() % 1000).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((n, ch, i) => n + Number(ch) * weights[i]!, 0)
  return body + '10X98765432'[sum % 11]!
})()

describe('代办租户登记 and 代为求助 (Part D2)', () => {
  it('a grid worker registers a tenant who is present; the manager confirms; she claims it by phone', async () => {
    const worker = await person('demo-grid-worker')
    await worker.locator('#jf-entry-proxy').click()
    await worker.locator('#jf-proxy-checkin').click()
    await worker.locator('#jf-proxy-checkin-form').waitFor()
    await worker.locator(`.jf-proxy-checkin-building[data-code="${DEMO_BUILDING_CODE}"]`).click()
    await expect(worker.locator('#jf-proxy-checkin-notice').innerText()).resolves.toContain('保存 180 天')
    await worker.locator('.jf-proxy-checkin-room[data-room="102"]').click()
    await field(worker, 'jf-proxy-checkin-name').fill('黄秀珍')
    await field(worker, 'jf-proxy-checkin-doc').fill(TENANT_DOC)
    await field(worker, 'jf-proxy-checkin-phone').fill(TENANT_PHONE)
    await worker.locator('#jf-proxy-consent-purpose .nut-checkbox').click()
    await worker.locator('#jf-proxy-consent-sensitive .nut-checkbox').click()
    // Nothing is filed without the agent's declaration.
    await worker.locator('#jf-proxy-checkin-submit').click()
    await worker.locator('#jf-proxy-checkin-declaration .jf-field-error', { hasText: '代办声明' }).waitFor()
    await worker.locator('#jf-proxy-checkin-declaration .nut-checkbox').click()
    await shot(worker, 'e2e-proxy-checkin-form')
    await worker.locator('#jf-proxy-checkin-submit').click()
    const done = worker.locator('#jf-proxy-checkin-done')
    await done.waitFor()
    const id = (await done.getAttribute('data-id'))!
    await expect(worker.locator('#jf-proxy-checkin-note').innerText()).resolves.toBe('代办：网格员 李明 代 黄*珍 办理')
    await shot(worker, 'e2e-proxy-checkin-done')

    // 王建国 sees who registered her, and confirms as for any tenant.
    const manager = await person('demo-building-manager')
    await manager.locator('#jf-entry-buildings').click()
    await manager.locator(`.jf-building[data-id="${DEMO_BUILDING_ID}"]`).click()
    const row = manager.locator(`.jf-building-reg[data-id="${id}"][data-status="pending"]`)
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('102 黄秀珍')
    await expect(row.locator('.jf-reg-proxy').innerText()).resolves.toBe('代办：网格员 李明 代 黄*珍 办理')
    await shot(manager, 'e2e-proxy-checkin-manager')
    await row.locator('.jf-reg-approve').click()
    await row.waitFor({ state: 'detached' })

    // The tenant, later, as a brand-new WeChat identity with her own phone (typed: local deployment).
    const tenant = await newcomer(`dev-proxy-tenant-${RUN}`)
    await tenant.locator('#jf-tab-me').click()
    await tenant.locator('#jf-me-claim').click()
    await tenant.locator('#jf-claim[data-phone="missing"]').waitFor()
    await tenant.locator('#jf-claim-set-phone').click()
    // The typed number (no phone button here), behind 手动填写 where the page offers WeChat's button first.
    await tenant.locator('#jf-profile-phone-type, #jf-profile-phone-input').first().waitFor()
    if (await tenant.locator('#jf-profile-phone-type').isVisible()) await tenant.locator('#jf-profile-phone-type').click()
    await field(tenant, 'jf-profile-phone-input').fill(TENANT_PHONE)
    await tenant.locator('#jf-profile-phone-save').click()
    await agreeNoticeIfAsked(tenant, tenant.locator('#jf-profile-phone-now', { hasText: `${TENANT_PHONE.slice(0, 3)}****` }))
    await tenant.goBack()
    const claim = tenant.locator(`.jf-claim-case[data-id="${id}"]`)
    await expect(claim.innerText()).resolves.toContain('出租屋登记 · 102 室')
    await expect(claim.innerText()).resolves.toContain('网格员 李明 代办')
    await claim.locator('.jf-claim-go').click()
    await modalOk(tenant)
    // Hers now: in 我的租住登记, confirmed, with who registered her.
    const mine = tenant.locator(`.jf-rental-reg[data-id="${id}"]`)
    await mine.waitFor()
    await expect(mine.innerText()).resolves.toContain('在住')
    await expect(mine.locator('.jf-rental-mine-proxy').innerText()).resolves.toBe('代办：网格员 李明 代 黄*珍 办理')
    await shot(tenant, 'e2e-proxy-checkin-claimed')
  })

  it('a 代办员 asks for help for the neighbour with her: the helpers see who to call and the 代办 words', async () => {
    // 郭秀兰 stands in 云景社区第1网格 with the neighbour: her own position is where help should come.
    const agent = await signedInPhone(world.browser, world.srv.url, 'demo-proxy-agent', gridCentre(0, 1))
    await agent.locator('#jf-entry-proxy').click()
    await agent.locator('#jf-proxy-help').click()
    await agent.locator('#jf-proxy-help-form').waitFor()
    await agent.locator('#jf-proxy-help-place[data-located="1"]').waitFor()
    await field(agent, 'jf-proxy-help-name').fill('钟桂芳')
    await field(agent, 'jf-proxy-help-phone').fill('13500001111')
    await agent.locator('#jf-proxy-help-kind-family').click()
    await agent.locator('#jf-proxy-help-words textarea').fill('老人和儿子吵起来了，情绪很激动')
    // Nothing goes out without the agent's declaration.
    await agent.locator('#jf-proxy-help-send').click()
    await agent.locator('#jf-proxy-help-declaration .jf-field-error').waitFor()
    await agent.locator('#jf-proxy-help-declaration .nut-checkbox').click()
    await shot(agent, 'e2e-proxy-help-form')
    await agent.locator('#jf-proxy-help-send').click()
    // The request's staff page: the person to call back and who asked for her.
    const request = agent.locator('#jf-helpc[data-status="raised"]')
    await request.waitFor()
    await expect(agent.locator('#jf-helpc-person').innerText()).resolves.toContain('钟桂芳')
    await expect(agent.locator('#jf-helpc-call-person').innerText()).resolves.toContain('13500001111')
    await expect(agent.locator('#jf-helpc-proxy').innerText()).resolves.toBe('代办：代办员 郭秀兰 代 钟*芳 办理')
    await agent.locator('.jf-timeline-note', { hasText: '代办：代办员 郭秀兰 代 钟*芳 办理' }).waitFor()
    await shot(agent, 'e2e-proxy-help-raised')
  })
})
