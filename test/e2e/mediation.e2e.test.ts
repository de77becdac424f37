/**
 * 在线调解 end to end: the real local server (functions bundles over SQLite, timer off, dev clock)
 * serving the real H5 build, driven in Debian Chromium with one browser context per person.
 *
 * 1. 陈小梅 applies under her real name (婚姻家庭, against 黄伟明) and gets an invitation code; the
 *    centre (赵强) accepts in 调解工作台 and assigns 周敏 of the 婚调委; 黄伟明 (his phone in 我的 is
 *    the one she gave) opens the code, sees the summary only, confirms his name and consents as he
 *    joins; 周敏's invitation then starts mediation; 陈小梅 and 周敏 write to each other; 周敏 drafts a
 *    two-term agreement; both parties confirm → 调解成功, and the print view shows the terms.
 * 2. The respondent refuses at the invitation with a reason → 对方不同意调解.
 * 3. A case accepted 31 (server) days ago is overdue in the mediator's and the centre's queue, and
 *    the case page shows it, with 超时提醒 in the timeline.
 */
import type { Page } from 'playwright-core'
import { browserWorld, signedInPhone, open, shot, tapAndConfirm, switchOn } from '../support/browser'
import { advance } from '../support/cases'
import { agreeNoticeIfAsked, draftTwoTerms } from '../support/h5Flows'
import { applyInput, medAct } from '../support/mediation'
import { as, startServer } from '../support/server'

jest.setTimeout(120_000)

const world = browserWorld()

/** A fresh phone for one person, signed in through the dev role switcher. */
async function person(userId: string, url = world.srv.url): Promise<Page> {
  return signedInPhone(world.browser, url, userId)
}

const FACTS = '婚后因子女抚养费问题多次争吵，双方协商未果，希望调解解决'
const CLAIMS = '每月支付子女抚养费 2000 元'
const TERMS = ['黄伟明于每月 5 日前向陈小梅支付子女抚养费 1800 元', '双方就本纠纷再无其他争议']
const APPLICANT_MSG = '我希望尽快解决，周末都有时间'
const MEDIATOR_MSG = '两位好，我是婚调委调解员周敏，请双方周一上午在线参加调解'

describe('在线调解 in the browser against the real server', () => {
  it('application → acceptance → join with consent → invite → thread → agreement → both confirm → 调解成功', async () => {
    const [applicant, respondent, mediator, centre] = await Promise.all(
      ['demo-resident', 'demo-resident-2', 'demo-mediator', 'demo-dispatcher'].map((u) => person(u)),
    )

    // 1. 陈小梅 applies from the home page.
    await applicant.locator('#jf-entry-mediation').click()
    await applicant.locator('#jf-med-apply-entry').click()
    await applicant.locator('.jf-med-type-chip[data-code="family"]').click()
    await expect(applicant.locator('.jf-med-street-chip.is-active').count()).resolves.toBe(1)
    await applicant.locator('#jf-med-name input').fill('陈小梅')
    await applicant.locator('#jf-med-phone input').fill('13800138000')
    await applicant.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-name input').fill('黄伟明')
    await applicant.locator('.jf-med-respondent[data-index="0"] .jf-med-respondent-phone input').fill('13912345678')
    await applicant.locator('#jf-med-facts textarea').fill(FACTS)
    await applicant.locator('#jf-med-claims textarea').fill(CLAIMS)
    await applicant.locator('.jf-med-way[data-way="online"]').click()
    await shot(applicant, 'e2e-mediation-apply')
    await applicant.locator('#jf-med-submit').click()

    const detail = applicant.locator('#jf-med-detail[data-status="applied"]')
    await agreeNoticeIfAsked(applicant, detail)
    await detail.waitFor()
    await applicant.locator('#jf-med-created').waitFor()
    const id = (await detail.getAttribute('data-case-id'))!
    expect(id).toMatch(/^[0-9A-Z]{26}$/)
    const invite = applicant.locator('.jf-med-invite[data-used="0"]')
    await expect(invite.count()).resolves.toBe(1)
    const code = (await invite.getAttribute('data-code'))!
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    await expect(invite.locator('.jf-med-invite-code').innerText()).resolves.toBe(code)
    await shot(applicant, 'e2e-mediation-applied')

    // 2. The centre accepts in 调解工作台 and assigns 周敏 of the 婚调委.
    await centre.locator('#jf-entry-mediator').click()
    await centre.locator('.jf-medq-tab.is-active[data-tab="applied"]').waitFor()
    await centre.locator(`.jf-medq-row[data-case-id="${id}"][data-status="applied"]`).click()
    await centre.locator(`#jf-medc-case[data-case-id="${id}"][data-status="applied"]`).waitFor()
    await centre.locator('.jf-med-act[data-action="accept"]').click()
    await centre.locator('#jf-med-sheet[data-action="accept"]').waitFor()
    // A family dispute: only the 婚调委's mediators are offered.
    await centre.locator('.jf-med-mediator[data-mediator-id="demo-mediator"]').click()
    await expect(centre.locator('.jf-med-mediator[data-mediator-id="demo-mediator-people"]').count()).resolves.toBe(0)
    await shot(centre, 'e2e-mediation-accept')
    await centre.locator('#jf-med-act-submit').click()
    await centre.locator('#jf-medc-case[data-status="accepted"]').waitFor()
    await expect(centre.locator('#jf-med-committee').innerText()).resolves.toContain('婚调委')
    await expect(centre.locator('#jf-med-mediator').innerText()).resolves.toBe('周敏')

    // 3. 黄伟明 opens the code: the summary only (masked name, no phone), then joins.
    const residentApi = await as(world.srv.url, 'demo-resident-2')
    expect(await residentApi.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await open(respondent, `/pages/mediation/join/index?invite=${encodeURIComponent(code)}`)
    const summary = respondent.locator(`#jf-med-invite-summary[data-invite="${code}"]`)
    await summary.waitFor()
    const summaryText = await summary.innerText()
    expect(summaryText).toContain('陈*梅')
    expect(summaryText).toContain('婚姻家庭')
    expect(summaryText).toContain(FACTS)
    expect(summaryText).not.toContain('陈小梅')
    expect(summaryText).not.toContain('13800138000')
    await expect(respondent.locator('#jf-med-detail, #jf-thread, #jf-med-parties').count()).resolves.toBe(0)
    // His name as 陈小梅 typed it; joining needs his consent.
    await expect(respondent.locator('#jf-med-join-name input').inputValue()).resolves.toBe('黄伟明')
    await switchOn(respondent, '#jf-med-join-consent')
    await shot(respondent, 'e2e-mediation-join')
    await respondent.locator('#jf-med-join').click()
    await respondent.locator(`#jf-med-detail[data-case-id="${id}"][data-my-role="respondent"]`).waitFor()
    await respondent.locator('#jf-med-parties .jf-med-party[data-side="respondent"][data-joined="1"][data-consent="consented"]').waitFor()
    // He agreed as he joined: nothing is left to consent to.
    await expect(respondent.locator('.jf-med-act[data-action="consent"]').count()).resolves.toBe(0)

    // 4. 周敏 finds the case in her queue and sends 邀请对方: everyone agreed, so mediation starts.
    await mediator.locator('#jf-entry-mediator').click()
    await mediator.locator('.jf-medq-tab.is-active[data-tab="open"]').waitFor()
    await mediator.locator(`.jf-medq-row[data-case-id="${id}"][data-status="accepted"]`).click()
    await mediator.locator(`#jf-medc-case[data-case-id="${id}"][data-my-role="mediator"]`).waitFor()
    await tapAndConfirm(mediator, '.jf-med-act[data-action="invite"]')
    await mediator.locator('#jf-medc-case[data-status="mediating"]').waitFor()

    // 5. 黄伟明's page shows mediation under way.
    await respondent.reload()
    await respondent.locator('#jf-med-detail[data-status="mediating"]').waitFor()
    await shot(respondent, 'e2e-mediation-consent')

    // 6. Messages both ways: 陈小梅 writes, 周敏 reads it and answers, 陈小梅's page polls it in.
    await applicant.reload()
    await applicant.locator('#jf-med-detail[data-status="mediating"]').waitFor()
    await applicant.locator('#jf-thread-empty').waitFor()
    await applicant.locator('#jf-msg-text textarea').fill(APPLICANT_MSG)
    await applicant.locator('#jf-msg-send').click()
    await applicant.locator('.jf-msg[data-mine="1"]', { hasText: APPLICANT_MSG }).waitFor()

    await mediator.reload()
    await mediator.locator('#jf-medc-case[data-status="mediating"]').waitFor()
    await mediator.locator('.jf-msg[data-mine="0"]', { hasText: APPLICANT_MSG }).waitFor()
    await mediator.locator('#jf-msg-text textarea').fill(MEDIATOR_MSG)
    await mediator.locator('#jf-msg-send').click()
    await mediator.locator('.jf-msg[data-mine="1"]', { hasText: MEDIATOR_MSG }).waitFor()

    // No reload: the thread polls every 5 s.
    await applicant.locator('.jf-msg[data-mine="0"]', { hasText: MEDIATOR_MSG }).waitFor({ timeout: 12_000 })
    await expect(applicant.locator('.jf-msg').count()).resolves.toBe(2)
    await shot(applicant, 'e2e-mediation-thread')

    // 7. 周敏 drafts a two-term agreement.
    await draftTwoTerms(mediator, TERMS)
    await expect(mediator.locator('#jf-med-agreement-preview').innerText()).resolves.toContain(`二、${TERMS[1]}`)
    await shot(mediator, 'e2e-mediation-draft')
    await mediator.locator('#jf-med-act-submit').click()
    await mediator.locator('#jf-medc-case[data-status="agreement_pending"]').waitFor()
    await mediator.locator('#jf-med-agreement[data-version="1"]').waitFor()

    // 8. Both parties confirm; the second confirmation makes it 调解成功.
    await applicant.reload()
    await applicant.locator('#jf-med-detail[data-status="agreement_pending"]').waitFor()
    const agreementText = await applicant.locator('#jf-med-agreement[data-version="1"]').innerText()
    expect(agreementText).toContain(TERMS[0]!)
    expect(agreementText).toContain(TERMS[1]!)
    await tapAndConfirm(applicant, '#jf-med-confirm-agreement')
    await applicant.locator('#jf-med-confirmed-me').waitFor()
    await applicant.locator('.jf-med-confirmation[data-name="陈小梅"]').waitFor()
    await expect(applicant.locator('#jf-med-detail').getAttribute('data-status')).resolves.toBe('agreement_pending')

    await respondent.reload()
    await respondent.locator('#jf-med-detail[data-status="agreement_pending"]').waitFor()
    // The respondent reads the whole thread too.
    await respondent.locator('.jf-msg[data-mine="0"]', { hasText: APPLICANT_MSG }).waitFor()
    await respondent.locator('.jf-msg[data-mine="0"]', { hasText: MEDIATOR_MSG }).waitFor()
    await tapAndConfirm(respondent, '#jf-med-confirm-agreement')
    const done = respondent.locator('#jf-med-detail[data-status="succeeded"]')
    await done.waitFor()
    await expect(done.locator('.jf-med-head').innerText()).resolves.toContain('调解成功')
    await expect(respondent.locator('.jf-med-confirmation').count()).resolves.toBe(2)
    await shot(respondent, 'e2e-mediation-succeeded')

    // 9. The print view: effective, with both terms.
    await respondent.locator('#jf-med-print').click()
    await respondent.locator(`#jf-agreement[data-case-id="${id}"][data-effective="1"]`).waitFor()
    const printed = await respondent.locator('#jf-agr-terms').innerText()
    expect(printed).toContain(`一、${TERMS[0]}`)
    expect(printed).toContain(`二、${TERMS[1]}`)
    await shot(respondent, 'e2e-mediation-print')

    // What the pages showed is what the server stored.
    const stored = await (await as(world.srv.url, 'demo-resident')).call('mediation', 'get', { id })
    expect(stored).toMatchObject({
      ok: true,
      case: { status: 'succeeded', statusLabel: '调解成功', disputeType: 'family', committee: { code: 'family' }, mediatorName: '周敏', agreement: { version: 1, terms: TERMS } },
    })
    expect(stored.case.agreement.confirmations.map((x: { name: string }) => x.name).sort()).toEqual(['陈小梅', '黄伟明'].sort())
    expect(stored.timeline.map((e: { action: string }) => e.action)).toEqual(['apply', 'accept', 'join', 'invite', 'draft_agreement', 'confirm_agreement', 'confirm_agreement'])
    expect(stored.case.parties.map((p: { name: string }) => p.name)).toEqual(['陈小梅', '黄伟明'])
    const thread = await residentApi.call('mediation', 'messages', { id })
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual([APPLICANT_MSG, MEDIATOR_MSG])
  })

  it('the respondent refuses at the invitation with a reason → 对方不同意调解', async () => {
    // Set-up over the API: a neighbour dispute, accepted (→ 钱进) and invited before the respondent came.
    const [applicantApi, centreApi, mediatorApi] = await Promise.all(['demo-resident', 'demo-dispatcher', 'demo-mediator-people'].map((u) => as(world.srv.url, u)))
    const applied = await applicantApi.call('mediation', 'apply', applyInput({ disputeType: 'neighbour', facts: '楼上住户每晚十一点后仍在装修，噪音严重影响休息', claims: '晚上十点后停止施工' }))
    const id: string = applied.case.id
    expect(await medAct(centreApi, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '钱进' } })
    expect(await medAct(mediatorApi, id, 'invite')).toMatchObject({ ok: true, case: { status: 'awaiting_consent' } })

    const [respondent, applicant] = await Promise.all([person('demo-resident-2'), person('demo-resident')])
    await open(respondent, `/pages/mediation/join/index?invite=${encodeURIComponent(applied.case.invites[0].code)}`)
    await respondent.locator('#jf-med-invite-summary').waitFor()
    await respondent.locator('#jf-med-join-refuse').click()
    // A reason is required.
    await respondent.locator('#jf-med-refuse-submit').click()
    await respondent.locator('#jf-error-reason').waitFor()
    const reason = '此事已通过物业协调解决，不需要调解'
    await respondent.locator('#jf-med-join-reason textarea').fill(reason)
    await shot(respondent, 'e2e-mediation-decline')
    await respondent.locator('#jf-med-refuse-submit').click()
    const declined = respondent.locator('#jf-med-detail[data-status="declined"]')
    await declined.waitFor()
    await expect(declined.locator('.jf-med-head').innerText()).resolves.toContain('对方不同意调解')
    await respondent.locator('#jf-med-parties .jf-med-party[data-side="respondent"][data-consent="declined"]').waitFor()
    await expect(respondent.locator('.jf-med-act[data-action="consent"]').count()).resolves.toBe(0)

    // The applicant sees the outcome, the reason and where to go next.
    await open(applicant, `/pages/mediation/detail/index?id=${id}`)
    const seen = applicant.locator(`#jf-med-detail[data-case-id="${id}"][data-status="declined"]`)
    await seen.waitFor()
    await expect(seen.locator('.jf-med-head').innerText()).resolves.toContain('对方不同意调解')
    await applicant.locator('.jf-timeline-item[data-action="decline"]', { hasText: reason }).waitFor()
    await applicant.locator('#jf-med-referral').waitFor()
    await shot(applicant, 'e2e-mediation-declined')

    const stored = await applicantApi.call('mediation', 'get', { id })
    expect(stored).toMatchObject({ ok: true, case: { status: 'declined', statusLabel: '对方不同意调解' } })
  })

  it('a case past its 30-day limit shows as overdue in the queues, on the case page and in the timeline', async () => {
    // Its own server: moving the clock 31 days must not touch (or be touched by) the other cases.
    const own = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
    try {
      const [applicantApi, centreApi] = await Promise.all([as(own.url, 'demo-resident'), as(own.url, 'demo-dispatcher')])
      const applied = await applicantApi.call('mediation', 'apply', applyInput({ facts: '离婚后对子女探视时间安排一直有争议，沟通无果' }))
      const id: string = applied.case.id
      expect(await medAct(centreApi, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '周敏', overdue: false } })

      const moved = await advance(own.url, 24 * 31)
      expect(moved.tick).toMatchObject({ overdue: 1 })

      // Signed in after the jump, so the sessions are fresh on the server's clock.
      const [mediator, centre] = await Promise.all([person('demo-mediator', own.url), person('demo-dispatcher', own.url)])

      await mediator.locator('#jf-entry-mediator').click()
      const row = mediator.locator(`.jf-medq-row[data-case-id="${id}"]`)
      await row.waitFor()
      await expect(row.getAttribute('data-overdue')).resolves.toBe('1')
      await row.locator('.jf-medq-overdue-badge').getByText('超期').waitFor()
      await shot(mediator, 'e2e-mediation-overdue-queue')

      await centre.locator('#jf-entry-mediator').click()
      await centre.locator('.jf-medq-tab[data-tab="open"]').click()
      const centreRow = centre.locator(`.jf-medq-row[data-case-id="${id}"]`)
      await centreRow.waitFor()
      await expect(centreRow.getAttribute('data-overdue')).resolves.toBe('1')
      await centreRow.click()
      await centre.locator(`#jf-medc-case[data-case-id="${id}"][data-status="accepted"]`).waitFor()
      await centre.locator('#jf-med-deadline[data-overdue="1"]').waitFor()
      await centre.locator('.jf-timeline-item[data-action="mark_overdue"]').getByText('超时提醒').waitFor()
      await shot(centre, 'e2e-mediation-overdue-case')

      const view = await centreApi.call('mediation', 'get', { id })
      expect(view.case.overdue).toBe(true)
      expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['apply', 'accept', 'mark_overdue'])
      const inbox = await centreApi.call('inbox', 'list', {})
      expect(inbox.items.some((i: { title: string }) => i.title === '调解案件已超期')).toBe(true)
    } finally {
      await own.stop()
    }
  })
})
