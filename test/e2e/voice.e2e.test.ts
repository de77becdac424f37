/**
 * Voice notes end to end: the real local server and H5 build in Debian Chromium with its fake microphone.
 *
 * A brand-new WeChat identity opens 上报问题, holds 按住说话 (MediaRecorder), writes no words and files
 * the report; their own case page plays the note. The grid worker 李明 opens it in the workbench: a
 * labelled player (语音描述 with its length) plays the note as the browser recorded it. A neighbour
 * who follows the report reads its public view, which has no player and no link to the note.
 * A mediation application told by voice alone shows the centre's desk a player under 语音陈述.
 */
import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext } from 'playwright-core'
import { holdToSpeak, launchBrowser, open, phone, screenshot, signIn, signInAs } from '../support/browser'
import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { GRID1_POINT, idemKey, TINY_AAC } from '../support/fixtures'
import { asOpenid, startServer, type RunningServer } from '../support/server'

jest.setTimeout(180_000)

let srv: RunningServer
let browser: Browser

beforeAll(async () => {
  ;[srv, browser] = await Promise.all([
    startServer({ env: { JIEFANG_TIMER_MS: '0' } }),
    launchBrowser({ microphone: true }),
  ])
})

afterAll(async () => {
  await browser?.close()
  await srv?.stop()
})

function context(): Promise<BrowserContext> {
  return phone(browser, srv.url, GRID1_POINT, { microphone: true })
}

describe('voice notes in the browser against the real server', () => {
  it('a new resident reports by voice alone; the grid worker plays it, a follower’s public view has none', async () => {
    const p = await (await context()).newPage()
    p.setDefaultTimeout(20_000)
    const openid = `dev-voice-report-${randomBytes(4).toString('hex')}`
    await signInAs(p, openid)
    await p.locator('#jf-entry-report').click()

    await p.locator('.jf-cat-top[data-code="HJ"]').click()
    await p.locator('.jf-cat-sub[data-code="HJ01"]').click()
    // No words: 提交 asks for words or a voice note, under the description.
    await p.locator('#jf-loc-current').click()
    await p.locator('#jf-loc-grid').getByText('云景社区第1网格').waitFor()
    await p.locator('#jf-address input').fill('云景路 12 号东门')
    await p.locator('#jf-submit').click()
    await expect(p.locator('#jf-error-description').innerText()).resolves.toContain('按住说话')

    await holdToSpeak(p, 'jf-report-voice')
    await expect(p.locator('#jf-report-voice-play').innerText()).resolves.toMatch(/语音 \d+ 秒/)
    await expect(p.locator('#jf-error-description').count()).resolves.toBe(0)
    await screenshot(p, 'voice-report-form')
    await p.locator('#jf-submit').click()
    const detail = p.locator('#jf-case-detail')
    await detail.waitFor()
    const id = (await detail.getAttribute('data-case-id'))!
    // The reporter hears their own note on their case page.
    await expect(p.locator('audio#jf-case-voice').getAttribute('src')).resolves.toBeTruthy()

    // The grid worker's workbench: a labelled player whose note loads and plays.
    const gw = await (await context()).newPage()
    gw.setDefaultTimeout(20_000)
    await signIn(gw, 'demo-grid-worker')
    await open(gw, `/pages/report-staff/case/index?id=${id}`)
    await gw.locator('#jf-staff-case').waitFor()
    const audio = gw.locator('audio#jf-case-voice')
    await audio.waitFor()
    // Its length once the browser has read it (a MediaRecorder WebM carries none: the player finds it).
    await gw.locator('#jf-case-voice-label', { hasText: /秒/ }).waitFor()
    await expect(gw.locator('#jf-case-voice-label').innerText()).resolves.toMatch(/^居民的语音描述（[1-3] 秒）$/)
    const played = await audio.evaluate(async (el: HTMLAudioElement) => {
      await el.play()
      await new Promise((r) => setTimeout(r, 300))
      return { time: el.currentTime, error: el.error?.code ?? null }
    })
    expect(played.error).toBeNull()
    expect(played.time).toBeGreaterThan(0)
    await screenshot(gw, 'voice-staff-case')

    // A neighbour who follows it reads the public view: no player, no link to the note.
    const neighbourId = `dev-voice-neighbour-${randomBytes(4).toString('hex')}`
    const np = await (await context()).newPage()
    np.setDefaultTimeout(20_000)
    await signInAs(np, neighbourId)
    expect(await (await asOpenid(srv.url, neighbourId)).call('reports', 'follow', { id })).toMatchObject({ ok: true })
    await open(np, `/pages/report/detail/index?id=${id}`)
    await np.locator(`#jf-public-case[data-case-id="${id}"]`).waitFor()
    await expect(np.locator('audio').count()).resolves.toBe(0)
    await expect(np.locator('#jf-case-voice').count()).resolves.toBe(0)
    expect(await np.content()).not.toMatch(/语音/)
  })

  it('a mediation application told by voice: the centre’s case page has the labelled player', async () => {
    const me = await asOpenid(srv.url, `dev-voice-apply-${randomBytes(4).toString('hex')}`)
    const up = await me.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })
    const applied = await me.call('mediation', 'apply', {
      idempotencyKey: idemKey(),
      disputeType: 'neighbour',
      streetCode: DEMO_STREET,
      applicantName: '赵新民',
      applicantPhone: '13611112222',
      respondents: [{ name: '黄伟明', phone: '13912345678' }],
      facts: '',
      claims: '',
      voiceFileId: up.fileId,
      evidence: [],
      preferredWay: 'in_person',
    })
    expect(applied).toMatchObject({ ok: true })
    const desk = await (await context()).newPage()
    desk.setDefaultTimeout(20_000)
    await signIn(desk, 'demo-dispatcher')
    await open(desk, `/pages/mediation-staff/case/index?id=${applied.case.id}`)
    await desk.locator('#jf-med-application').waitFor()
    await expect(desk.locator('audio#jf-med-voice').count()).resolves.toBe(1)
    await expect(desk.locator('#jf-med-voice-label').innerText()).resolves.toContain('申请人的语音陈述')
    await expect(desk.locator('#jf-med-facts').innerText()).resolves.toBe('（见语音陈述）')
  })
})
