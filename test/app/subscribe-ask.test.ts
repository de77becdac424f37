/**
 * Asking for subscribe messages at the tap (src/api/subscribe.ts): each flow asks for the notice
 * that matters there, one-time and long-term templates never in one request, at most three, and
 * only what WeChat answered `accept` is recorded. Nothing is asked where nothing is configured.
 */
type Templates = Record<string, { id: string; long: boolean } | null>

const request = jest.fn()
const call = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (o: unknown) => request(o) } }))
jest.mock('../../src/api/index', () => ({ api: { call: (...a: unknown[]) => call(...a) } }))

const CONFIGURED: Templates = {
  caseProgress: { id: 'tpl-case', long: false },
  mediation: { id: 'tpl-med', long: false },
  checkinDecision: { id: 'tpl-gov', long: true },
  gridEmergency: null,
}

async function load(templates: Templates, env: 'weapp' | 'h5' = 'weapp') {
  process.env.TARO_ENV = env
  call.mockImplementation(async (name: string) => (name === 'inbox.templates' ? { ok: true, templates } : { ok: true, recorded: 1 }))
  let mod: typeof import('../../src/api/subscribe') | undefined
  jest.isolateModules(() => {
    mod = require('../../src/api/subscribe')
  })
  await mod!.preloadTemplates()
  return mod!
}

const saved = process.env.TARO_ENV
beforeEach(() => {
  request.mockReset()
  call.mockReset()
})
afterAll(() => {
  process.env.TARO_ENV = saved
})

it("asks for the flow's own template and records an acceptance", async () => {
  const s = await load(CONFIGURED)
  request.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-med': 'accept' })
  expect(await s.askSubscribeConsent(['mediation'])).toBe('accepted')
  expect(request).toHaveBeenCalledWith({ tmplIds: ['tpl-med'] })
  expect(call).toHaveBeenLastCalledWith('inbox.subscribe', { accepted: ['tpl-med'] })
})

it('records nothing when the person refuses or the dialog fails', async () => {
  const s = await load(CONFIGURED)
  request.mockResolvedValueOnce({ 'tpl-case': 'reject' })
  expect(await s.askSubscribeConsent(['caseProgress'])).toBe('declined')
  request.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
  expect(await s.askSubscribeConsent(['caseProgress'])).toBe('declined')
  expect(call.mock.calls.filter(([name]) => name === 'inbox.subscribe')).toEqual([])
})

it('never mixes one-time and long-term templates in one request; the first kind decides', async () => {
  const s = await load(CONFIGURED)
  expect(s.requestIds(CONFIGURED as never, ['caseProgress', 'mediation', 'checkinDecision'])).toEqual(['tpl-case', 'tpl-med'])
  expect(s.requestIds(CONFIGURED as never, ['checkinDecision', 'caseProgress'])).toEqual(['tpl-gov'])
  // Two kinds sharing one template ask for it once.
  expect(s.requestIds({ ...CONFIGURED, mediation: { id: 'tpl-case', long: false } } as never, ['caseProgress', 'mediation'])).toEqual(['tpl-case'])
})

it('asks nothing where no template is configured, nor on H5', async () => {
  const none = await load({ caseProgress: null, mediation: null, checkinDecision: null, gridEmergency: null })
  expect(await none.askSubscribeConsent(['caseProgress'])).toBe('none')
  const h5 = await load(CONFIGURED, 'h5')
  expect(await h5.askSubscribeConsent(['caseProgress'])).toBe('none')
  expect(request).not.toHaveBeenCalled()
})
