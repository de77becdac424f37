/**
 * Hand-offs (issue 18): the 司法确认 application the parties confirm together within 30 days of the
 * agreement taking effect (人民调解法第三十三条), the court's answers, and the 移送函 of a referral with its
 * receiver's answers. The table's generic rows are in mediation-transitions.test.ts.
 */
import type { Case } from '../../src/core/case'
import { agreementEffectiveAt, judicialDeadline, judicialOf } from '../../src/core/kinds/mediationHandoff'
import { judicialApplicationDocument, referralLetterDocument } from '../../src/core/kinds/handoffTerms'
import { confirmingParties, MEDIATION } from '../../src/core/kinds/mediation'
import { staffEnteredCreator } from '../../src/core/kinds/mediationIntake'
import { transition, type TransitionInput } from '../../src/core/transition'
import type { Actor } from '../../src/core/roles'
import { actor, grant, makeTree, NOW, STREET } from './fixtures'
import { APPLICANT, APPLICANT_ID, MEDIATOR, mediationCase, OTHER_MEDIATOR_ID, pl, RESP1, RESP2, withMed, withSecondRespondent } from './mediationFixtures'
import { effectiveDaysAgo, withJudicial, withLetter } from './mediationHandoffScenarios'

const tree = makeTree()
const DISPATCHER = actor('u-dispatcher', grant('dispatcher', STREET))

function run(c: Case, a: Actor, action: string, params: Record<string, unknown> = {}, extra: Partial<TransitionInput> = {}) {
  return transition(MEDIATION, tree, c, { actor: a, action, params, now: NOW, eventId: 'evt-h', expectedVersion: c.version, ...extra })
}

function ok(c: Case, a: Actor, action: string, params: Record<string, unknown> = {}, extra: Partial<TransitionInput> = {}): Case {
  const out = run(c, a, action, params, extra)
  if (!out.ok) throw new Error(`${a.userId} ${action}: ${out.code} ${out.message}`)
  return out.case
}

const at = (c: Case, ms: number) => ({ now: new Date(ms), expectedVersion: c.version })

describe('the 30-day window (人民调解法第三十三条)', () => {
  it('runs to the end of the 30th Shanghai day after the agreement took effect', () => {
    // Took effect 2026-03-02 09:00 in Shanghai: the last day is 4 月 1 日, ending at midnight Shanghai time.
    expect(judicialDeadline('2026-03-02T01:00:00.000Z')).toBe('2026-04-01T16:00:00.000Z')
    // Just before midnight Shanghai is still the same day.
    expect(judicialDeadline('2026-03-02T15:59:00.000Z')).toBe('2026-04-01T16:00:00.000Z')
    expect(judicialDeadline('2026-03-02T16:00:00.000Z')).toBe('2026-04-02T16:00:00.000Z')
  })

  it('counts from the last confirmation of the version in force', () => {
    const c = mediationCase('succeeded')
    const a = pl(c).agreement!
    const late = withMed(c, { agreement: { ...a, confirmations: [...a.confirmations, { userId: APPLICANT_ID, version: a.version - 1, at: '2027-01-01T00:00:00.000Z' }, { userId: APPLICANT_ID, version: a.version, at: '2026-11-23T07:00:00.000Z' }] } })
    expect(agreementEffectiveAt(late)).toBe('2026-11-23T07:00:00.000Z')
  })

  it('the mediator prepares and every party confirms up to the last instant, and nobody after it', () => {
    const c = mediationCase('succeeded')
    const deadline = Date.parse(judicialDeadline(agreementEffectiveAt(c)))
    const court = { court: '广州市白云区人民法院' }
    const prepared = ok(c, MEDIATOR, 'prepare_judicial', court, at(c, deadline - 1))
    expect(run(c, MEDIATOR, 'prepare_judicial', court, at(c, deadline))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已超过30日申请期限（人民调解法第三十三条）' })
    const one = ok(prepared, APPLICANT, 'confirm_judicial', {}, at(prepared, deadline - 1000))
    expect(run(one, RESP1, 'confirm_judicial', {}, at(one, deadline))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '已超过30日申请期限（人民调解法第三十三条）' })
    expect(judicialOf(pl(ok(one, RESP1, 'confirm_judicial', {}, at(one, deadline - 1))))).toMatchObject({ status: 'applied' })
  })

  it('an agreement 29 days in force may still be applied for; 31 days may not', () => {
    expect(run(effectiveDaysAgo(mediationCase('succeeded'), 29), MEDIATOR, 'prepare_judicial', { court: '法院' }).ok).toBe(true)
    expect(run(effectiveDaysAgo(mediationCase('succeeded'), 31), MEDIATOR, 'prepare_judicial', { court: '法院' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})

describe('the joint application', () => {
  it('one party confirming is not enough: the application waits until every party confirmed, then it is 已申请', () => {
    let c = withSecondRespondent(mediationCase('succeeded'), 'consented')
    c = ok(c, MEDIATOR, 'prepare_judicial', { court: '广州市白云区人民法院' })
    expect(judicialOf(pl(c))).toMatchObject({ status: 'drafting', confirmations: [] })
    const order = [RESP2, APPLICANT, RESP1]
    for (const [i, a] of order.entries()) {
      c = ok(c, a, 'confirm_judicial', {}, { now: new Date(NOW.getTime() + i * 1000), expectedVersion: c.version })
      const j = judicialOf(pl(c))!
      expect({ who: a.userId, status: j.status, case: c.status }).toEqual({ who: a.userId, status: i < order.length - 1 ? 'drafting' : 'applied', case: 'succeeded' })
      expect(j.confirmations.map((x) => x.userId)).toEqual(order.slice(0, i + 1).map((x) => x.userId))
    }
    expect(judicialOf(pl(c))!.appliedAt).toBe(new Date(NOW.getTime() + 2000).toISOString())
  })

  it('a party cannot confirm twice, nor a stranger or the mediator at all', () => {
    const c = ok(withJudicial(mediationCase('succeeded'), 'drafting'), APPLICANT, 'confirm_judicial')
    expect(run(c, APPLICANT, 'confirm_judicial')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '您已确认共同申请' })
    for (const a of [MEDIATOR, DISPATCHER, actor('u-stranger')]) expect({ who: a.userId, code: run(c, a, 'confirm_judicial').ok ? 'OK' : (run(c, a, 'confirm_judicial') as { code: string }).code }).toEqual({ who: a.userId, code: 'FORBIDDEN' })
  })

  it('only the parties who confirm the agreement confirm the application: not whoever created a case for others', () => {
    // A dispute staff entered has no applicant party: its creator is no one who could confirm (mediationIntake.ts).
    const both = withSecondRespondent(mediationCase('succeeded'), 'consented')
    // The one who entered it (here the fixture's applicant user, as staff) is its creator through the marker.
    const entered = { ...withMed(both, { parties: pl(both).parties.filter((x) => x.side !== 'applicant') }), creatorId: staffEnteredCreator(APPLICANT.userId) }
    expect(confirmingParties(entered)).toEqual([RESP1.userId, RESP2.userId])
    let c = withJudicial(entered, 'drafting')
    expect(run(c, APPLICANT, 'confirm_judicial')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    c = ok(c, RESP1, 'confirm_judicial')
    expect(judicialOf(pl(c))!.status).toBe('drafting')
    c = ok(c, RESP2, 'confirm_judicial', {}, { expectedVersion: c.version })
    expect(judicialOf(pl(c))!.status).toBe('applied')
  })

  it('the mediator records the court: 受理, then 确认; a dismissal needs its reason; nothing after the ruling', () => {
    let c = withJudicial(mediationCase('succeeded'), 'applied')
    c = ok(c, MEDIATOR, 'record_judicial', { answer: 'accepted' })
    expect(judicialOf(pl(c))).toMatchObject({ status: 'accepted', answers: [{ status: 'accepted', note: null, by: MEDIATOR.userId }] })
    expect(run(c, MEDIATOR, 'record_judicial', { answer: 'dismissed' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { note: '必填' } })
    const dismissed = ok(c, MEDIATOR, 'record_judicial', { answer: 'dismissed' }, { note: ' 协议内容违反法律规定 ' })
    expect(judicialOf(pl(dismissed))!.answers.map((x) => [x.status, x.note])).toEqual([
      ['accepted', null],
      ['dismissed', '协议内容违反法律规定'],
    ])
    c = ok(c, MEDIATOR, 'record_judicial', { answer: 'confirmed' }, { note: '（2026）粤0111民特 12 号' })
    expect(judicialOf(pl(c))!.status).toBe('confirmed')
    expect(run(c, MEDIATOR, 'record_judicial', { answer: 'dismissed' }, { note: 'x' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '法院已作出裁定' })
    // Only the assigned mediator: another of the committee, the centre and the parties may not.
    expect(run(withJudicial(mediationCase('succeeded'), 'applied'), actor(OTHER_MEDIATOR_ID, ...MEDIATOR.grants), 'record_judicial', { answer: 'accepted' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(withJudicial(mediationCase('succeeded'), 'applied'), DISPATCHER, 'record_judicial', { answer: 'accepted' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('a case flagged before applications reads as 已申请 and takes the court\'s answers', () => {
    const legacy = withMed(mediationCase('succeeded'), { judicialConfirmation: true, judicial: undefined })
    expect(judicialOf(pl(legacy))).toEqual({ status: 'applied', court: '', preparedAt: null, confirmations: [], appliedAt: null, answers: [] })
    const c = ok(legacy, MEDIATOR, 'record_judicial', { answer: 'confirmed' })
    expect(pl(c).judicial).toMatchObject({ status: 'confirmed', answers: [{ status: 'confirmed' }] })
    expect(judicialOf(pl(mediationCase('succeeded')))).toBeNull()
  })
})

describe('referrals and the 移送函', () => {
  it('fail to a court, the police or a petition office keeps the letter the backend numbered; other referrals carry none', () => {
    const letter = { number: '（2026）白云京溪移字第 7 号', receiver: '广州市白云区信访局' }
    const c = ok(mediationCase('mediating'), MEDIATOR, 'fail', { referral: 'petition', letter }, { note: '涉及多部门' })
    expect(c.status).toBe('failed')
    expect(pl(c).referral).toEqual({ type: 'petition', note: '涉及多部门', letter: { ...letter, issuedAt: NOW.toISOString() }, answers: [] })
    const arb = ok(mediationCase('mediating'), MEDIATOR, 'fail', { referral: 'arbitration', letter }, { note: '劳动争议' })
    expect(pl(arb).referral).toEqual({ type: 'arbitration', note: '劳动争议' })
  })

  it('the mediator or the centre records the receiver: 已接收 then 已处理; 退回 needs its reason; nothing after', () => {
    let c = withLetter(mediationCase('failed'))
    c = ok(c, DISPATCHER, 'record_referral', { answer: 'received' })
    c = ok(c, MEDIATOR, 'record_referral', { answer: 'handled' }, { note: '已立案受理', expectedVersion: c.version })
    expect(pl(c).referral!.answers!.map((x) => [x.status, x.by, x.note])).toEqual([
      ['received', DISPATCHER.userId, null],
      ['handled', MEDIATOR.userId, '已立案受理'],
    ])
    expect(run(c, MEDIATOR, 'record_referral', { answer: 'returned' }, { note: 'x' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '接收单位已答复办结' })
    const open = withLetter(mediationCase('failed'), ['received'])
    expect(run(open, MEDIATOR, 'record_referral', { answer: 'returned' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { note: '必填' } })
    expect(ok(open, MEDIATOR, 'record_referral', { answer: 'returned' }, { note: '不属于本院管辖' }).status).toBe('failed')
  })

  it('a mediator of the committee who is not the assignee may not record; a declined case has no letter to answer', () => {
    const c = withLetter(mediationCase('failed'))
    expect(run(c, actor(OTHER_MEDIATOR_ID, ...MEDIATOR.grants), 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run({ ...c, assigneeId: OTHER_MEDIATOR_ID }, MEDIATOR, 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(run(mediationCase('declined'), DISPATCHER, 'record_referral', { answer: 'received' })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
  })
})

describe('the papers', () => {
  it('the 申请书 names the applicants, the agreement, the committee, the court and the date, in Chinese only', () => {
    const doc = judicialApplicationDocument({
      court: '广州市白云区人民法院',
      applicants: [
        { sideLabel: '申请人', name: '陈小梅', phone: '13800138000' },
        { sideLabel: '被申请人', name: '黄伟明', phone: '' },
      ],
      disputeTypeLabel: '婚姻家庭',
      committeeName: '婚姻家庭纠纷人民调解委员会（婚调委）',
      agreementNumber: '（2026）白云婚调字第 3 号',
      effectiveDay: '2026年3月2日',
      dateText: '2026年3月5日',
    })
    expect(doc.title).toBe('司法确认申请书')
    expect(doc.applicants).toEqual(['申请人：陈小梅，联系电话：13800138000', '申请人：黄伟明'])
    expect(doc.request.text).toBe('请求确认申请人于2026年3月2日经婚姻家庭纠纷人民调解委员会（婚调委）主持调解达成的（2026）白云婚调字第 3 号人民调解协议有效。')
    expect(doc.reasons.text).toContain('人民调解法》第三十三条')
    expect(doc.addressee).toEqual(['此致', '广州市白云区人民法院'])
    for (const line of strings(doc)) expect(line).not.toMatch(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T/)
    expect(judicialApplicationDocument({ ...docInput(), court: ' ' }).addressee[1]).toBe('人民法院')
  })

  it('the 移送函 names its number, receiver, the case, the parties and the date', () => {
    const doc = referralLetterDocument({
      number: '（2026）白云京溪移字第 7 号',
      receiver: '广州市公安局白云区分局京溪派出所',
      committeeName: '京溪街道人民调解委员会',
      caseNumber: '京溪-2026-00042',
      partyNames: ['陈小梅', '黄伟明'],
      disputeTypeLabel: '邻里纠纷',
      facts: '楼上漏水',
      note: '一方情绪激动，有冲突风险',
      mediatorName: '钱进',
      mediatorPhone: '020-87700011',
      dateText: '2026年3月5日',
    })
    expect(doc).toMatchObject({ title: '纠纷移送函', number: '编号：（2026）白云京溪移字第 7 号', addressee: '广州市公安局白云区分局京溪派出所：', date: '2026年3月5日' })
    expect(doc.body).toBe('陈小梅与黄伟明之间的邻里纠纷（案件编号 京溪-2026-00042），经京溪街道人民调解委员会调解，未能达成调解协议。为及时化解矛盾，现将该纠纷移送贵单位依法处理。')
    expect(doc.contact).toBe('联系人：调解员 钱进，电话 020-87700011')
  })
})

/** Every text of a paper, wherever it sits. */
const strings = (x: unknown): string[] => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.flatMap(strings) : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : [])

function docInput() {
  return { court: '', applicants: [], disputeTypeLabel: '邻里纠纷', committeeName: '人民调解委员会', agreementNumber: null, effectiveDay: '2026年3月2日', dateText: '2026年3月5日' }
}
