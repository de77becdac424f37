/**
 * 视频调解 on the H5 desk against the real local server (functions over SQLite, the H5 build, Debian
 * Chromium): 周敏 schedules a video session from 调解工作台 (视频调解 with a backup link); the parties and
 * she enter and leave it from the mini-program (here their voip.joined / voip.left calls over HTTP);
 * the desk shows the session — 未开始, then 进行中 with who is in it, then 已结束 with the duration — and
 * never offers video itself (no video on H5).
 */
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS, browserWorld, deskContext, open, shot, signIn } from '../support/browser'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { as, type Client } from '../support/server'

jest.setTimeout(120_000)

const world = browserWorld()

/** A family case of 陈小梅 against 黄伟明, accepted by the centre and under way with 周敏. */
async function underWay(): Promise<{ id: string; applicant: Client; respondent: Client; mediator: Client }> {
  const [applicant, respondent, mediator, centre] = await Promise.all(['demo-resident', 'demo-resident-2', 'demo-mediator', 'demo-dispatcher'].map((u) => as(world.srv.url, u)))
  const applied = await applicant.call('mediation', 'apply', applyInput())
  const id = applied.case.id as string
  expect(await respondent.call('mediation', 'join', joinInput(applied.case.invites[0].code))).toMatchObject({ ok: true })
  expect(await medAct(centre!, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '周敏' } })
  expect(await medAct(mediator!, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  return { id, applicant: applicant!, respondent: respondent!, mediator: mediator! }
}

/** The session's card alone (the page scrolls inside its own container, so a page shot misses it). */
async function cardShot(card: ReturnType<Page['locator']>, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await card.scrollIntoViewIfNeeded()
  await card.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
}

/** The staff case page, loaded afresh. */
async function deskCase(p: Page, id: string): Promise<void> {
  await open(p, `/pages/mediation-staff/case/index?id=${id}`)
  await p.locator(`#jf-medc-case[data-case-id="${id}"]`).waitFor()
}

describe('视频调解 on the H5 desk', () => {
  it('schedules a video session and shows it 未开始 → 进行中 (who is in it) → 已结束 (duration), with no video on H5', async () => {
    const { id, applicant, respondent, mediator } = await underWay()
    const desk = await (await deskContext(world.browser, world.srv.url)).newPage()
    desk.setDefaultTimeout(15_000)
    await signIn(desk, 'demo-mediator')
    await deskCase(desk, id)

    // 安排调解 → 视频调解: the link becomes the backup for whoever cannot use WeChat's video.
    await desk.locator('.jf-med-act[data-action="schedule"]').click()
    await desk.locator('#jf-med-sheet[data-action="schedule"]').waitFor()
    await desk.locator('.jf-med-mode[data-mode="video"]').click()
    await desk.locator('#jf-med-video-hint').waitFor()
    await expect(desk.locator('#jf-med-sheet').innerText()).resolves.toContain('备用会议链接')
    // Ten minutes from now on the Shanghai wall clock (the room opens 30 minutes before).
    const wall = new Date(Date.now() + 8 * 3_600_000 + 10 * 60_000).toISOString().slice(0, 16)
    await desk.locator('#jf-med-session-at').fill(wall)
    await desk.locator('#jf-med-session-place input').fill('腾讯会议 123-456-789')
    await shot(desk, 'e2e-video-schedule')
    await desk.locator('#jf-med-act-submit').click()

    const session = desk.locator('.jf-med-session[data-mode="video"]')
    await session.waitFor()
    const sid = (await session.getAttribute('data-session-id'))!
    const card = desk.locator(`#jf-med-video-${sid}`)
    await expect(card.getAttribute('data-state')).resolves.toBe('未开始')
    await expect(session.innerText()).resolves.toContain('视频调解')
    await expect(card.innerText()).resolves.toContain('视频调解请在微信小程序的本案件页进入')
    await expect(card.innerText()).resolves.toContain('备用会议链接：腾讯会议 123-456-789')
    await expect(desk.locator('#jf-med-video-join').count()).resolves.toBe(0)

    // 陈小梅 and 周敏 enter from the mini-program; the desk shows who is in it.
    expect(await applicant.call('voip', 'joined', { id, sessionId: sid })).toMatchObject({ ok: true })
    expect(await mediator.call('voip', 'joined', { id, sessionId: sid })).toMatchObject({ ok: true })
    await deskCase(desk, id)
    await expect(card.getAttribute('data-state')).resolves.toBe('进行中')
    const live = await card.innerText()
    expect(live).toContain('申请人 陈小梅')
    expect(live).toContain('调解员 周敏（我）')
    expect(live).toContain('仍在视频中')
    expect(live).toMatch(/时长：\d+ 分钟（进行中）/)
    await shot(desk, 'e2e-video-live')
    await cardShot(card, 'e2e-video-live-card')

    // Both leave: 已结束, with when and how long; the timeline has a row for each.
    expect(await applicant.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: true })
    expect(await respondent.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(await mediator.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: true })
    await deskCase(desk, id)
    await expect(card.getAttribute('data-state')).resolves.toBe('已结束')
    const ended = await card.innerText()
    expect(ended).toContain('结束：')
    expect(ended).toMatch(/时长：\d+ 分钟/)
    expect(ended).not.toContain('仍在视频中')
    const timeline = await desk.locator('#jf-medc-case').innerText()
    expect(timeline.match(/进入视频调解/g)?.length).toBe(2)
    expect(timeline.match(/离开视频调解/g)?.length).toBe(2)
    await cardShot(card, 'e2e-video-ended-card')
  })
})
