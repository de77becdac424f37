/**
 * Forms in the built mini-program (miniprogram/, miniprogram-simulate): 扫一扫 on the home page and
 * on 我的租住登记 opens the page of one of our codes and refuses anything else with a Chinese modal;
 * the report form fills 联系电话 from 我的 (its mask) and sends it as contactFromProfile; a pasted
 * description past 500 characters is kept to 500 with the warning shown.
 */
import { answers, cloudFake, GRID } from './fixtures'
import { ensureBuilt, MiniProgram, sleep, type LaunchOptions } from './simulate'
import { SCAN_UNKNOWN } from '../../src/utils/scanLink'

ensureBuilt()

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(opts: Partial<LaunchOptions> = {}) {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(), []), ...opts })
  open.push(mp)
  return mp
}

async function until(cond: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await sleep(20)
}

describe('扫一扫', () => {
  test('home: a building 小程序码 opens its check-in page', async () => {
    const mp = launch({ scanned: { scanType: 'WX_CODE', path: 'pages/rental/checkin/index?scene=b%3DB7K2Q9' } })
    const home = await mp.open('pages/home/index')
    await home.waitForText('陈小梅')
    expect(home.get('#jf-home-scan').textContent).toContain('扫一扫')
    await home.tap('#jf-home-scan')
    await until(() => mp.navigations.length > 0)
    expect(mp.wxCalls.some(([n]) => n === 'scanCode')).toBe(true)
    expect(mp.navigations).toEqual([{ api: 'navigateTo', url: '/pages/rental/checkin/index?b=B7K2Q9' }])
    expect(mp.errors).toEqual([])
  })

  test('home: a code that is not ours gets the Chinese modal and opens nothing; a closed camera says nothing', async () => {
    const mp = launch({ scanned: { result: 'https://example.com/pay?id=1' } })
    const home = await mp.open('pages/home/index')
    await home.waitForText('陈小梅')
    await home.tap('#jf-home-scan')
    await until(() => mp.wxCalls.some(([n]) => n === 'showModal'))
    const modal = mp.wxCalls.find(([n]) => n === 'showModal')![1] as { title: string; content: string }
    expect(modal).toMatchObject({ title: '无法识别', content: SCAN_UNKNOWN })
    expect(mp.navigations).toEqual([])

    const closed = launch({ scanned: null })
    const again = await closed.open('pages/home/index')
    await again.waitForText('陈小梅')
    await again.tap('#jf-home-scan')
    await sleep(100)
    expect(closed.wxCalls.filter(([n]) => n === 'showModal' || n === 'showToast')).toEqual([])
    expect(closed.navigations).toEqual([])
    expect(closed.errors).toEqual([])
  })

  test('我的租住登记: 扫一扫 opens the building of an H5 link QR', async () => {
    const mp = launch({ scanned: { result: 'https://jiefang.example.cn/#/pages/rental/checkin/index?b=B7K2Q9' } })
    const mine = await mp.open('pages/rental/mine/index')
    await mine.waitForText('扫描楼栋门口的「实名登记」二维码')
    await mine.tap('#jf-rental-scan-button')
    await until(() => mp.navigations.length > 0)
    expect(mp.navigations).toEqual([{ api: 'navigateTo', url: '/pages/rental/checkin/index?b=B7K2Q9' }])
    expect(mp.errors).toEqual([])
  })
})

describe('report form', () => {
  test('联系电话 shows 我的 phone masked and goes as contactFromProfile; a 700-character paste keeps 500 with the warning', async () => {
    const mp = launch()
    const form = await mp.open('pages/report/new/index')
    await form.waitForText('联系电话')
    await form.waitForText('已填入「我的」中的手机号')

    await form.input('#jf-description', '垃'.repeat(700))
    await form.waitForText('已超过 500 字，超出部分不会保存')
    await form.waitForText('500/500')
    await form.input('#jf-description', '云景路东门垃圾堆放三天没人清理')
    expect(form.text()).not.toContain('已超过 500 字')

    await form.tap('#jf-cat-env')
    await form.waitForText('垃圾堆放')
    await form.tap('#jf-cat-env.garbage')
    await form.tap('#jf-loc-current')
    await form.waitForText(`所属网格：${GRID.name}`)
    await form.input('#jf-address', '云景路 12 号东门')
    await form.tap('#jf-submit')
    const submit = mp.calls.find((c) => c.name === 'reports' && c.data.action === 'submit')
    expect(submit?.data.data).toMatchObject({ contactFromProfile: true, description: '云景路东门垃圾堆放三天没人清理' })
    expect(JSON.stringify(submit)).not.toContain('****')
    expect(mp.errors).toEqual([])
  })
})
