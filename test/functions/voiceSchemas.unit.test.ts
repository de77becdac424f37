/**
 * Text or voice (voiceSchemas.ts): a report, a question to the grid worker and a mediation application
 * need their words unless a voice note says them, and say so in Chinese under the field.
 */
import { parseInput } from '../../backend/functions/validate'
import { askGrid } from '../../src/contracts/gridSchemas'
import { applyMediation } from '../../src/contracts/mediationSchemas'
import { proxySubmit, submitReport } from '../../src/contracts/reportSchemas'
import { reportInput } from '../support/fixtures'

const VOICE = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
const apply = (over: Record<string, unknown>) => ({
  idempotencyKey: 'apply-key-0001',
  disputeType: 'neighbour',
  streetCode: '440111010',
  applicantName: '陈小梅',
  applicantPhone: '13800138000',
  respondents: [{ name: '黄伟明', phone: '13912345678' }],
  evidence: [],
  preferredWay: 'online',
  ...over,
})

describe('text or voice', () => {
  it('a report: no words and no voice is refused with a Chinese line under 问题描述; a voice note alone is enough', () => {
    expect(parseInput(submitReport, reportInput({ description: '' }))).toMatchObject({ ok: false, message: '问题描述：请写下问题描述，或按住说话留一段语音', details: { description: '请写下问题描述，或按住说话留一段语音' } })
    expect(parseInput(submitReport, reportInput({ description: '灯坏' }))).toMatchObject({ ok: false, details: { description: '问题描述至少 5 个字' } })
    expect(parseInput(submitReport, reportInput({ description: '', voiceFileId: VOICE }))).toMatchObject({ ok: true, value: { description: '', voiceFileId: VOICE } })
    expect(parseInput(submitReport, reportInput({ description: '灯坏', voiceFileId: VOICE }))).toMatchObject({ ok: true })
    expect(parseInput(submitReport, reportInput({ description: '字'.repeat(501), voiceFileId: VOICE }))).toMatchObject({ ok: false, details: { description: expect.stringContaining('最多') } })
    expect(parseInput(submitReport, reportInput({ voiceFileId: '' }))).toMatchObject({ ok: false, message: expect.stringMatching(/^语音：/) })
  })

  it('代办 the same, with the resident named', () => {
    const proxy = { name: '王阿姨', phone: '13700000000' }
    expect(parseInput(proxySubmit, { ...reportInput({ description: '' }), proxy })).toMatchObject({ ok: false, details: { description: expect.any(String) } })
    expect(parseInput(proxySubmit, { ...reportInput({ description: '', voiceFileId: VOICE }), proxy })).toMatchObject({ ok: true })
    // The resident's own form's contact phone stays off the 代办 form.
    expect(parseInput(proxySubmit, { ...reportInput({ voiceFileId: VOICE }), proxy, contactPhone: '13700000000' })).toMatchObject({ ok: false })
  })

  it('找网格员: a question or a voice note', () => {
    const ask = (over: Record<string, unknown>) => ({ code: '440111010001001', idempotencyKey: 'ask-key-00001', ...over })
    expect(parseInput(askGrid, ask({ question: '' }))).toMatchObject({ ok: false, message: '问题：请写下您的问题，或按住说话留一段语音' })
    expect(parseInput(askGrid, ask({ question: '电梯' }))).toMatchObject({ ok: false, details: { question: '问题至少 5 个字' } })
    expect(parseInput(askGrid, ask({ question: '', voiceFileId: VOICE }))).toMatchObject({ ok: true })
  })

  it('申请调解: facts and request in words, or told by voice', () => {
    expect(parseInput(applyMediation, apply({ facts: '', claims: '' }))).toMatchObject({
      ok: false,
      details: { facts: '请写下事实经过，或按住说话留一段语音', claims: '请写下请求事项，或在语音里说清楚' },
    })
    expect(parseInput(applyMediation, apply({ facts: '楼上漏水', claims: '赔偿维修费' }))).toMatchObject({ ok: false, details: { facts: '事实经过至少 10 个字' } })
    expect(parseInput(applyMediation, apply({ facts: '', claims: '', voiceFileId: VOICE }))).toMatchObject({ ok: true })
  })
})
