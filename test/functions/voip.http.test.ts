/**
 * 视频调解 over HTTP (the voip function, local mode): who may have a session's joinVoIPChat
 * signature — the parties, the assigned mediator — and who may not (a brand-new WeChat identity, a
 * party of another case, the centre that reads the case, a mediator of another committee); entering
 * and leaving recorded on the case (a timeline row each, the start and the end); the stand-in
 * signature is WeChat's documented algorithm over a stand-in session key and says so.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { StandInVoipSigner, STAND_IN_APPID, voipSignature } from '../../backend/adapters/local/voipSigner'
import { loadOrCreateSecret } from '../../backend/adapters/local/secret'
import { advance } from '../support/cases'
import { applyInput, joinInput, medAct, setOwnPhone } from '../support/mediation'
import { as, asOpenid, serverWithUsers, type Client } from '../support/server'

// Names no seed or other test uses: their bytes in the database could only come from this test.
const APPLICANT = '欧阳晓岚'
const RESPONDENT = '诸葛文博'
const B_PHONE = '13966661234'

let centre: Client, mediator: Client, otherMediator: Client
const world = serverWithUsers(['demo-dispatcher', 'demo-mediator', 'demo-mediator-people'], ([c, m, o]) => {
  ;[centre, mediator, otherMediator] = [c!, m!, o!]
})

let n = 0
const stranger = () => asOpenid(world.srv.url, `dev-voip-${Date.now()}-${++n}`)

type Session = { id: string; mode: string; modeLabel: string; place: string; video: any }
const sessionOf = (r: any, id: string): Session => r.case.sessions.find((s: Session) => s.id === id)

/** A family case of two brand-new identities, accepted and under way with the family committee's mediator. */
async function mediating(): Promise<{ a: Client; b: Client; id: string }> {
  const a = await stranger()
  const b = await stranger()
  const applied = await a.call('mediation', 'apply', applyInput({ applicantName: APPLICANT, respondents: [{ name: RESPONDENT, phone: B_PHONE }] }))
  expect(applied).toMatchObject({ ok: true })
  const id = applied.case.id as string
  await setOwnPhone(b, B_PHONE)
  expect(await b.call('mediation', 'join', joinInput(applied.case.invites[0].code, RESPONDENT))).toMatchObject({ ok: true })
  expect(await medAct(centre, id, 'accept')).toMatchObject({ ok: true, case: { mediatorName: '周敏' } })
  expect(await medAct(mediator, id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
  return { a, b, id }
}

async function schedule(id: string, mode: string, at = new Date().toISOString()): Promise<string> {
  const r = await medAct(mediator, id, 'schedule', { session: { at, mode, place: 'https://meeting.example/backup-42' } })
  expect(r).toMatchObject({ ok: true })
  return r.case.sessions[r.case.sessions.length - 1].id
}

const NOT_FOUND = { ok: false, code: 'NOT_FOUND' }

describe('video sessions through the voip function', () => {
  it('signs for the parties and the assigned mediator only, and records who entered and left', async () => {
    const { a, b, id } = await mediating()
    const sid = await schedule(id, 'video')
    const fresh = await a.call('mediation', 'get', { id })
    expect(sessionOf(fresh, sid)).toMatchObject({ mode: 'video', modeLabel: '视频调解', place: 'https://meeting.example/backup-42', video: { live: false, stateLabel: '未开始', joined: [], mayJoin: true, meInRoom: false, minutes: null } })
    // The centre reads the session but is not on the call.
    expect(sessionOf(await centre.call('mediation', 'get', { id }), sid).video).toMatchObject({ mayJoin: false })

    // Refused: a brand-new identity, a party of another case, a mediator of another committee, the centre.
    const s = await stranger()
    const elsewhere = await mediating()
    for (const action of ['sign', 'joined', 'left']) {
      expect([action, await s.call('voip', action, { id, sessionId: sid })]).toMatchObject([action, NOT_FOUND])
      expect([action, await elsewhere.a.call('voip', action, { id, sessionId: sid })]).toMatchObject([action, NOT_FOUND])
      expect([action, await otherMediator.call('voip', action, { id, sessionId: sid })]).toMatchObject([action, NOT_FOUND])
      expect([action, await centre.call('voip', action, { id, sessionId: sid })]).toMatchObject([action, { ok: false, code: 'FORBIDDEN' }])
    }
    // …nor may a party of one case sign into another case's room with their own case's id.
    expect(await elsewhere.a.call('voip', 'sign', { id: elsewhere.id, sessionId: sid })).toMatchObject({ ok: false, code: 'VALIDATION' })

    // Allowed: the signature is for the session's room, signed by the documented stand-in.
    const signed = await a.call('voip', 'sign', { id, sessionId: sid })
    expect(signed).toMatchObject({ ok: true, groupId: sid, roomType: 'video', signer: 'stand_in' })
    expect(signed.signature).toMatch(/^[0-9a-f]{64}$/)
    expect(signed.nonceStr.length).toBeLessThan(128)
    expect(Math.abs(signed.timeStamp - Date.now() / 1000)).toBeLessThan(120)
    const key = new StandInVoipSigner(loadOrCreateSecret(world.srv.dataDir, 'voip.secret')).sessionKeyOf((await a.call('session', 'me', {})).user.id)
    expect(signed.signature).toBe(voipSignature(STAND_IN_APPID, sid, signed.nonceStr, signed.timeStamp, key))
    expect(await mediator.call('voip', 'sign', { id, sessionId: sid })).toMatchObject({ ok: true, groupId: sid })
    expect(await b.call('voip', 'sign', { id, sessionId: sid })).toMatchObject({ ok: true, groupId: sid })
    // Signing writes nothing.
    expect(sessionOf(await a.call('mediation', 'get', { id }), sid).video.joined).toEqual([])

    // Entering: the first starts the session; each is a timeline row.
    const in1 = await a.call('voip', 'joined', { id, sessionId: sid })
    expect(sessionOf(in1, sid).video).toMatchObject({ live: true, stateLabel: '进行中', meInRoom: true, joined: [{ name: APPLICANT, roleLabel: '申请人', leftAt: null, isMe: true }] })
    const startedAt = sessionOf(in1, sid).video.startedAt
    expect(typeof startedAt).toBe('string')
    const in2 = await mediator.call('voip', 'joined', { id, sessionId: sid })
    expect(sessionOf(in2, sid).video.joined.map((x: { name: string; roleLabel: string }) => `${x.roleLabel} ${x.name}`)).toEqual([`申请人 ${APPLICANT}`, '调解员 周敏'])
    expect(sessionOf(in2, sid).video.startedAt).toBe(startedAt)
    // Entering twice without leaving (a dropped call) keeps one row.
    expect(sessionOf(await a.call('voip', 'joined', { id, sessionId: sid }), sid).video.joined).toHaveLength(2)
    // mediation.act is not the door for entries, even for someone on the call.
    expect(await medAct(a, id, 'video_join', { sessionId: sid })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(await medAct(centre, id, 'video_join', { sessionId: sid })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The H5 desk shows it going on.
    expect(sessionOf(await centre.call('mediation', 'get', { id }), sid).video).toMatchObject({ live: true, stateLabel: '进行中', endedAt: null })

    // Leaving: the last one out ends it; leaving twice is refused.
    const out1 = await a.call('voip', 'left', { id, sessionId: sid })
    expect(sessionOf(out1, sid).video).toMatchObject({ live: true, meInRoom: false, endedAt: null })
    expect(await a.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '您不在本场视频调解中' })
    expect(await b.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const out2 = await mediator.call('voip', 'left', { id, sessionId: sid })
    const ended = sessionOf(out2, sid).video
    expect(ended).toMatchObject({ live: false, stateLabel: '已结束', startedAt })
    expect(Date.parse(ended.endedAt)).toBeGreaterThanOrEqual(Date.parse(startedAt))
    expect(ended.minutes).toEqual(expect.any(Number))
    expect(ended.joined.every((x: { leftAt: string | null }) => typeof x.leftAt === 'string')).toBe(true)

    const rows = out2.timeline.filter((e: { action: string }) => e.action.startsWith('video_'))
    expect(rows.map((e: { actionLabel: string }) => e.actionLabel)).toEqual(['进入视频调解', '进入视频调解', '进入视频调解', '离开视频调解', '离开视频调解'])

    // The others on the case are told someone entered; nobody is told of leaving.
    await advance(world.srv.url, 0) // runs the timer, which delivers the outbox
    const told = (await b.call('inbox', 'list', {})).items.filter((x: { caseId: string; title: string }) => x.caseId === id && x.title.includes('视频'))
    // Two entries by others (the applicant's second one too): the respondent hears of each.
    expect(told.map((x: { title: string }) => x.title)).toEqual(['视频调解进行中', '视频调解进行中', '视频调解进行中'])
    expect(told[0].body).toContain('进入视频调解')

    // A party's name is kept masked in the session's record, like on the timeline.
    const files = readdirSync(world.srv.dataDir).filter((f) => /\.(db|sqlite)(-wal|-shm)?$/.test(f))
    for (const f of files) expect({ f, found: readFileSync(join(world.srv.dataDir, f)).includes(Buffer.from(APPLICANT)) }).toEqual({ f, found: false })
  })

  it('lets a helper the mediator invited sign, enter and hear of the session; one not invited reaches nothing', async () => {
    const { a, id } = await mediating()
    const helper = await as(world.srv.url, 'demo-helper')
    const sid = await schedule(id, 'video')
    for (const action of ['sign', 'joined']) expect([action, await helper.call('voip', action, { id, sessionId: sid })]).toMatchObject([action, NOT_FOUND])
    expect(await medAct(mediator, id, 'invite_helper', { helperId: 'demo-helper' })).toMatchObject({ ok: true })
    expect(sessionOf(await helper.call('mediation', 'get', { id }), sid).video).toMatchObject({ mayJoin: true })
    expect(await helper.call('voip', 'sign', { id, sessionId: sid })).toMatchObject({ ok: true, groupId: sid })
    expect(await a.call('voip', 'joined', { id, sessionId: sid })).toMatchObject({ ok: true })
    const joined = await helper.call('voip', 'joined', { id, sessionId: sid })
    expect(sessionOf(joined, sid).video.joined.map((x: { roleLabel: string; name: string }) => `${x.roleLabel} ${x.name}`)).toEqual([`申请人 ${APPLICANT}`, '协助调解人 林志远'])
    await advance(world.srv.url, 0)
    const told = (await helper.call('inbox', 'list', {})).items.filter((x: { caseId: string; title: string }) => x.caseId === id && x.title === '视频调解进行中')
    expect(told).toHaveLength(1)
    expect(await helper.call('voip', 'left', { id, sessionId: sid })).toMatchObject({ ok: true })
  })

  it('opens the room 30 minutes before the session, not for an online one; closes it 4 hours after', async () => {
    const { a, id } = await mediating()
    const online = await schedule(id, 'online')
    expect(await a.call('voip', 'sign', { id, sessionId: online })).toMatchObject({ ok: false, code: 'VALIDATION', message: '该场次不是视频调解' })
    expect(await a.call('voip', 'sign', { id, sessionId: 'no-such-session' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const later = await schedule(id, 'video', new Date(Date.now() + 2 * 3_600_000).toISOString())
    const early = await a.call('voip', 'sign', { id, sessionId: later })
    expect(early).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    expect(early.message).toContain('视频调解尚未开始')
    expect(await a.call('voip', 'joined', { id, sessionId: later })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' })
    const soon = await schedule(id, 'video', new Date(Date.now() + 20 * 60_000).toISOString())
    expect(await a.call('voip', 'sign', { id, sessionId: soon })).toMatchObject({ ok: true })

    // Past the window (this server's clock moves last in the file).
    expect(await advance(world.srv.url, 5)).toMatchObject({ ok: true })
    expect(await a.call('voip', 'sign', { id, sessionId: soon })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '本场视频调解已结束' })
    expect(await a.call('voip', 'sign', { id, sessionId: later })).toMatchObject({ ok: true })
  })
})
