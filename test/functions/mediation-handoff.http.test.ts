/**
 * Hand-offs over HTTP (issue 18): the 司法确认 joint application (both parties confirm in the app within
 * 30 days, the court's answers), and referrals with their 移送函 and the receiver's answers — with demo
 * users and brand-new identities.
 */
import { advance } from '../support/cases'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let applicant: Client, respondent: Client, mediator: Client, otherMediator: Client, centre: Client, police: Client, helper: Client

const world = serverWithUsers(
  ['demo-resident', 'demo-resident-2', 'demo-mediator', 'demo-mediator-people', 'demo-dispatcher', 'demo-police', 'demo-helper'],
  (c) => ([applicant, respondent, mediator, otherMediator, centre, police, helper] = c),
)

/** A family case mediated to the agreement both parties confirm (调解成功), assigned to 周敏. */
async function succeededCase(): Promise<string> {
  const id = await mediatingCase()
  expect(await medAct(mediator, id, 'draft_agreement', { terms: ['黄伟明每月 5 日前支付子女抚养费 2000 元'] })).toMatchObject({ ok: true })
  expect(await medAct(applicant, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true })
  expect(await medAct(respondent, id, 'confirm_agreement', { agreementVersion: 1 })).toMatchObject({ ok: true, case: { status: 'succeeded' } })
  return id
}

async function mediatingCase(): Promise<string> {
  const r = await applicant.call('mediation', 'apply', applyInput())
  expect(r).toMatchObject({ ok: true })
  const id: string = r.case.id
  expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '周敏' } })
  expect(await respondent.call('mediation', 'join', joinInput(r.case.invites[0].code))).toMatchObject({ ok: true })
  expect(await medAct(mediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  return id
}

const stranger = () => asOpenid(world.srv.url, `dev-handoff-${Math.random().toString(36).slice(2)}`)

describe('司法确认: a joint application within 30 days', () => {
  it('the mediator prepares it to the district court, both parties confirm, then it is 已申请 and the court answers', async () => {
    const id = await succeededCase()
    const prepared = await medAct(mediator, id, 'prepare_judicial')
    expect(prepared).toMatchObject({ ok: true, case: { status: 'succeeded', judicialConfirmation: false, judicial: { status: 'drafting', statusLabel: '待双方确认', court: '广州市白云区人民法院', confirmations: [] } } })
    expect(prepared.case.judicial.pending.sort()).toEqual(['陈小梅', '黄伟明'].sort())
    expect(await medAct(mediator, id, 'prepare_judicial')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })

    // The parties each see the move; the mediator and the centre do not.
    const mine = await applicant.call('mediation', 'get', { id })
    expect(mine.actions.map((a: { action: string }) => a.action)).toContain('confirm_judicial')
    expect((await centre.call('mediation', 'get', { id })).actions.map((a: { action: string }) => a.action)).not.toContain('confirm_judicial')

    // One party confirming is not enough.
    const one = await medAct(applicant, id, 'confirm_judicial')
    expect(one).toMatchObject({ ok: true, case: { judicial: { status: 'drafting', confirmedByMe: true, pending: ['黄伟明'] } } })
    expect(await medAct(applicant, id, 'confirm_judicial')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '您已确认共同申请' })
    expect(await medAct(mediator, id, 'confirm_judicial')).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const both = await medAct(respondent, id, 'confirm_judicial')
    expect(both).toMatchObject({ ok: true, case: { judicialConfirmation: true, judicial: { status: 'applied', statusLabel: '已申请', pending: [] } } })
    expect(both.case.judicial.confirmations.map((x: { name: string }) => x.name)).toEqual(['陈小梅', '黄伟明'])
    expect(Date.parse(both.case.judicial.appliedAt)).toBeGreaterThan(0)

    // The court's answers: only the assigned mediator records them; a dismissal needs its reason.
    expect(await medAct(centre, id, 'record_judicial', { answer: 'accepted' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await medAct(otherMediator, id, 'record_judicial', { answer: 'accepted' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await medAct(mediator, id, 'record_judicial', { answer: 'received' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await medAct(mediator, id, 'record_judicial', { answer: 'accepted' })).toMatchObject({ ok: true, case: { judicial: { status: 'accepted', statusLabel: '已受理' } } })
    expect(await medAct(mediator, id, 'record_judicial', { answer: 'dismissed' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { note: expect.any(String) } })
    const ruled = await medAct(mediator, id, 'record_judicial', { answer: 'confirmed', note: '（2026）粤0111民特 12 号' })
    expect(ruled).toMatchObject({ ok: true, case: { judicial: { status: 'confirmed', statusLabel: '已确认' } } })
    expect(ruled.case.judicial.answers.map((x: { label: string; byName: string }) => [x.label, x.byName])).toEqual([
      ['法院已受理', '周敏'],
      ['法院裁定确认协议有效', '周敏'],
    ])
    // The parties hear of it in 消息 (the tick delivers what the moves queued).
    await advance(world.srv.url, 0)
    const inbox = await applicant.call('inbox', 'list', {})
    expect(JSON.stringify(inbox)).toContain('司法确认已确认')
  })

  it('the 申请书 names the parties in full for the parties and the mediator only; a stranger and a helper not invited read nothing', async () => {
    const id = await succeededCase()
    await medAct(mediator, id, 'prepare_judicial')
    for (const party of [applicant, respondent, mediator]) {
      const v = await party.call('mediation', 'get', { id })
      expect(v.case.judicial.applicants.map((x: { name: string }) => x.name)).toEqual(['陈小梅', '黄伟明'])
      expect(v.case.judicial.applicants[0].phone).toBe('13800138000')
    }
    const desk = await centre.call('mediation', 'get', { id })
    expect(desk.case.judicial.applicants).toEqual([
      { sideLabel: '申请人', name: '陈*梅', phone: '' },
      { sideLabel: '被申请人', name: '黄*明', phone: '' },
    ])
    for (const outsider of [await stranger(), helper, police]) {
      expect(await outsider.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      expect(await outsider.call('mediation', 'act', { id, action: 'confirm_judicial', version: desk.case.version })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
  })

  it('is refused after the 30 days: 已超过30日申请期限 (dev clock)', async () => {
    const id = await succeededCase()
    await medAct(mediator, id, 'prepare_judicial')
    expect(await medAct(applicant, id, 'confirm_judicial')).toMatchObject({ ok: true })
    await advance(world.srv.url, 31 * 24)
    const late = await medAct(respondent, id, 'confirm_judicial')
    expect(late).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已超过30日申请期限（人民调解法第三十三条）' })
    const view = await respondent.call('mediation', 'get', { id })
    expect(view.case.judicial).toMatchObject({ status: 'drafting', late: true })
    expect(view.actions.map((a: { action: string }) => a.action)).not.toContain('confirm_judicial')
    // A new agreement after the window cannot be prepared either.
    const other = await succeededCase()
    await advance(world.srv.url, 31 * 24)
    expect(await medAct(mediator, other, 'prepare_judicial')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已超过30日申请期限（人民调解法第三十三条）' })
  })
})

describe('referrals: the 移送函 and the receiver\'s answers', () => {
  it('警调: the letter is numbered in the committee\'s sequence and names the street\'s police station; the centre and the mediator record the answers', async () => {
    const id = await mediatingCase()
    const failed = await medAct(mediator, id, 'fail', { referral: 'police', note: '一方情绪激动，存在冲突风险' })
    expect(failed).toMatchObject({ ok: true, case: { status: 'failed', referral: { type: 'police', label: '警调对接（派出所）', letter: { receiver: '广州市公安局白云区分局京溪派出所', answerLabel: '待答复', answers: [], settled: false } } } })
    expect(failed.case.referral.letter.number).toMatch(/^（\d{4}）白云婚移字第 \d+ 号$/)
    const second = await medAct(mediator, await mediatingCase(), 'fail', { referral: 'court', note: '分歧较大' })
    const n = (s: string) => Number(/第 (\d+) 号/.exec(s)![1])
    expect(n(second.case.referral.letter.number)).toBe(n(failed.case.referral.letter.number) + 1)
    expect(second.case.referral.letter.receiver).toBe('广州市白云区人民法院')

    // The police of the area read the referred case with its letter; they do not record for the receiver.
    expect(await police.call('mediation', 'get', { id })).toMatchObject({ ok: true, case: { referral: { letter: { number: failed.case.referral.letter.number } } } })
    expect(await medAct(police, id, 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const s = await stranger()
    expect(await s.call('mediation', 'act', { id, action: 'record_referral', version: failed.case.version, answer: 'received' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await medAct(applicant, id, 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    expect(await medAct(centre, id, 'record_referral', { answer: 'received' })).toMatchObject({ ok: true, case: { referral: { letter: { answerLabel: '已接收' } } } })
    const done = await medAct(mediator, id, 'record_referral', { answer: 'handled', note: '已出警调处，双方和解' })
    expect(done).toMatchObject({ ok: true, case: { referral: { letter: { answerLabel: '已处理', settled: true } } } })
    expect(done.case.referral.letter.answers.map((x: { byName: string; note: string | null }) => [x.byName, x.note])).toEqual([
      ['赵强', null],
      ['周敏', '已出警调处，双方和解'],
    ])
    expect(await medAct(centre, id, 'record_referral', { answer: 'returned', note: 'x' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })

  it('访调: a petition referral goes to the petition office; arbitration carries no letter and takes no answers', async () => {
    const petition = await medAct(mediator, await mediatingCase(), 'fail', { referral: 'petition', note: '涉及多个部门职责' })
    expect(petition).toMatchObject({ ok: true, case: { referral: { label: '访调对接（信访部门）', letter: { receiver: '广州市白云区信访局' } } } })
    expect(await medAct(centre, petition.case.id, 'record_referral', { answer: 'returned' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await medAct(centre, petition.case.id, 'record_referral', { answer: 'returned', note: '请先向区人社局反映' })).toMatchObject({ ok: true, case: { referral: { letter: { answerLabel: '退回', settled: true } } } })

    const arb = await medAct(mediator, await mediatingCase(), 'fail', { referral: 'arbitration', note: '属劳动争议' })
    expect(arb).toMatchObject({ ok: true, case: { referral: { type: 'arbitration', letter: null } } })
    expect(await medAct(centre, arb.case.id, 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})
