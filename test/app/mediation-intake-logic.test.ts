import { emptyIntakeDraft, intakeErrorsFromDetails, intakeInviteMessage, shiftPartyErrors, toFromReportInput, toIntakeInput, validateIntake, type IntakeDraft } from '../../src/utils/mediation/intake'
import { linkUrl } from '../../src/components/CaseLink/logic'

const filled = (): IntakeDraft => ({
  ...emptyIntakeDraft(['a', 'b']),
  placeCode: '440111010001001',
  parties: [
    { key: 'a', name: ' 陈小梅 ', phone: '138 0013 8000' },
    { key: 'b', name: '黄伟明', phone: '13912345678' },
  ],
  facts: '楼上住户深夜装修噪音扰民，双方争吵',
  claims: '晚上十点后停工',
})

describe('录入纠纷 / 转为调解 form logic', () => {
  it('accepts a filled patrol entry and sends trimmed names and normal phones', () => {
    expect(validateIntake(filled(), 'intake', false)).toEqual({})
    const input = toIntakeInput(filled(), 'k'.repeat(26), ['f1'])
    expect(input).toMatchObject({ source: 'patrol', disputeType: 'neighbour', placeCode: '440111010001001', evidence: ['f1'], parties: [{ name: '陈小梅', phone: '13800138000' }, { name: '黄伟明', phone: '13912345678' }] })
    expect(input).not.toHaveProperty('sourceRef')
  })

  it('asks for what is missing, field by field, in Chinese', () => {
    const e = validateIntake({ ...emptyIntakeDraft(['a', 'b']), source: 'hotline_12345' }, 'intake', true)
    expect(e).toMatchObject({ sourceRef: '请填写工单或警情编号', placeCode: '请选择纠纷发生的网格或社区', 'parties.0.name': '请填写当事人姓名', 'parties.1.phone': '请填写当事人手机号' })
    expect(e.facts).toMatch(/至少 10 个字/)
    expect(e.claims).toMatch(/至少 5 个字/)
    expect(validateIntake({ ...filled(), parties: filled().parties.slice(0, 1) }, 'intake', false).parties).toBe('请至少填写两位当事人')
  })

  it('refuses two parties with one phone: each invitation opens only for its own number', () => {
    const d = filled()
    d.parties[1]!.phone = '13800138000'
    expect(validateIntake(d, 'intake', false)['parties.1.phone']).toBe('与其他当事人的电话相同')
  })

  it('in report mode: no source or place, the consent note required, the first party is the applicant', () => {
    const d = { ...filled(), placeCode: '' }
    expect(validateIntake(d, 'report', false)).toEqual({ consentNote: '请填写报事人同意调解的情况' })
    const input = toFromReportInput({ ...d, consentNote: ' 电话同意 ' }, 'k'.repeat(26), { id: 'R', version: 3 })
    expect(input).toMatchObject({ id: 'R', version: 3, applicantName: '陈小梅', applicantPhone: '13800138000', respondents: [{ name: '黄伟明' }], consentNote: '电话同意' })
  })

  it('puts the server\'s details under the form\'s fields and moves them with removed rows', () => {
    expect(intakeErrorsFromDetails({ 'parties[1].phone': '号码不对', sourceRef: '请填写' }, 'intake')).toEqual({ 'parties.1.phone': '号码不对', sourceRef: '请填写' })
    expect(intakeErrorsFromDetails({ applicantPhone: 'x', 'respondents.0.name': 'y', note: 'z' }, 'report')).toEqual({ 'parties.0.phone': 'x', 'parties.1.name': 'y', consentNote: 'z' })
    expect(shiftPartyErrors({ 'parties.0.name': 'a', 'parties.2.phone': 'c', facts: 'f' }, 1)).toEqual({ 'parties.0.name': 'a', 'parties.1.phone': 'c', facts: 'f' })
  })

  it('words the invitation as the committee\'s, with the code', () => {
    const text = intakeInviteMessage('陈小梅', 'ABCD2345')
    expect(text).toContain('ABCD2345')
    expect(text).toContain('人民调解委员会')
    expect(text).not.toMatch(/[a-z]{4,}/)
  })

  it('opens a linked case on the viewer\'s own page, and only when they may read it', () => {
    const link = { kind: 'mediation' as const, caseId: 'M1', number: '京溪-2026-00042', text: '调解案件 京溪-2026-00042', readable: true }
    expect(linkUrl(link, 'staff')).toBe('/pages/mediation-staff/case/index?id=M1')
    expect(linkUrl(link, 'person')).toBe('/pages/mediation/detail/index?id=M1')
    expect(linkUrl({ ...link, kind: 'report' }, 'person')).toBe('/pages/report/detail/index?id=M1')
    expect(linkUrl({ ...link, readable: false }, 'staff')).toBeNull()
  })
})
