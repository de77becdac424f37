/**
 * Voice notes beyond 一键求助 over HTTP: a report (the resident's own and 代办), a question to the grid
 * worker and a mediation application may be told by voice instead of words. The note must be the
 * caller's own audio upload (not a photo, not someone else's note); the reporter, the applicant and
 * the staff on the case get a link to play it, and nothing a stranger or a neighbour can read does.
 */
import { randomBytes } from 'node:crypto'
import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { GRID1_CODE, idemKey, reportInput, TINY_AAC, TINY_JPEG } from '../support/fixtures'
import { fromReportInput } from '../support/intake'
import { asOpenid, serverWithUsers, type Client } from '../support/server'


let resident: Client, gridWorker: Client, centre: Client

const world = serverWithUsers(['demo-resident', 'demo-grid-worker', 'demo-dispatcher'], (c) => ([resident, gridWorker, centre] = c), { JIEFANG_TIMER_MS: '0' })

const newcomer = () => asOpenid(world.srv.url, `dev-voice-${randomBytes(4).toString('hex')}`)
const uploadVoice = async (who: Client): Promise<string> => {
  const r = await who.call('files', 'uploadVoice', { contentBase64: TINY_AAC.toString('base64') })
  expect(r).toMatchObject({ ok: true })
  return r.fileId
}
const applyInput = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: idemKey(),
  disputeType: 'neighbour',
  streetCode: DEMO_STREET,
  applicantName: '赵新民',
  applicantPhone: '13611112222',
  respondents: [{ name: '黄伟明', phone: '13912345678' }],
  facts: '',
  claims: '',
  evidence: [],
  preferredWay: 'in_person',
  ...over,
})

describe('voice notes on reports, questions and mediation applications', () => {
  it('a brand-new resident reports by voice alone; they and the grid worker hear it, the public view never carries it', async () => {
    const me = await newcomer()
    const voiceFileId = await uploadVoice(me)
    const r = await me.call('reports', 'submit', reportInput({ description: '', voiceFileId }))
    expect(r).toMatchObject({ ok: true, case: { description: '', title: '（语音描述）', voiceUrl: expect.any(String), moderation: { description: 'hidden', descriptionLabel: '为语音，不公开' } } })
    const audio = await fetch(new URL(r.case.voiceUrl, world.srv.url))
    expect(audio.status).toBe(200)
    expect(audio.headers.get('content-type')).toBe('audio/aac')
    expect(Buffer.from(await audio.arrayBuffer()).subarray(0, TINY_AAC.length)).toEqual(TINY_AAC)

    const mine = await me.call('reports', 'get', { id: r.case.id })
    expect(mine).toMatchObject({ ok: true, view: 'full', case: { voiceUrl: expect.any(String) } })
    const staff = await gridWorker.call('cases', 'get', { id: r.case.id })
    expect(staff).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })

    // What anyone nearby may see of reports there: no voice, no voice file id.
    const near = await (await newcomer()).call('reports', 'duplicates', { category: 'HJ01', lng: reportInput().location.lng, lat: reportInput().location.lat })
    expect(near).toMatchObject({ ok: true })
    expect(JSON.stringify(near)).not.toMatch(/voice/i)
    expect(JSON.stringify(near)).not.toContain(voiceFileId)
    // The centre's CSV says there is a voice note; no file id or link leaves in it.
    const csv = await centre.call('cases', 'exportCsv', { number: r.case.number })
    expect(csv).toMatchObject({ ok: true, rows: 1 })
    expect(csv.csv).toContain('（语音描述，请在系统中收听）')
    expect(csv.csv).not.toContain(voiceFileId)
    // Nothing of it waits in 内容审核: there are no words to publish.
    const worded = await me.call('reports', 'submit', reportInput({ description: '路灯坏了一个多星期，晚上很黑' }))
    const queue = await centre.call('cases', 'moderationQueue', {})
    expect(queue).toMatchObject({ ok: true })
    expect(JSON.stringify(queue)).toContain(worded.case.id)
    expect(JSON.stringify(queue)).not.toContain(r.case.id)
    // A stranger reads nothing of it; a neighbour who follows it gets the public view, without the voice.
    expect(await (await newcomer()).call('reports', 'get', { id: r.case.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const neighbour = await newcomer()
    expect(await neighbour.call('reports', 'follow', { id: r.case.id })).toMatchObject({ ok: true })
    const followed = await neighbour.call('reports', 'get', { id: r.case.id })
    expect(followed).toMatchObject({ ok: true, view: 'public', case: { id: r.case.id } })
    expect(JSON.stringify(followed)).not.toMatch(/voice/i)
    expect(JSON.stringify(followed)).not.toContain(voiceFileId)
  })

  it('needs words or a voice note, and takes only the caller’s own audio', async () => {
    const me = await newcomer()
    const neither = await me.call('reports', 'submit', reportInput({ description: '' }))
    expect(neither).toMatchObject({ ok: false, code: 'VALIDATION', details: { description: '请写下问题描述，或按住说话留一段语音' } })
    expect(await me.call('reports', 'submit', reportInput({ description: '垃圾' }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { description: '问题描述至少 5 个字' } })
    // With a voice note a few words are enough.
    const own = await uploadVoice(me)
    expect(await me.call('reports', 'submit', reportInput({ description: '垃圾', voiceFileId: own }))).toMatchObject({ ok: true })

    // Someone else's voice note cannot be attached, nor a photo passed off as one.
    const theirs = await uploadVoice(resident)
    const taken = await me.call('reports', 'submit', reportInput({ description: '', voiceFileId: theirs }))
    expect(taken).toMatchObject({ ok: false, code: 'VALIDATION', details: { voiceFileId: '无效' } })
    const photo = await me.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
    expect(photo).toMatchObject({ ok: true })
    expect(await me.call('reports', 'submit', reportInput({ description: '', voiceFileId: photo.fileId }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { voiceFileId: '无效' } })
    expect(await me.call('grid', 'ask', { code: GRID1_CODE, idempotencyKey: idemKey(), question: '', voiceFileId: theirs })).toMatchObject({ ok: false, code: 'VALIDATION', details: { voiceFileId: '无效' } })
    expect(await me.call('mediation', 'apply', applyInput({ voiceFileId: photo.fileId }))).toMatchObject({ ok: false, code: 'VALIDATION', details: { voiceFileId: '无效' } })
    // An id that is no file at all.
    expect(await me.call('reports', 'submit', reportInput({ description: '', voiceFileId: 'no-such-file-0001' }))).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('代办: the grid worker files a resident’s report by the voice they recorded with them', async () => {
    const voiceFileId = await uploadVoice(gridWorker)
    const r = await gridWorker.call('cases', 'proxySubmit', { ...reportInput({ description: '', voiceFileId }), proxy: { name: '王阿姨', phone: '13700000000' } })
    expect(r).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })
    // The resident's own upload is not the worker's to attach.
    const theirs = await uploadVoice(resident)
    expect(await gridWorker.call('cases', 'proxySubmit', { ...reportInput({ description: '', voiceFileId: theirs }), proxy: { name: '王阿姨', phone: '13700000000' } })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('找网格员 by voice: the question reaches the grid worker with the note to play', async () => {
    const me = await newcomer()
    expect(await me.call('grid', 'ask', { code: GRID1_CODE, idempotencyKey: idemKey(), question: '' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { question: '请写下您的问题，或按住说话留一段语音' } })
    const voiceFileId = await uploadVoice(me)
    const asked = await me.call('grid', 'ask', { code: GRID1_CODE, idempotencyKey: idemKey(), question: '', voiceFileId })
    expect(asked).toMatchObject({ ok: true })
    const staff = await gridWorker.call('cases', 'get', { id: asked.caseId })
    expect(staff).toMatchObject({ ok: true, case: { description: '', voiceUrl: expect.any(String) } })
    expect(await me.call('reports', 'get', { id: asked.caseId })).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })
  })

  it('a mediation application told by voice: the applicant and the centre hear it, a stranger reads nothing', async () => {
    const me = await newcomer()
    const neither = await me.call('mediation', 'apply', applyInput())
    expect(neither).toMatchObject({ ok: false, code: 'VALIDATION', details: { facts: '请写下事实经过，或按住说话留一段语音', claims: '请写下请求事项，或在语音里说清楚' } })
    const voiceFileId = await uploadVoice(me)
    const r = await me.call('mediation', 'apply', applyInput({ voiceFileId }))
    expect(r).toMatchObject({ ok: true, case: { facts: '', claims: '', voiceUrl: expect.any(String) } })
    const seen = await centre.call('mediation', 'get', { id: r.case.id })
    expect(seen).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })
    const stranger = await (await newcomer()).call('mediation', 'get', { id: r.case.id })
    expect(stranger).toMatchObject({ ok: false })
    expect(JSON.stringify(stranger)).not.toMatch(/voice/i)
  })

  it('the note goes along when a report becomes mediation and a 一键求助 becomes a 网格事件', async () => {
    const me = await newcomer()
    const said = await uploadVoice(me)
    const report = await me.call('reports', 'submit', reportInput({ category: 'ZY02', description: '', voiceFileId: said }))
    expect(report).toMatchObject({ ok: true })
    const made = await gridWorker.call('mediation', 'fromReport', fromReportInput(report.case.id, report.case.version))
    expect(made).toMatchObject({ ok: true })
    const mediation = await centre.call('mediation', 'get', { id: made.case.id })
    expect(mediation).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })

    const asked = await uploadVoice(me)
    const help = await me.call('help', 'raise', { idempotencyKey: idemKey(), kind: 'other', voiceFileId: asked, location: { lng: reportInput().location.lng, lat: reportInput().location.lat } })
    expect(help).toMatchObject({ ok: true })
    expect(await gridWorker.call('help', 'accept', { id: help.help.id })).toMatchObject({ ok: true })
    const done = await gridWorker.call('help', 'convert', { id: help.help.id, to: 'report', report: { category: 'HJ01', description: '小区门口井盖丢失，有人差点掉下去' } })
    expect(done).toMatchObject({ ok: true })
    expect(await gridWorker.call('cases', 'get', { id: done.link.caseId })).toMatchObject({ ok: true, case: { voiceUrl: expect.any(String) } })
  })
})
