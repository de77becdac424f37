/**
 * Platform pieces of the mini-program: the privacy authorisation gate behind
 * wx.onNeedPrivacyAuthorization, the update prompt, and the sitemap that lets WeChat search index
 * the home page only.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { watchForUpdates, UPDATE_READY, type UpdateManagerLike } from '../../src/utils/appUpdate'
import { createPrivacyGate, PRIVACY_AGREE_ID, purposeOf, type PrivacyAnswer } from '../../src/utils/privacy'

function world(top = 'pages/report/new/index') {
  const state = { top, opened: 0 }
  const gate = createPrivacyGate({ topPage: () => state.top, openPage: () => void state.opened++ })
  const answers: PrivacyAnswer[][] = []
  const ask = (referrer?: string) => {
    const mine: PrivacyAnswer[] = []
    answers.push(mine)
    gate.onNeed((a) => mine.push(a), { referrer })
    return mine
  }
  const prompt = (page: string) => {
    const seen: Array<string | null> = []
    let visible = false
    const unmount = gate.mount(page, (p) => {
      visible = true
      seen.push(p)
    }, () => (visible = false))
    return { seen, unmount, visible: () => visible }
  }
  return { state, gate, ask, prompt }
}

describe('privacy authorisation gate', () => {
  it('shows the prompt of the page in front, reports the exposure, and an agree settles every waiting call', () => {
    const w = world()
    const behind = w.prompt('/pages/home/index')
    const front = w.prompt('/pages/report/new/index')
    const photo = w.ask('chooseImage')
    const place = w.ask('getLocation')
    expect(front.visible()).toBe(true)
    expect(behind.visible()).toBe(false)
    expect(front.seen).toEqual(['选择或拍摄照片，用于随上报一起提交'])
    expect(photo).toEqual([{ event: 'exposureAuthorization' }])
    expect(place).toEqual([{ event: 'exposureAuthorization' }])

    w.gate.agree()
    expect(photo[1]).toEqual({ event: 'agree', buttonId: PRIVACY_AGREE_ID })
    expect(place[1]).toEqual({ event: 'agree', buttonId: PRIVACY_AGREE_ID })
    expect(front.visible()).toBe(false)
    expect(w.gate.waiting()).toBe(0)
  })

  it('a decline fails the waiting call, and the next request asks again', () => {
    const w = world()
    const p = w.prompt('pages/report/new/index')
    const first = w.ask('getLocation')
    w.gate.decline()
    expect(first).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    expect(p.visible()).toBe(false)
    const again = w.ask('getLocation')
    expect(p.visible()).toBe(true)
    expect(again).toEqual([{ event: 'exposureAuthorization' }])
  })

  it('a page without a prompt opens the prompt page once; the prompt there takes the request', () => {
    const w = world('pages/mediation/detail/index')
    w.prompt('pages/report/new/index') // a page further back in the stack does not count
    const clip = w.ask('setClipboardData')
    w.ask('setClipboardData')
    expect(w.state.opened).toBe(1)
    expect(clip).toEqual([])
    w.state.top = 'pages/privacy/index'
    const page = w.prompt('/pages/privacy/index')
    expect(page.seen).toEqual(['使用剪贴板，用于复制邀请码'])
    expect(clip).toEqual([{ event: 'exposureAuthorization' }])
    w.gate.agree()
    expect(clip[1]).toEqual({ event: 'agree', buttonId: PRIVACY_AGREE_ID })
  })

  it('leaving the page with the question open is no agreement', () => {
    const w = world()
    const p = w.prompt('pages/report/new/index')
    const call = w.ask('chooseImage')
    p.unmount()
    expect(call).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    expect(w.gate.waiting()).toBe(0)
  })

  it('names what each privacy API is for, and nothing for an unknown one', () => {
    expect(purposeOf('button.getPhoneNumber')).toContain('手机号')
    expect(purposeOf('chooseLocation')).toContain('位置')
    expect(purposeOf('input.nickname')).toContain('昵称')
    expect(purposeOf('somethingNew')).toBeNull()
    expect(purposeOf(undefined)).toBeNull()
  })
})

describe('update prompt', () => {
  function manager() {
    const cbs: { ready?: () => void; failed?: () => void } = {}
    let applied = 0
    const um: UpdateManagerLike = { onUpdateReady: (cb) => (cbs.ready = cb), onUpdateFailed: (cb) => (cbs.failed = cb), applyUpdate: () => void applied++ }
    return { um, cbs, applied: () => applied }
  }

  it('asks once the new version is ready and restarts only when the person agrees', async () => {
    for (const confirm of [true, false]) {
      const m = manager()
      const asked: unknown[] = []
      watchForUpdates({ getUpdateManager: () => m.um, showModal: async (o) => (asked.push(o), { confirm }) })
      expect(asked).toEqual([])
      m.cbs.ready!()
      await new Promise((r) => setTimeout(r, 0))
      expect(asked).toEqual([UPDATE_READY])
      expect(m.applied()).toBe(confirm ? 1 : 0)
      m.cbs.failed!()
    }
  })

  it('does nothing where there is no update manager (H5)', () => {
    expect(() => watchForUpdates({ showModal: async () => ({ confirm: true }) })).not.toThrow()
  })
})

describe('sitemap', () => {
  const root = path.join(__dirname, '../..')
  it('lets WeChat search index the home page and nothing else', () => {
    const map = JSON.parse(readFileSync(path.join(root, 'src/sitemap.json'), 'utf8')) as { rules: Array<{ action: string; page: string }> }
    // Rules apply in order, the first match wins.
    expect(map.rules).toEqual([
      { action: 'allow', page: 'pages/home/index' },
      { action: 'disallow', page: '*' },
    ])
    expect(readFileSync(path.join(root, 'src/app.config.ts'), 'utf8')).toMatch(/sitemapLocation: 'sitemap.json'/)
    expect(readFileSync(path.join(root, 'config/index.ts'), 'utf8')).toMatch(/from: 'src\/sitemap.json', to: 'miniprogram\/sitemap.json'/)
  })
})
