/** The hand-off moves' sheets (issue 18): the court's or the receiver's answer is a declared choice, the reason a note. */
import { MEDIATION, type MediationAction } from '../../src/core/kinds/mediation'
import { buildMedActInput, emptyMedActForm, medActErrorsFromDetails, validateMedAct } from '../../src/utils/mediation/actForm'
import { confirmText, needsMedForm } from '../../src/utils/mediation/moves'

const move = (action: MediationAction) => ({ action, form: MEDIATION.actions[action].form ?? [] })
const ref = { id: 'c1', version: 4 }

describe('hand-off sheets', () => {
  it('asks for the answer among the declared choices, the note only where the move requires it', () => {
    expect(validateMedAct(move('record_judicial'), emptyMedActForm())).toEqual({ answer: '请选择法院答复' })
    expect(validateMedAct(move('record_referral'), emptyMedActForm())).toEqual({ answer: '请选择接收单位答复' })
    expect(MEDIATION.actions.record_judicial.form!.find((f) => f.name === 'answer')!.choices!.map((c) => c.label)).toEqual(['法院已受理', '法院裁定确认协议有效', '法院驳回申请'])
    expect(MEDIATION.actions.record_referral.form!.find((f) => f.name === 'answer')!.choices!.map((c) => c.label)).toEqual(['已接收', '已处理', '退回'])
  })

  it('sends the answer and the trimmed note', () => {
    const f = { ...emptyMedActForm(), answer: 'returned', note: ' 不属于本所管辖 ' }
    expect(buildMedActInput(ref, move('record_referral'), f)).toEqual({ id: 'c1', action: 'record_referral', version: 4, answer: 'returned', note: '不属于本所管辖' })
    expect(buildMedActInput(ref, move('record_judicial'), { ...emptyMedActForm(), answer: 'accepted' })).toEqual({ id: 'c1', action: 'record_judicial', version: 4, answer: 'accepted' })
  })

  it('puts the server\'s complaint about the answer under its field', () => {
    expect(medActErrorsFromDetails({ answer: '必填' }, '请选择法院的答复')).toEqual({ answer: '请选择法院的答复' })
  })

  it('preparing and confirming the application take one tap, each asked twice', () => {
    expect([needsMedForm(move('prepare_judicial')), needsMedForm(move('confirm_judicial'))]).toEqual([false, false])
    expect(confirmText('prepare_judicial')).toContain('30 日内')
    expect(confirmText('confirm_judicial')).toContain('共同向人民法院申请司法确认')
  })
})
