/**
 * One signed-in H5 page for a `describe` block of browser tests, with the function calls answered
 * from a table the tests may change: `useH5Session` serves dist-h5, opens the page, signs in once,
 * puts the answers back to the defaults and forgets the calls before each test, and closes all after.
 */
import type { BrowserContextOptions, Page } from 'playwright-core'
import { confirmModal, openH5, openRoute, routeFunctions, screenshot, signIn, type Answers, type Call, type H5 } from './h5-harness'

export interface H5SessionOptions {
  /** The answers each test starts from, keyed `<function>.<action>`. */
  defaults: () => Answers
  /** The build to serve; dist-h5 unless given. */
  dist?: string
  /** Browser context options on top of the phone (geolocation, permissions…). */
  context?: BrowserContextOptions
  /** How long `settle` waits for Taro's page transition; 600 ms unless given. */
  settleMs?: number
  /** Put before each screenshot's name. */
  shotPrefix?: string
}

export interface H5Session {
  /**
   * The session's page. It is opened in the suite's `beforeAll`, so this stands in for it: use it
   * in tests and hooks, not while the `describe` body runs.
   */
  readonly page: Page
  /** This test's answers: the defaults, changed in place by the test. */
  readonly answers: Answers
  /** The function calls made in this test, in order. */
  readonly calls: Call[]
  called(key: string): Call[]
  /** Opens a hash route as a fresh app run. */
  go(hash: string): Promise<void>
  /** Waits for the page transition to finish. */
  settle(): Promise<void>
  /** Settles, then a full-page screenshot to test-artifacts/<prefix><name>.png. */
  shot(name: string): Promise<void>
  /** Confirms the open Taro modal. */
  modalOk(): Promise<void>
}

/** Call inside a `describe`: registers its beforeAll / beforeEach / afterAll. */
export function useH5Session({ defaults, dist, context, settleMs = 600, shotPrefix = '' }: H5SessionOptions): H5Session {
  let h5: H5 | undefined
  const answers: Answers = {}
  const calls: Call[] = []
  const reset = () => {
    for (const key of Object.keys(answers)) delete answers[key]
    Object.assign(answers, defaults())
    calls.length = 0
  }
  const page = () => {
    if (!h5) throw new Error('the H5 session is not open yet (use it inside a test or hook)')
    return h5.page
  }
  const pageStandIn = new Proxy({} as Page, {
    get(_, prop) {
      const p = page()
      const v = Reflect.get(p, prop, p) as unknown
      return typeof v === 'function' ? v.bind(p) : v
    },
  })
  const settle = () => page().waitForTimeout(settleMs)

  beforeAll(async () => {
    h5 = await openH5({ dist, context })
    await routeFunctions(h5.page, answers, calls)
    reset()
    await signIn(h5.page, h5.base)
  }, 30000)
  beforeEach(async () => {
    reset()
    // Each test, and the retry of a failed one, starts from a clean app: only the sign-in survives
    // (a failed attempt's 待发送 rows would otherwise meet the retry).
    await h5?.page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k !== 'jf.session') localStorage.removeItem(k)
    })
  })
  afterAll(async () => {
    await h5?.close()
  })

  return {
    page: pageStandIn,
    answers,
    calls,
    called: (key) => calls.filter((c) => c.key === key),
    go: (hash) => openRoute(page(), h5!.base, hash),
    settle,
    shot: async (name) => {
      await settle()
      await screenshot(page(), `${shotPrefix}${name}`)
    },
    modalOk: () => confirmModal(page()),
  }
}
