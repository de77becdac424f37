/**
 * The staff invitation page in the built mini-program: opened from the invitation link with its
 * code, 绑定 calls session.bind through wx.cloud and shows the role it gave; a refused code shows
 * the server's reason under the field.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { codeFrom } from '../../src/pages/join/logic'
import { MiniProgram, type CloudEvent } from '../weapp/simulate'

const MP = path.resolve(__dirname, '../../miniprogram')
const built = existsSync(path.join(MP, 'pages/join/index.js'))
const maybe = built || process.env.CI ? describe : describe.skip

const LIN = { id: '01JNC0000000000000000LINXI', name: '林晓', roles: [{ role: 'grid_worker', roleLabel: '网格员', unitCode: '440111010004001', unitName: '新市社区第1网格' }] }

function launch(bind: (data: Record<string, unknown>) => unknown) {
  return MiniProgram.launch({
    root: MP,
    cloud: (name: string, event: CloudEvent) => {
      if (`${name}.${event.action}` === 'session.bind') return bind(event.data as Record<string, unknown>)
      if (`${name}.${event.action}` === 'session.me') return { ok: true, user: { id: 'wx', name: '微信用户', roles: [] } }
      return { ok: false, code: 'NOT_FOUND', message: `测试未提供 ${name}.${event.action}` }
    },
  })
}

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

describe('invitation codes', () => {
  it('come from a typed code, a scanned page path or a link, forgiving spaces, dashes and case', () => {
    expect(codeFrom(' qnqn-ytc3 ')).toBe('QNQNYTC3')
    expect(codeFrom('pages/join/index?code=QNQNYTC3')).toBe('QNQNYTC3')
    expect(codeFrom('https://example.invalid/#/pages/join/index?x=1&code=ab%2Dcd&y=2')).toBe('ABCD')
  })
})

maybe('the join page in the mini-program', () => {
  it('binds with the code from the link and shows the role', async () => {
    const sent: Array<Record<string, unknown>> = []
    const mp = launch((d) => (sent.push(d), { ok: true, user: LIN }))
    open.push(mp)
    const page = await mp.open('pages/join/index', { code: 'QNQNYTC3' })
    await page.waitForText('工作人员邀请码')
    expect(page.text()).toContain('扫码')
    await page.tap('#jf-join-bind')
    await page.waitForText('绑定成功')
    expect(page.text()).toContain('网格员 · 新市社区第1网格')
    expect(sent).toEqual([{ code: 'QNQNYTC3' }])
    expect(mp.errors).toEqual([])
  })

  it('shows why a code is refused', async () => {
    const mp = launch(() => ({ ok: false, code: 'FORBIDDEN', message: '邀请码已过期，请联系管理员重新生成' }))
    open.push(mp)
    const page = await mp.open('pages/join/index', { code: 'QNQNYTC3' })
    await page.waitForText('工作人员邀请码')
    await page.tap('#jf-join-bind')
    await page.waitForText('邀请码已过期，请联系管理员重新生成')
    expect(mp.errors).toEqual([])
  })
})
