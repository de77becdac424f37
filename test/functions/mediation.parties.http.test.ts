/**
 * Mediation names every party, as strangers meet it: brand-new WeChat identities (the dev login's
 * OPENID only), never a demo resident. The application names the applicant by the real name they
 * typed, not the 微信用户 of their account; an invitation opens only for the phone the applicant gave
 * for that party (the invitee's phone in 我的); joining confirms or corrects the name and records
 * the consent; the agreement, the timeline, the thread and the centre's CSV all use those names.
 */
import { applyInput, joinInput, medAct, setOwnPhone as setPhone } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

const A_PHONE = '13711110001'
const B_PHONE = '13922220002'

let centre: Client, mediator: Client
const world = serverWithUsers(['demo-dispatcher', 'demo-mediator-people'], ([c, m]) => {
  ;[centre, mediator] = [c!, m!]
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-parties-${Date.now()}-${++n}`)

async function applied(a: Client, respondentName = '楼上住户王先生') {
  const r = await a.call('mediation', 'apply', applyInput({ applicantName: '林晓燕', applicantPhone: A_PHONE, disputeType: 'neighbour', respondents: [{ name: respondentName, phone: B_PHONE }] }))
  expect(r).toMatchObject({ ok: true })
  return { id: r.case.id as string, code: r.case.invites[0].code as string }
}

it('names the applicant by the typed real name, never the account nickname', async () => {
  const a = await stranger()
  expect((await a.call('session', 'me', {})).user.name).toBe('微信用户')
  expect(await a.call('mediation', 'apply', applyInput({ applicantName: undefined }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { applicantName: expect.any(String) } })
  expect(await a.call('mediation', 'apply', applyInput({ applicantName: '  ' }))).toMatchObject({ ok: false, code: 'VALIDATION' })
  const { id } = await applied(a)
  const got = await a.call('mediation', 'get', { id })
  expect(got.case.parties.map((p: { name: string }) => p.name)).toEqual(['林晓燕', '楼上住户王先生'])
  expect(JSON.stringify(got)).not.toContain('微信用户')
})

it('opens an invitation only for the phone the applicant gave, telling anyone else the number masked', async () => {
  const a = await stranger()
  const { id, code } = await applied(a)
  const noPhone = await stranger()
  for (const action of ['invitation', 'join'] as const) {
    const r = await noPhone.call('mediation', action, action === 'join' ? joinInput(code) : { invite: code })
    expect(r).toMatchObject({ ok: false, code: 'PHONE_MISMATCH', details: { phone: '未设置' } })
    expect(r.message).toContain('139****0002')
    expect(r.message).toContain('我的')
    expect(JSON.stringify(r)).not.toContain(B_PHONE)
    expect(JSON.stringify(r)).not.toContain('楼上住户王先生')
  }
  const otherPhone = await stranger()
  await setPhone(otherPhone, '13933330003')
  expect(await otherPhone.call('mediation', 'invitation', { invite: code })).toMatchObject({ ok: false, code: 'PHONE_MISMATCH', details: { phone: '不一致' } })
  expect(await otherPhone.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: false, code: 'PHONE_MISMATCH' })
  // Nothing of the case reached them, and the slot is still free.
  expect(await otherPhone.call('mediation', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect((await a.call('mediation', 'get', { id })).case.invites[0].used).toBe(false)
  // The applicant cannot take the slot with their own number either.
  expect(await a.call('mediation', 'join', joinInput(code))).toMatchObject({ ok: false, code: 'PHONE_MISMATCH' })
})

it('lets the invitee confirm or correct their name, records the correction, and every view uses the names', async () => {
  const a = await stranger()
  const b = await stranger()
  const { id, code } = await applied(a)
  // The number written another way is the same number.
  await setPhone(b, '139-2222-0002'.replace(/-/g, ''))
  const invitation = await b.call('mediation', 'invitation', { invite: code })
  expect(invitation).toMatchObject({ ok: true, partyName: '楼上住户王先生', summary: { applicantName: '林*燕' } })
  expect(JSON.stringify(invitation)).not.toContain(A_PHONE)

  expect(await b.call('mediation', 'join', { invite: code, name: '王志强' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  const joined = await b.call('mediation', 'join', joinInput(code, ' 王志强 '))
  expect(joined).toMatchObject({ ok: true, case: { myRole: 'respondent' } })
  expect(joined.case.parties.map((p: { name: string; consentLabel: string }) => [p.name, p.consentLabel])).toEqual([
    ['林晓燕', '申请人'],
    ['王志强', '已同意'],
  ])
  expect(await stranger().then((s) => s.call('mediation', 'join', joinInput(code)))).toMatchObject({ ok: false })

  const seen = await a.call('mediation', 'get', { id })
  const join = seen.timeline.find((e: { action: string }) => e.action === 'join')
  expect(join).toMatchObject({ actorLabel: '被申请人 王志强', note: '被申请人姓名由「楼*生」更正为「王*强」' })
  expect(seen.timeline.find((e: { action: string }) => e.action === 'apply').actorLabel).toBe('我')

  expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '钱进' } })
  expect(await medAct(mediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  expect(await b.call('mediation', 'send', { id, text: '我同意调解', photos: [] })).toMatchObject({ ok: true, message: { authorName: '王志强' } })
  const drafted = await medAct(mediator, id, 'draft_agreement', { terms: ['王志强晚上十点后停止装修施工'] })
  expect(drafted.case.agreement.text).toContain('申请人：林晓燕')
  expect(drafted.case.agreement.text).toContain('被申请人：王志强')
  const staffView = await mediator.call('mediation', 'get', { id })
  expect(staffView.case.parties.map((p: { name: string }) => p.name)).toEqual(['林晓燕', '王志强'])
  expect(staffView.timeline.map((e: { actorLabel: string }) => e.actorLabel)).toEqual(expect.arrayContaining(['申请人 林晓燕', '被申请人 王志强']))
  expect(JSON.stringify(staffView)).not.toContain('微信用户')
  const queued = (await mediator.call('mediation', 'queue', {})).cases.find((c: { id: string }) => c.id === id)
  expect(queued.partyNames).toEqual(['林晓燕', '王志强'])

  await medAct(a, id, 'confirm_agreement', { agreementVersion: 1 })
  const done = await medAct(b, id, 'confirm_agreement', { agreementVersion: 1 })
  expect(done.case.agreement.confirmations.map((x: { name: string }) => x.name).sort()).toEqual(['林晓燕', '王志强'].sort())

  const csv = await centre.call('mediation', 'ledgerCsv', {})
  const row = (csv.csv as string).split('\r\n').find((l) => l.includes('林晓燕'))!
  expect(csv.csv.split('\r\n')[0]).toBe('\uFEFF编号,纠纷类型,申请人,被申请人,状态,街道,调解委员会,申请时间,办理期限,结果去向,来源,调解层级')
  expect(row).toContain(',林晓燕,王志强,调解成功,')
  // People read the case number and Beijing time, never the internal id or UTC.
  expect(row).not.toContain(id)
  expect(row).toMatch(/^京溪-\d{4}-\d{5},/)
  expect(row).not.toMatch(/\dT\d{2}:/)
})

it('lets the invitee refuse mediation at the invitation, with a reason the applicant reads, which ends the case', async () => {
  const a = await stranger()
  const b = await stranger()
  const { id, code } = await applied(a)
  await setPhone(b, B_PHONE)
  expect(await b.call('mediation', 'join', { invite: code, name: '王志强', consent: false })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: expect.any(String) } })
  const refused = await b.call('mediation', 'join', { invite: code, name: '王志强', consent: false, reason: '此事已通过物业协调解决' })
  expect(refused).toMatchObject({ ok: true, case: { status: 'declined', statusLabel: '对方不同意调解', myRole: 'respondent', referral: { type: 'court' } } })
  expect(refused.case.parties[1]).toMatchObject({ name: '王志强', consentLabel: '已拒绝' })
  const seen = await a.call('mediation', 'get', { id })
  expect(seen.case.status).toBe('declined')
  expect(seen.timeline.find((e: { action: string }) => e.action === 'decline')).toMatchObject({
    actorLabel: '被申请人 王志强',
    note: '此事已通过物业协调解决（被申请人姓名由「楼*生」更正为「王*强」）',
  })
  // The case is over: a second answer, or joining it again, is refused.
  expect(await b.call('mediation', 'join', joinInput(code, '王志强'))).toMatchObject({ ok: false })
  expect((await b.call('mediation', 'mine', {})).cases.map((c: { id: string }) => c.id)).toEqual([id])
})
