/**
 * 视频调解 in the built mini-program (miniprogram/, miniprogram-simulate): a party's case page shows
 * 「进入视频调解」 at the session's time; tapping it signs (voip.sign), enters WeChat's room
 * (joinVoIPChat, roomType video, the signature's fields) and records the entry (voip.joined); where
 * WeChat has no joinVoIPChat or refuses the room, the page offers the session's meeting link instead.
 */
import { answers, cloudFake, type Answer } from './fixtures'
import { ensureBuilt, MiniProgram, sleep, type LaunchOptions } from './simulate'

ensureBuilt()

const ID = '01JF8V1D3E0000000000000001'
const SESSION = '01JF8V1D3E0000000000000002'
const LINK = 'https://meeting.example/backup-42'

function video(over: Record<string, unknown> = {}) {
  const now = Date.now()
  return {
    live: false,
    stateLabel: '未开始',
    startedAt: null,
    endedAt: null,
    minutes: null,
    opensAt: new Date(now - 20 * 60_000).toISOString(),
    closesAt: new Date(now + 4 * 3_600_000).toISOString(),
    joined: [],
    mayJoin: true,
    meInRoom: false,
    ...over,
  }
}

function mediationCase(v: Record<string, unknown>) {
  return {
    id: ID,
    number: '京溪-2026-00042',
    kind: 'mediation',
    status: 'mediating',
    statusLabel: '调解中',
    disputeType: 'family',
    disputeTypeLabel: '婚姻家庭',
    facts: '婚后因子女抚养费问题多次争吵，双方协商未果，希望调解',
    claims: '每月支付子女抚养费 2000 元',
    evidence: [],
    preferredWay: 'online',
    streetName: '京溪街道',
    committee: { code: 'family', name: '京溪街婚姻家庭纠纷人民调解委员会' },
    levels: null,
    mediatorName: '周敏',
    mediatorPhone: '13800000005',
    deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    overdue: false,
    parties: [
      { side: 'applicant', sideLabel: '申请人', name: '陈小梅', phone: '13800138000', joined: true, consent: 'consented', consentLabel: '申请人', isMe: true },
      { side: 'respondent', sideLabel: '被申请人', name: '黄伟明', phone: '139****5678', joined: true, consent: 'consented', consentLabel: '已同意', isMe: false },
    ],
    sessions: [{ id: SESSION, at: new Date(Date.now() + 10 * 60_000).toISOString(), mode: 'video', modeLabel: '视频调解', place: LINK, notes: null, video: v }],
    agreement: null,
    referral: null,
    judicialConfirmation: false,
    judicial: null,
    myRole: 'applicant',
    helpers: [],
    myRating: null,
    invites: [],
    source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
    origin: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    version: 5,
  }
}

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Record<string, Answer>, opts: Partial<LaunchOptions> = {}) {
  const mp = MiniProgram.launch({
    cloud: cloudFake(
      answers({
        'mediation.get': () => ({ ok: true, case: mediationCase(video()), timeline: [], actions: [] }),
        'mediation.messages': () => ({ ok: true, messages: [] }),
        ...over,
      }),
    ),
    ...opts,
  })
  open.push(mp)
  return mp
}

async function until(cond: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await sleep(20)
}

const SIGNED = { ok: true, groupId: SESSION, nonceStr: '01JF8V1D3E0000000000000003', timeStamp: 1_796_000_000, signature: 'ab'.repeat(32), roomType: 'video', signer: 'wechat', selfOpenId: 'o-me' }

describe('视频调解 on the case page', () => {
  test('「进入视频调解」 at the session time signs, enters WeChat’s video room and records the entry', async () => {
    let entered = false
    const mp = launch(
      {
        'voip.sign': () => SIGNED,
        'voip.joined': () => {
          entered = true
          return { ok: true, case: mediationCase(video({ live: true, stateLabel: '进行中', meInRoom: true, startedAt: new Date().toISOString(), minutes: 0, joined: [{ name: '陈小梅', roleLabel: '申请人', at: new Date().toISOString(), leftAt: null, isMe: true }] })), timeline: [], actions: [] }
        },
        'mediation.get': () => ({
          ok: true,
          case: mediationCase(entered ? video({ live: true, stateLabel: '进行中', meInRoom: true, startedAt: new Date().toISOString(), minutes: 0, joined: [{ name: '陈小梅', roleLabel: '申请人', at: new Date().toISOString(), leftAt: null, isMe: true }] }) : video()),
          timeline: [],
          actions: [],
        }),
        'voip.left': () => ({ ok: true, case: mediationCase(video({ stateLabel: '已结束' })), timeline: [], actions: [] }),
      },
      { voip: { openIdList: ['o-me', 'o-mediator'] } },
    )
    const page = await mp.open('pages/mediation/detail/index', { id: ID })
    await page.waitForText('视频调解')
    await page.waitForText('进入视频调解')
    expect(page.text()).toContain('未开始')
    expect(page.text()).not.toContain(LINK)
    await page.tap('#jf-med-video-join')
    await until(() => entered)
    await page.waitForText('退出视频调解')
    const calls = mp.calls.map((c) => `${c.name}.${c.data.action}`)
    expect(calls).toEqual(expect.arrayContaining(['voip.sign', 'voip.joined']))
    expect(mp.calls.find((c) => c.data.action === 'sign')!.data.data).toEqual({ id: ID, sessionId: SESSION })
    const join = mp.wxCalls.find(([n]) => n === 'joinVoIPChat')![1] as Record<string, unknown>
    expect(join).toMatchObject({ roomType: 'video', groupId: SESSION, nonceStr: SIGNED.nonceStr, timeStamp: SIGNED.timeStamp, signature: SIGNED.signature })
    expect(mp.wxCalls.filter(([n]) => n === 'authorize').map(([, o]) => (o as { scope: string }).scope)).toEqual(['scope.record', 'scope.camera'])
    await page.waitForText('仍在视频中')
    expect(page.text()).toContain('进行中')

    await page.tap('#jf-med-video-leave')
    await until(() => mp.calls.some((c) => c.data.action === 'left'))
    expect(mp.wxCalls.some(([n]) => n === 'exitVoIPChat')).toBe(true)
    expect(mp.errors).toEqual([])
    // voip-room (the camera and the others' video) has its template: nothing blank in WeChat.
    expect(mp.viewErrors).toEqual([])
  })

  test('a WeChat without joinVoIPChat shows the meeting link instead of the button', async () => {
    const mp = launch({})
    const page = await mp.open('pages/mediation/detail/index', { id: ID })
    await page.waitForText('视频调解')
    await page.waitForText(`备用会议链接：${LINK}`)
    expect(page.find('#jf-med-video-join')).toBeNull()
    expect(mp.calls.some((c) => c.name === 'voip')).toBe(false)
    expect(mp.errors).toEqual([])
  })

  test('an appid without the capability (VOIP_UNAVAILABLE) or a refused room falls back to the link', async () => {
    for (const [over, opts] of [
      [{ 'voip.sign': () => ({ ok: false, code: 'VOIP_UNAVAILABLE', message: '暂时无法使用微信视频通话，请使用会议链接参加调解' }) }, { voip: { openIdList: [] } }],
      [{ 'voip.sign': () => SIGNED }, { voip: { errCode: -1000 } }],
    ] as const) {
      const mp = launch(over as Record<string, Answer>, opts as Partial<LaunchOptions>)
      const page = await mp.open('pages/mediation/detail/index', { id: ID })
      await page.waitForText('进入视频调解')
      await page.tap('#jf-med-video-join')
      await page.waitForText(`备用会议链接：${LINK}`)
      expect(mp.calls.some((c) => c.data.action === 'joined')).toBe(false)
      expect(mp.errors).toEqual([])
    }
  })

  test('before the room opens it says when; someone not on the call sees the session only', async () => {
    const later = { opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 6 * 3_600_000).toISOString() }
    const mp = launch({ 'mediation.get': () => ({ ok: true, case: mediationCase(video(later)), timeline: [], actions: [] }) }, { voip: { openIdList: [] } })
    const page = await mp.open('pages/mediation/detail/index', { id: ID })
    await page.waitForText('起可进入视频调解')
    expect(page.find('#jf-med-video-join')).toBeNull()
    const ended = video({ mayJoin: false, stateLabel: '已结束', startedAt: '2026-12-01T02:00:00.000Z', endedAt: '2026-12-01T02:45:00.000Z', minutes: 45, joined: [{ name: '周敏', roleLabel: '调解员', at: '2026-12-01T02:00:00.000Z', leftAt: '2026-12-01T02:45:00.000Z', isMe: false }] })
    const mp2 = launch({ 'mediation.get': () => ({ ok: true, case: mediationCase(ended), timeline: [], actions: [] }) }, { voip: { openIdList: [] } })
    const p2 = await mp2.open('pages/mediation/detail/index', { id: ID })
    await p2.waitForText('时长：45 分钟')
    expect(p2.text()).toContain('调解员 周敏')
    expect(p2.text()).toContain('10:00 进入 · 10:45 离开')
    expect(p2.find('#jf-med-video-join')).toBeNull()
  })
})
