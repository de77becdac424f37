/** Pure helpers behind the 在线调解 pages (src/utils/mediation/*). */
import type { MediationView, MessageView } from '../../src/contracts/api'
import { MEDIATION, type MediationAction } from '../../src/core/kinds/mediation'
import { buildMedActInput, emptyMedActForm, initialMedActForm, medActErrorsFromDetails, shanghaiInstant, validateMedAct } from '../../src/utils/mediation/actForm'
import { agreementDocumentOf, agreementPreview, chineseNumber, performanceTerms } from '../../src/utils/mediation/agreement'
import { applyErrorsFromDetails, emptyApplyDraft, shiftRespondentErrors, toApplyInput, validateApply, type ApplyDraft } from '../../src/utils/mediation/apply'
import { cleanInviteCode, inviteMessage } from '../../src/utils/mediation/invite'
import { joinErrors, refuseErrors } from '../../src/utils/mediation/join'
import { ledgerRangeError, percentText } from '../../src/utils/mediation/ledger'
import { committeeMatches } from '../../src/utils/mediation/mediators'
import { needsMedForm } from '../../src/utils/mediation/moves'
import { dialable } from '../../src/utils/mediation/phone'
import { queueTabsFor } from '../../src/utils/mediation/queue'
import { deadlineInfo, statusHint, unconfirmedParties } from '../../src/utils/mediation/status'
import { mergeMessages, afterCursor } from '../../src/utils/mediation/thread'

const filled = (): ApplyDraft => ({
  ...emptyApplyDraft('k1'),
  disputeType: 'neighbour',
  streetCode: 'jingxi',
  applicantName: ' 林晓燕 ',
  applicantPhone: '138 0013 8000',
  respondents: [{ key: 'k1', name: ' 黄伟明 ', phone: '139-0013-9000' }],
  facts: '楼上住户装修漏水，导致我家天花板发霉脱落',
  claims: '赔偿维修费用',
})

describe('application form', () => {
  it('accepts a complete draft and builds the input with normalised phones and trimmed text', () => {
    const d = filled()
    expect(validateApply(d)).toEqual({})
    expect(toApplyInput(d, 'KEY', ['f1'])).toEqual({
      idempotencyKey: 'KEY',
      disputeType: 'neighbour',
      streetCode: 'jingxi',
      applicantName: '林晓燕',
      applicantPhone: '13800138000',
      respondents: [{ name: '黄伟明', phone: '13900139000' }],
      facts: '楼上住户装修漏水，导致我家天花板发霉脱落',
      claims: '赔偿维修费用',
      evidence: ['f1'],
      preferredWay: 'online',
    })
  })

  it('names every missing or short field, per party row', () => {
    const d: ApplyDraft = { ...emptyApplyDraft('a'), respondents: [{ key: 'a', name: '', phone: '123' }], facts: '太短', claims: '赔' }
    const e = validateApply(d)
    expect(e.disputeType).toBe('请选择纠纷类型')
    expect(e.streetCode).toBe('请选择受理街道')
    expect(e.applicantName).toBe('请填写您的真实姓名')
    expect(e.applicantPhone).toBe('请填写您的联系电话')
    expect(validateApply({ ...filled(), applicantName: '林'.repeat(21) }).applicantName).toMatch(/20 个字/)
    expect(e['respondents.0.name']).toBe('请填写对方姓名')
    expect(e['respondents.0.phone']).toMatch(/11 位手机号/)
    expect(e.facts).toMatch(/至少 10 个字/)
    expect(e.claims).toMatch(/至少 5 个字/)
  })

  it('limits facts to 2000 and claims to 1000 characters, counting Chinese characters', () => {
    const d = { ...filled(), facts: '事'.repeat(2001), claims: '求'.repeat(1001) }
    const e = validateApply(d)
    expect(e.facts).toMatch(/2000/)
    expect(e.claims).toMatch(/1000/)
    expect(validateApply({ ...filled(), facts: '事'.repeat(2000), claims: '求'.repeat(1000) })).toEqual({})
  })

  it('refuses the applicant as their own other party, more than five parties, and photos still uploading', () => {
    expect(validateApply({ ...filled(), respondents: [{ key: 'x', name: '张三', phone: '13800138000' }] })['respondents.0.phone']).toMatch(/不能与您的电话相同/)
    const six = Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, name: `张${i}`, phone: `1390013900${i}` }))
    expect(validateApply({ ...filled(), respondents: six }).respondents).toMatch(/最多 5 位/)
    expect(validateApply(filled(), { uploading: 1, failed: 0 }).evidence).toMatch(/上传/)
    expect(validateApply(filled(), { uploading: 0, failed: 1 }).evidence).toMatch(/失败/)
  })

  it('maps server details (zod paths) onto form keys', () => {
    expect(
      applyErrorsFromDetails({ 'respondents[1].phone': '格式不对', 'respondents.0.name': '必填', 'evidence.2': '文件不存在', facts: '太短', respondents: '至少一位' }),
    ).toEqual({ 'respondents.1.phone': '格式不对', 'respondents.0.name': '必填', evidence: '文件不存在', facts: '太短', respondents: '至少一位' })
  })

  it('moves row errors up when a party row is removed', () => {
    const e = { 'respondents.0.name': 'a', 'respondents.1.name': 'b', 'respondents.2.phone': 'c', facts: 'f' }
    expect(shiftRespondentErrors(e, 1)).toEqual({ 'respondents.0.name': 'a', 'respondents.1.phone': 'c', facts: 'f' })
  })
})

describe('deadline', () => {
  const now = new Date('2026-03-01T00:00:00Z')
  it('counts down in days, hours or minutes; past the deadline it is 已超期', () => {
    expect(deadlineInfo('2026-03-13T00:00:00Z', 'mediating', now)).toEqual({ text: '还剩 12 天', overdue: false, urgent: false })
    expect(deadlineInfo('2026-03-01T05:30:00Z', 'mediating', now)).toEqual({ text: '还剩 5 小时', overdue: false, urgent: true })
    expect(deadlineInfo('2026-02-27T00:00:00Z', 'accepted', now)).toEqual({ text: '已超期 2 天', overdue: true, urgent: false })
    expect(deadlineInfo('2026-03-13T00:00:00Z', 'mediating', now, true)).toEqual({ text: '已超期', overdue: true, urgent: false })
    expect(deadlineInfo('2026-03-01T00:20:00Z', 'accepted', now)?.text).toBe('还剩 20 分钟')
  })
  it('says nothing for finished cases or cases without a deadline', () => {
    expect(deadlineInfo('2026-02-27T00:00:00Z', 'succeeded', now)).toBeNull()
    expect(deadlineInfo(null, 'mediating', now)).toBeNull()
  })
  it('trusts the server when it already marked the case overdue', () => {
    expect(deadlineInfo('2026-03-13T00:00:00Z', 'mediating', now, true)?.overdue).toBe(true)
  })
})

describe('messages', () => {
  const m = (id: string, at: string): MessageView => ({ id, at, authorName: '周敏', authorRoleLabel: '调解员', mine: false, text: id, photos: [] })
  it('merges polls and sends without duplicates, oldest first', () => {
    const shown = [m('01A', '2026-03-01T01:00:00Z'), m('01B', '2026-03-01T02:00:00Z')]
    const merged = mergeMessages(shown, [m('01B', '2026-03-01T02:00:00Z'), m('01C', '2026-03-01T03:00:00Z')])
    expect(merged.map((x) => x.id)).toEqual(['01A', '01B', '01C'])
    expect(mergeMessages(shown, [])).toBe(shown)
    expect(afterCursor(merged)).toBe('01C')
    expect(afterCursor([])).toBeUndefined()
  })
})

describe('invitations and phones', () => {
  it('cleans codes pasted from chat apps', () => {
    expect(cleanInviteCode(' AB12 CD34\n')).toBe('AB12CD34')
    expect(inviteMessage('黄伟明', 'AB12CD34')).toContain('AB12CD34')
    // The invitation opens only for the phone the applicant gave: the message tells the invitee so.
    expect(inviteMessage('黄伟明', 'AB12CD34')).toContain('「我的」里设置该手机号')
  })
  it('joins only with a real name and the consent', () => {
    expect(joinErrors(' 王志强 ', true)).toEqual({})
    expect(joinErrors('  ', true)).toEqual({ name: '请填写您的真实姓名' })
    expect(joinErrors('王'.repeat(21), true).name).toMatch(/20 个字/)
    expect(joinErrors('王志强', false)).toEqual({ consent: '请阅读并同意参加调解' })
  })
  it('refuses only with a real name and a reason', () => {
    expect(refuseErrors('王志强', ' 已通过物业解决 ')).toEqual({})
    expect(refuseErrors('王志强', '  ')).toEqual({ reason: '请说明不同意调解的原因' })
    expect(refuseErrors('', '已解决')).toEqual({ name: '请填写您的真实姓名' })
    expect(refuseErrors('王志强', '因'.repeat(1001)).reason).toMatch(/1000 个字/)
  })
  it('dials only full numbers', () => {
    expect(dialable('138****5678')).toBeNull()
    expect(dialable('020-83001234')).toBe('02083001234')
    expect(dialable(null)).toBeNull()
  })
})

const CASE = {
  id: '01JMED0000000000000000ABCD',
  createdAt: '2026-03-01T00:00:00Z',
  disputeType: 'neighbour',
  disputeTypeLabel: '邻里纠纷',
  facts: '楼上漏水',
  committee: { code: 'c1', name: '京溪街人民调解委员会' },
  mediatorName: '周敏',
  version: 7,
  parties: [
    { side: 'applicant', sideLabel: '申请人', name: '陈小梅', phone: '13800138000', joined: true, consent: 'consented', consentLabel: '', isMe: true },
    { side: 'respondent', sideLabel: '被申请人', name: '黄伟明', phone: '139****9000', joined: true, consent: 'consented', consentLabel: '已同意', isMe: false },
    { side: 'respondent', sideLabel: '被申请人', name: '李四', phone: '137****0000', joined: false, consent: 'pending', consentLabel: '待同意', isMe: false },
  ],
  agreement: { version: 2, text: '', terms: ['a'], draftedAt: '2026-03-02T00:00:00Z', confirmations: [{ name: '陈小梅', sideLabel: '申请人', at: '2026-03-02T01:00:00Z' }], confirmedByMe: true },
} as unknown as MediationView

describe('agreement', () => {
  it('numbers terms in Chinese and previews the 调解协议书 around them', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三'])
    const text = agreementPreview(CASE, ['黄伟明于 3 月 31 日前支付维修费 3000 元', '  ', '双方不再追究'])
    expect(text).toContain('人民调解协议书')
    expect(text).toContain('申请人：陈小梅')
    expect(text).toContain('一、黄伟明于 3 月 31 日前支付维修费 3000 元\n二、双方不再追究')
    expect(text).toContain('调解组织：京溪街人民调解委员会')
  })
  it('prints the number the server gave the agreement, never one cut from the id, and picks out how it is carried out', () => {
    expect(agreementDocumentOf(CASE, ['双方互相谅解'], { number: '（2026）白云京溪调字第 42 号' }).number).toBe('（2026）白云京溪调字第 42 号')
    expect(agreementDocumentOf(CASE, ['双方互相谅解']).number).toBeNull()
    expect(performanceTerms(['于 3 月 31 日前支付 3000 元', '双方互相谅解'])).toEqual(['于 3 月 31 日前支付 3000 元'])
  })
  it('lists the joined parties who have not confirmed yet', () => {
    expect(unconfirmedParties(CASE)).toEqual(['黄伟明'])
  })
})

describe('mediation moves', () => {
  const ref = { id: 'c1', version: 3 }
  // Each move as the server lists it: the form comes from the kind's declaration.
  const move = (action: MediationAction) => ({ action, form: MEDIATION.actions[action].form })
  const now = new Date('2026-03-01T00:00:00Z')

  it('sends mediatorId on accept only when one was picked', () => {
    expect(buildMedActInput(ref, move('accept'), emptyMedActForm())).toEqual({ id: 'c1', action: 'accept', version: 3 })
    expect(buildMedActInput(ref, move('accept'), { ...emptyMedActForm(), mediatorId: 'm1' })).toEqual({ id: 'c1', action: 'accept', version: 3, mediatorId: 'm1' })
  })

  it('turns a Beijing date and time into the instant, and refuses past or missing times', () => {
    expect(shanghaiInstant('2026-03-05', '14:30')).toBe('2026-03-05T06:30:00.000Z')
    expect(shanghaiInstant('2026-3-5', '14:30')).toBeNull()
    const f = { ...emptyMedActForm(), sessionDate: '2026-03-05', sessionTime: '14:30', sessionMode: 'in_person' as const, sessionPlace: ' 云景社区调解室 ' }
    expect(validateMedAct(move('schedule'), f, now)).toEqual({})
    expect(buildMedActInput(ref, move('schedule'), f).session).toEqual({ at: '2026-03-05T06:30:00.000Z', mode: 'in_person', place: '云景社区调解室' })
    expect(validateMedAct(move('schedule'), { ...f, sessionDate: '2026-02-01' }, now).at).toMatch(/不能早于/)
    expect(validateMedAct(move('schedule'), { ...f, sessionPlace: '', sessionMode: 'online' }, now).place).toMatch(/会议/)
  })

  it('drafts only the non-empty terms and needs at least one', () => {
    const f = { ...emptyMedActForm(), terms: [' 支付 3000 元 ', '', '互不追究'] }
    expect(buildMedActInput(ref, move('draft_agreement'), f).terms).toEqual(['支付 3000 元', '互不追究'])
    expect(validateMedAct(move('draft_agreement'), { ...f, terms: ['', ' '] }).terms).toMatch(/至少填写一条/)
  })

  it('asks for reasons, a referral, a session and stars where the move needs them', () => {
    const f = emptyMedActForm()
    expect(validateMedAct(move('reject'), f).note).toBe('请填写不予受理原因')
    expect(validateMedAct(move('decline'), f).note).toBe('请填写不同意调解的原因')
    expect(validateMedAct(move('fail'), f)).toMatchObject({ referral: '请选择后续处理途径' })
    expect(validateMedAct(move('record_session'), f)).toMatchObject({ sessionId: '请选择调解场次', note: '请填写调解记录' })
    expect(validateMedAct(move('reassign'), { ...f, note: '工作调整' })).toEqual({ mediatorId: '请选择调解员' })
    expect(validateMedAct(move('rate'), f).rating).toBeTruthy()
    expect(buildMedActInput(ref, move('fail'), { ...f, referral: 'court', note: ' 分歧太大 ' })).toEqual({ id: 'c1', action: 'fail', version: 3, referral: 'court', note: '分歧太大' })
    expect(buildMedActInput(ref, move('rate'), { ...f, rating: 5, comment: ' 很好 ' })).toEqual({ id: 'c1', action: 'rate', version: 3, rating: 5, comment: '很好' })
  })

  it('puts server details on the form fields', () => {
    expect(medActErrorsFromDetails({ 'session.place': '必填' }, '请填写会议链接或调解室地点')).toEqual({ place: '请填写会议链接或调解室地点' })
    expect(medActErrorsFromDetails({ mediatorId: '必填', note: '必填' }, 'x')).toEqual({ mediatorId: '必填', note: '必填' })
  })

  it('opens a form for everything but the one-tap moves', () => {
    const needs = (a: MediationAction) => needsMedForm(move(a))
    expect((['invite', 'consent', 'prepare_judicial', 'confirm_judicial'] as const).map(needs)).toEqual([false, false, false, false])
    expect((['accept', 'decline', 'schedule', 'draft_agreement', 'rate', 'record_judicial', 'record_referral'] as const).map(needs)).toEqual([true, true, true, true, true, true, true])
  })

  it('starts a form from the case: the current terms, the session without a record, the preferred way', () => {
    const c = {
      ...CASE,
      preferredWay: 'online',
      agreement: { ...CASE.agreement!, terms: ['支付 3000 元'] },
      sessions: [
        { id: 's1', at: '2026-03-02T02:00:00Z', mode: 'in_person', modeLabel: '线下调解', place: '调解室', notes: '已调解' },
        { id: 's2', at: '2026-03-09T02:00:00Z', mode: 'online', modeLabel: '线上调解', place: '腾讯会议', notes: null },
      ],
    } as MediationView
    expect(initialMedActForm(c, move('draft_agreement')).terms).toEqual(['支付 3000 元'])
    expect(initialMedActForm(c, move('record_session')).sessionId).toBe('s2')
    expect(initialMedActForm(c, move('schedule')).sessionMode).toBe('online')
    expect(initialMedActForm(c, move('reject'))).toEqual(emptyMedActForm())
  })
})

describe('queue, committees, hints, ledger', () => {
  it('shows 待受理 to the centre only', () => {
    expect(queueTabsFor(true).map((t) => t.key)).toEqual(['applied', 'open', 'closed'])
    expect(queueTabsFor(false).map((t) => t.key)).toEqual(['open', 'closed'])
  })
  it('matches dispute types to the committee the server routes them to', () => {
    expect(committeeMatches('family', '京溪街婚调委')).toBe(true)
    expect(committeeMatches('traffic', '京溪街婚调委')).toBe(false)
    expect(committeeMatches('neighbour', '云景社区人民调解委员会')).toBe(true)
    expect(committeeMatches('neighbour', '白云区交调委')).toBe(false)
  })
  it('tells each reader what happens next', () => {
    expect(statusHint('awaiting_consent', 'respondent')).toMatch(/是否同意/)
    expect(statusHint('awaiting_consent', 'applicant')).toMatch(/等待对方/)
    expect(statusHint('applied', 'dispatcher')).toMatch(/受理/)
  })
  it('formats the ledger and checks its date range', () => {
    expect(percentText(0.8333)).toBe('83.3%')
    expect(ledgerRangeError('2026-03-02', '2026-03-01')).toMatch(/不能晚于/)
    expect(ledgerRangeError('', '2026-03-01')).toBe('')
  })
})
