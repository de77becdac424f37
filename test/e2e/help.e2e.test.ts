/**
 * 一键求助 end to end: the real local server (function bundles over SQLite, timers off, dev clock)
 * serving the real H5 build, driven in Debian Chromium, one browser context per person.
 *
 * 1. 陈小梅, standing in 云景社区第1网格, presses 一键求助 on the home page and sends 邻里纠纷 with a line
 *    of text. The community's on-duty mediator 钱进 finds it in 求助响应, accepts within the window;
 *    陈小梅's status page shows him coming with a call link; he turns it into a mediation case, and
 *    both sides show the link (调解案件 京溪-…), which opens the mediation case.
 * 2. A second request nobody accepts: after the acceptance window (dev clock) it reaches the street's
 *    综治中心 desk as 已上报街道综治中心, rings (the desk counts the arrival) and the tab title changes;
 *    the desk lists the on-duty helpers no message reached, with their phones. The centre takes it
 *    from the desk and turns it into a 网格事件; closed, it leaves the live desk.
 * 3. 人身安全受到威胁: 110 / 120 / 119 come first as one-tap `tel:` calls; a request the network refuses
 *    still shows them.
 * 4. A brand-new WeChat identity holds 按住说话 (Chromium's fake microphone, MediaRecorder), sends the
 *    request with the voice note alone, and the on-duty helper's page plays it.
 */
import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright-core'
import { browserWorld, deskContext, holdToSpeak, launchBrowser, open, phone, shot, signIn, signInAs } from '../support/browser'
import { advance } from '../support/cases'
import { GRID1_POINT } from '../support/fixtures'
import { as, asOpenid } from '../support/server'

jest.setTimeout(180_000)

const world = browserWorld()

const TEXT = '楼上邻居家连续三晚装修到半夜，敲门不开，双方在楼道里吵起来了'
const SECOND = '楼下商铺的空调外机对着我家窗户，噪音很大'
const RESPONDENT = '王大伟'
const CLAIMS = '晚上十点后停止施工'

/** A phone standing in 云景社区第1网格, signed in through the dev role switcher. */
async function resident(userId: string): Promise<Page> {
  const p = await (await phone(world.browser, world.srv.url, GRID1_POINT)).newPage()
  p.setDefaultTimeout(20_000)
  await signIn(p, userId)
  return p
}

/** 一键求助 from the home page: the kind, a line of text, the position read as the page opens. */
async function raise(p: Page, kind: string, text: string): Promise<string> {
  await p.locator('#jf-entry-help').click()
  await p.locator('#jf-help-raise').waitFor()
  await p.locator(`.jf-help-kind[data-kind="${kind}"]`).click()
  await p.locator('#jf-help-text textarea').fill(text)
  await p.locator('#jf-help-place[data-located="1"]').waitFor()
  await expect(p.locator('#jf-help-place-grid').innerText()).resolves.toContain('云景社区第1网格')
  await p.locator('#jf-help-send').click()
  const status = p.locator('#jf-help-status[data-status="raised"]')
  await status.waitFor()
  return (await status.getAttribute('data-id'))!
}

describe('一键求助 in the browser against the real server', () => {
  it('邻里纠纷: the on-duty mediator accepts, the person sees who is coming, and it becomes a mediation case', async () => {
    const person = await resident('demo-resident')
    const id = await raise(person, 'neighbour_dispute', TEXT)
    await person.locator('#jf-help-sent').waitFor()
    await expect(person.locator('#jf-help-waiting').innerText()).resolves.toContain('已通知社区值班人员')
    // Not danger: no emergency block pushes itself first.
    await expect(person.locator('#jf-help-sos').count()).resolves.toBe(0)
    await shot(person, 'e2e-help-raised')

    // A stranger cannot read it; the person can.
    const stranger = await as(world.srv.url, 'demo-resident-2')
    await expect(stranger.call('help', 'get', { id })).resolves.toMatchObject({ ok: false })

    // 钱进 (the street's people's mediator, on 云景社区's roster) accepts from 求助响应.
    const mediator = await (await phone(world.browser, world.srv.url)).newPage()
    mediator.setDefaultTimeout(20_000)
    await signIn(mediator, 'demo-mediator-people')
    await mediator.locator('#jf-entry-help-queue').click()
    await mediator.locator(`.jf-helpq-row[data-id="${id}"][data-status="raised"]`).click()
    await mediator.locator(`#jf-helpc[data-id="${id}"][data-status="raised"]`).waitFor()
    await expect(mediator.locator('#jf-helpc-notified').innerText()).resolves.toContain('钱进')
    await shot(mediator, 'e2e-help-staff-raised')
    await mediator.locator('#jf-helpc-accept').click()
    await mediator.locator('#jf-helpc[data-status="taken"][data-my-role="responder"]').waitFor()

    // 陈小梅's page polls: 钱进 is coming, with a one-tap call.
    await person.locator('#jf-help-status[data-status="taken"]').waitFor({ timeout: 15_000 })
    await expect(person.locator('#jf-help-responder-name').innerText()).resolves.toBe('钱进')
    await expect(person.locator('#jf-help-call').getAttribute('href')).resolves.toBe('tel:020-87700011')
    await shot(person, 'e2e-help-taken')

    // A second helper is too late: 已有人响应.
    const other = await as(world.srv.url, 'demo-grid-worker')
    await expect(other.call('help', 'accept', { id })).resolves.toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已有人响应' })

    // 钱进 turns it into a mediation case: the person as applicant, her words as the facts.
    await mediator.locator('#jf-helpc-to-mediation').click()
    const form = mediator.locator('#jf-helpc-convert[data-to="mediation"]')
    await form.waitFor()
    await expect(form.locator('.jf-helpc-type.is-active').getAttribute('data-code')).resolves.toBe('neighbour')
    await expect(form.locator('#jf-helpc-facts textarea').inputValue()).resolves.toBe(TEXT)
    await form.locator('#jf-helpc-applicant input').fill('陈小梅')
    await form.locator('#jf-helpc-applicant-phone input').fill('13800138000')
    await form.locator('#jf-helpc-other input').fill(RESPONDENT)
    await form.locator('#jf-helpc-other-phone input').fill('13912345678')
    await form.locator('#jf-helpc-claims textarea').fill(CLAIMS)
    await shot(mediator, 'e2e-help-convert')
    await mediator.locator('#jf-helpc-convert-submit').click()
    await mediator.locator('#jf-helpc[data-status="closed"]').waitFor()
    const link = mediator.locator('#jf-helpc-link')
    await expect(link.innerText()).resolves.toMatch(/已转为 调解案件 京溪-\d{4}-\d{5}/)

    // The person's page shows the request closed with the same link, which opens her mediation case
    // (she is its applicant), naming where it came from.
    await person.locator('#jf-help-status[data-status="closed"]').waitFor({ timeout: 15_000 })
    const personLink = person.locator('#jf-help-link')
    // The same case by number (the person may open it; whether the helper may depends on the committee it went to).
    const numberOf = (t: string) => /京溪-\d{4}-\d{5}/.exec(t)?.[0]
    expect(numberOf(await personLink.innerText())).toBe(numberOf(await link.innerText()))
    await shot(person, 'e2e-help-converted')
    await personLink.click()
    const medCase = person.locator('#jf-med-detail[data-my-role="applicant"]')
    await medCase.waitFor()
    const medText = await medCase.innerText()
    expect(medText).toContain(RESPONDENT)
    expect(medText).toContain('一键求助')
  })

  it('nobody accepts: after the window the request reaches the street’s console, which rings and retitles itself', async () => {
    // The desk is open before the request comes up to it.
    const deskCtx = await deskContext(world.browser, world.srv.url)
    const desk = await deskCtx.newPage()
    desk.setDefaultTimeout(20_000)
    await signIn(desk, 'demo-dispatcher')
    await desk.locator('#jf-entry-help-console').click()
    await desk.locator('#jf-help-live').waitFor()
    await desk.locator('#jf-help-live-total').getByText(/进行中 \d+ 件/).waitFor()
    await desk.locator('#jf-help-sound').click()
    await desk.locator('#jf-help-live[data-sound="on"], #jf-help-live[data-sound="unavailable"]').waitFor()

    const person = await resident('demo-resident-2')
    const id = await raise(person, 'other', SECOND)

    // The new request rings at once (a new id on the desk) ...
    const row = desk.locator(`.jf-help-live-row[data-id="${id}"]`)
    await row.waitFor({ timeout: 15_000 })
    await desk.waitForFunction(() => Number(document.querySelector('#jf-help-live')?.getAttribute('data-beeps')) >= 1)
    expect(await desk.title()).toMatch(/^（\d+）新求助 · 一键求助接报$/)
    // ... and the dispatcher acknowledges it by clicking the page.
    await desk.locator('#jf-help-live-total').click()
    await desk.locator('#jf-help-live[data-unseen="0"]').waitFor()
    await expect(desk.title()).resolves.toBe('一键求助接报')
    const beeps = Number(await desk.locator('#jf-help-live').getAttribute('data-beeps'))

    // Nobody accepts within the window (5 minutes in the demo district): the timer sends it up.
    await advance(world.srv.url, 0.1)
    const up = desk.locator(`.jf-help-live-row[data-id="${id}"][data-status="escalated"][data-escalation="street"]`)
    await up.waitFor({ timeout: 15_000 })
    await expect(up.innerText()).resolves.toContain('已上报街道综治中心')
    await expect(up.locator('.jf-help-live-wait').innerText()).resolves.toMatch(/^已等待 /)
    await desk.waitForFunction((n) => Number(document.querySelector('#jf-help-live')?.getAttribute('data-beeps')) > n, beeps)
    expect(await desk.title()).toMatch(/新求助/)
    // Whom no message reached, to phone now: names and numbers, never an id.
    const unreached = await up.locator('.jf-help-live-unreached').innerText()
    expect(unreached).toMatch(/林志远|钱进|李明|已提醒 \d+ 人/)
    expect(unreached).not.toMatch(/demo-|[0-9A-Z]{26}/)
    await shot(desk, 'e2e-help-console')

    // The person is told it went to the street.
    await person.locator('#jf-help-status[data-status="escalated"]').waitFor({ timeout: 15_000 })
    await expect(person.locator('#jf-help-waiting').innerText()).resolves.toContain('街道综治中心')

    // The centre opens it from the desk, in the desk frame, takes it and turns it into a 网格事件.
    await row.click()
    await desk.locator(`#jf-desk-case[data-from="help"] #jf-helpc[data-id="${id}"][data-status="escalated"]`).waitFor()
    await expect(desk.locator('#jf-helpc-escalated').innerText()).resolves.toContain('已上报街道综治中心')
    await desk.locator('#jf-helpc-accept').click()
    await desk.locator('#jf-helpc[data-status="taken"][data-my-role="responder"]').waitFor()
    await desk.locator('#jf-helpc-to-report').click()
    const form = desk.locator('#jf-helpc-convert[data-to="report"]')
    await form.locator('.jf-helpc-category').first().click()
    await expect(form.locator('#jf-helpc-description textarea').inputValue()).resolves.toBe(SECOND)
    await desk.locator('#jf-helpc-convert-submit').click()
    await desk.locator('#jf-helpc[data-status="closed"]').waitFor()
    await expect(desk.locator('#jf-helpc-link').innerText()).resolves.toMatch(/^已转为 网格事件 京溪-\d{4}-\d{5}/)
    // Closed requests leave the live desk.
    await desk.locator('#jf-desk-case #jf-console-header-back').click()
    await desk.locator(`.jf-help-live-row[data-id="${id}"]`).waitFor({ state: 'detached', timeout: 15_000 })
  })

  it('人身安全受到威胁: 110 / 120 / 119 first, and still there when the request is refused', async () => {
    const person = await resident('demo-resident')
    await person.locator('#jf-entry-help').click()
    await person.locator('#jf-help-raise').waitFor()
    await expect(person.locator('#jf-help-sos').count()).resolves.toBe(0)
    await person.locator('.jf-help-kind[data-kind="danger"]').click()
    const sos = person.locator('#jf-help-sos')
    await sos.waitFor()
    await expect(sos.locator('a.jf-help-sos-call').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['tel:110', 'tel:120', 'tel:119'])
    // Before anything else on the page.
    const first = await person.locator('#jf-help-raise > *').first().getAttribute('id')
    expect(first).toBe('jf-help-sos')
    await shot(person, 'e2e-help-danger')

    // Another kind, and the network fails as it is sent: the refusal still offers the calls.
    await open(person, '/pages/help/raise/index')
    await person.locator('.jf-help-kind[data-kind="family"]').click()
    await person.locator('#jf-help-place[data-located="1"]').waitFor()
    await person.route('**/api/fn/help', (r) => r.abort('internetdisconnected'))
    await person.locator('#jf-help-send').click()
    const refused = person.locator('#jf-help-refused')
    await refused.waitFor()
    await expect(refused.locator('a.jf-help-sos-call[href="tel:110"]').count()).resolves.toBe(1)
    await expect(refused.innerText()).resolves.toContain('求助未能发出')
    await person.unroute('**/api/fn/help')

    // 我的求助记录: her request of the first test, closed and turned into a mediation case.
    await person.locator('#jf-help-mine-link').click()
    const row = person.locator('#jf-help-mine-list .jf-help-row[data-status="closed"]').first()
    await row.waitFor()
    await expect(row.innerText()).resolves.toMatch(/邻里纠纷[\s\S]*已转为调解案件 京溪-\d{4}-\d{5}/)
  })

  it('a voice note alone: a new WeChat user holds 按住说话, the helper plays it', async () => {
    // A browser of its own with Chromium's fake microphone; everything else as the other phones.
    const b = await launchBrowser({ microphone: true })
    try {
      const ctx = await phone(b, world.srv.url, GRID1_POINT, { microphone: true })
      const p = await ctx.newPage()
      p.setDefaultTimeout(20_000)
      const openid = `dev-help-voice-${randomBytes(4).toString('hex')}`
      await signInAs(p, openid)
      await p.locator('#jf-entry-help').click()
      await p.locator('.jf-help-kind[data-kind="family"]').click()

      await holdToSpeak(p, 'jf-help-voice', 1500)
      await expect(p.locator('#jf-help-voice-play').innerText()).resolves.toMatch(/语音 \d+ 秒/)
      await p.locator('#jf-help-place[data-located="1"]').waitFor()
      await p.locator('#jf-help-send').click()
      const status = p.locator('#jf-help-status[data-status="raised"]')
      await status.waitFor()
      const id = (await status.getAttribute('data-id'))!

      // The helper on duty gets a short-lived link to play; the request reads 语音求助 in the lists.
      const helper = await as(world.srv.url, 'demo-helper')
      const got = await helper.call('help', 'get', { id })
      expect(got).toMatchObject({ ok: true, help: { text: '', helpKind: 'family' } })
      expect(typeof got.help.voiceUrl).toBe('string')
      const audio = await fetch(new URL(got.help.voiceUrl, world.srv.url))
      expect(audio.status).toBe(200)
      expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(100)
      // Nobody else collects it: another brand-new identity reads nothing.
      const stranger = await asOpenid(world.srv.url, `dev-help-stranger-${randomBytes(4).toString('hex')}`)
      await expect(stranger.call('help', 'get', { id })).resolves.toMatchObject({ ok: false })
    } finally {
      await b.close()
    }
  })
})
