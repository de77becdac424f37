/**
 * The 出租屋实名登记 pages in the built mini-program (miniprogram/): the tenant's check-in form
 * validates locally with the GB 11643 messages and sends rental.checkIn through wx.cloud; the
 * building manager confirms a check-in and sees the QR drawn as an image; the officer's reveal
 * asks a reason and shows the number once in a modal. Skips when the build predates these pages.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { accountAnswers } from '../weapp/account-fixtures'
import { ACTIVE, BUILDING, CHECKIN_TYPED, DISPUTE, REFERRED, registration, rentalAnswers } from '../weapp/rental-fixtures'
import { MiniProgram, sleep, type CloudEvent } from '../weapp/simulate'
import { nodesByClass, templateSlot } from '../weapp/setDataTree'

const MP = path.resolve(__dirname, '../../miniprogram')
const built = existsSync(path.join(MP, 'pages/rental/checkin/index.js'))
const maybe = built || process.env.CI ? describe : describe.skip

const TENANT = { id: 'demo-tenant', name: '刘洋', roles: [{ role: 'tenant', roleLabel: '租户', unitCode: '440111', unitName: '白云区' }] }
type Table = Record<string, (data: Record<string, unknown>) => unknown>

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Table = {}) {
  const table: Table = { 'session.me': () => ({ ok: true, user: TENANT }), ...(rentalAnswers() as Table), ...(accountAnswers() as Table), ...over }
  const mp = MiniProgram.launch({
    root: MP,
    cloud: (name: string, event: CloudEvent) => {
      const fn = table[`${name}.${event.action}`]
      return fn ? fn(event.data as Record<string, unknown>) : { ok: false, code: 'NOT_FOUND', message: `测试未提供 ${name}.${event.action}` }
    },
  })
  open.push(mp)
  return { mp }
}

const sent = (mp: MiniProgram, key: string) => mp.calls.filter((c) => `${c.name}.${c.data.action}` === key).map((c) => c.data.data as Record<string, unknown>)

/** The reason dialog: OK with no reason shows `required` and sends nothing; then `reason` goes with OK. */
async function giveReason(mp: MiniProgram, page: Awaited<ReturnType<MiniProgram['open']>>, key: string, required: string, reason: string) {
  await page.tap('#jf-rental-reason-ok')
  await page.waitForText(required)
  expect(sent(mp, key)).toEqual([])
  await page.input('#jf-rental-reason', reason)
  await page.tap('#jf-rental-reason-ok')
}

async function until(cond: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await sleep(20)
}

maybe('出租屋实名登记 pages in the mini-program', () => {
  test('check-in: live ID-number check, both consents required, then rental.checkIn and on to 我的租住登记', async () => {
    const { mp } = launch({ 'rental.checkIn': (d) => ({ ok: true, replayed: false, registration: registration({ room: String(d.room) }) }) })
    const page = await mp.open('pages/rental/checkin/index', { b: BUILDING.code })
    await page.waitForText('提交登记')

    await page.tap('#jf-checkin-submit')
    expect(sent(mp, 'rental.checkIn')).toEqual([])
    for (const t of ['请选择房号', '请填写真实姓名', '请填写证件号码', '请填写手机号码', '请阅读并同意登记目的与保存期限', '请单独同意处理敏感个人信息（证件号码）']) expect(page.text()).toContain(t)

    await page.tap(page.findAll('.jf-checkin-room').find((n) => n.textContent?.trim() === '201')!)
    await page.input('#jf-checkin-name', '刘洋')
    // A wrong check character is named as soon as the 18th character is typed.
    await page.input('#jf-checkin-doc', '110105194912310021')
    await page.waitForText('身份证号码校验位不正确，请核对后重新输入')
    await page.input('#jf-checkin-doc', '11010519491231002X')
    expect(page.text()).not.toContain('校验位不正确')
    await page.input('#jf-checkin-phone', '13800138000')
    await page.tap('#jf-checkin-cohab-add')
    await page.input(page.get('.jf-checkin-cohab-name'), '王芳')

    // Only the purpose consent: still refused, with the sensitive-information message.
    await page.tap(page.get('#jf-consent-purpose').querySelector('.nut-switch') as never)
    await page.tap('#jf-checkin-submit')
    expect(sent(mp, 'rental.checkIn')).toEqual([])
    expect(mp.toasts.at(-1)).toEqual({ title: '请单独同意处理敏感个人信息（证件号码）', icon: 'none' })
    await page.tap(page.get('#jf-consent-sensitive').querySelector('.nut-switch') as never)

    await page.tap('#jf-checkin-submit')
    await until(() => mp.navigations.length > 0)
    expect(sent(mp, 'rental.checkIn')).toEqual([
      {
        idempotencyKey: expect.stringMatching(/^[0-9A-Z]{26}$/),
        ...CHECKIN_TYPED,
        moveInDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        leaseEnd: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        cohabitants: [{ name: '王芳', relation: '配偶' }],
        consent: { purpose: true, sensitive: true, version: '2026-11' },
      },
    ])
    expect(mp.navigations).toEqual([{ api: 'redirectTo', url: '/pages/rental/mine/index' }])
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('check-in: the server\'s field errors land under their fields', async () => {
    const { mp } = launch({ 'rental.checkIn': () => ({ ok: false, code: 'INVALID_INPUT', message: '请检查填写内容', details: { phone: '该手机号码已在本楼栋登记' } }) })
    const page = await mp.open('pages/rental/checkin/index', { scene: encodeURIComponent(`b=${BUILDING.code}`) })
    await page.waitForText('提交登记')
    await page.tap(page.findAll('.jf-checkin-room')[0]!)
    await page.input('#jf-checkin-name', '刘洋')
    await page.input('#jf-checkin-doc', '11010519491231002X')
    await page.input('#jf-checkin-phone', '13800138000')
    await page.tap(page.get('#jf-consent-purpose').querySelector('.nut-switch') as never)
    await page.tap(page.get('#jf-consent-sensitive').querySelector('.nut-switch') as never)
    await page.tap('#jf-checkin-submit')
    await page.waitForText('该手机号码已在本楼栋登记')
    expect(sent(mp, 'rental.building')).toEqual([{ code: BUILDING.code }])
    expect(mp.navigations).toEqual([])
    expect(mp.errors).toEqual([])
  })

  test('check-in: an unknown building code says so', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/rental/checkin/index', { b: 'NOPE' })
    await page.waitForText('楼栋二维码无效或已停用')
    expect(page.text()).not.toContain('提交登记')
    expect(mp.errors).toEqual([])
  })

  test('building detail: 确认入住 sends rental.decide and the row leaves 待确认', async () => {
    const { mp } = launch({ 'rental.decide': (d) => ({ ok: true, registration: registration({ status: 'active', statusLabel: '在住', version: Number(d.version) + 1 }) }) })
    const page = await mp.open('pages/rental-staff/building/detail/index', { id: BUILDING.id })
    await page.waitForText('确认入住')
    await page.tap(page.get('.jf-reg-approve'))
    await page.waitForText('暂无待确认的登记')
    expect(sent(mp, 'rental.decide')).toEqual([{ id: 'REG-1', version: 1, approve: true }])
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('building detail: 驳回 needs a reason, then sends it with approve false', async () => {
    const { mp } = launch({ 'rental.decide': () => ({ ok: true, registration: registration({ status: 'refused', statusLabel: '已驳回', refusedReason: '房号与租约不符', version: 2 }) }) })
    const page = await mp.open('pages/rental-staff/building/detail/index', { id: BUILDING.id })
    await page.waitForText('确认入住')
    await page.tap(page.get('.jf-reg-refuse'))
    await page.waitForText('租户会看到驳回原因')
    await giveReason(mp, page, 'rental.decide', '请填写驳回原因', '房号与租约不符')
    await page.waitForText('暂无待确认的登记')
    expect(sent(mp, 'rental.decide')).toEqual([{ id: 'REG-1', version: 1, approve: false, reason: '房号与租约不符' }])
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('mine: the tenant changes the phone (checked first), and checks out after the confirm modal', async () => {
    const { mp } = launch({
      'rental.update': (d) => ({ ok: true, registration: registration({ phone: String(d.phone), version: 2 }) }),
      'rental.checkOut': () => ({ ok: true, registration: registration({ status: 'checked_out', statusLabel: '已退租', checkedOutAt: '2026-12-01T02:00:00.000Z', version: 3 }) }),
    })
    const page = await mp.open('pages/rental/mine/index')
    await page.waitForText('人走注销')
    await page.tap(page.get('.jf-rental-edit-open'))
    await page.input(page.get('.jf-rental-edit-phone'), '1391234')
    await page.tap(page.get('.jf-rental-save'))
    await page.waitForText('请填写 11 位手机号码（1 开头）')
    expect(sent(mp, 'rental.update')).toEqual([])
    await page.input(page.get('.jf-rental-edit-phone'), '13912345678')
    await page.tap(page.get('.jf-rental-save'))
    await page.waitForText('手机 13912345678')
    expect(sent(mp, 'rental.update')).toEqual([{ id: 'REG-1', version: 1, phone: '13912345678' }])
    await page.tap(page.get('.jf-rental-checkout'))
    await page.waitForText('已退租')
    expect(mp.wxCalls.some(([n]) => n === 'showModal')).toBe(true)
    expect(sent(mp, 'rental.checkOut')).toEqual([{ id: 'REG-1', version: 2 }])
    expect(page.findAll('.jf-rental-checkout')).toHaveLength(0)
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('building QR: the link is drawn as a GIF image in the mini-program', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/rental-staff/building/qr/index', { id: BUILDING.id })
    await page.waitForText('复制登记链接')
    // <image src show-menu-by-longpress> in the compiled template: long-press saves it for printing.
    const [qr] = nodesByClass(page.data, 'jf-qr-img')
    expect(String(qr![templateSlot('image', 'src')])).toMatch(/^data:image\/gif;base64,R0lGOD/)
    expect(qr![templateSlot('image', 'show-menu-by-longpress')]).toBe(true)
    await page.tap('#jf-qr-copy')
    expect(mp.wxCalls.find(([n]) => n === 'setClipboardData')?.[1]).toMatchObject({ data: `https://jiefang.example/#/pages/rental/checkin/index?b=${BUILDING.code}` })
    expect(mp.errors).toEqual([])
  })

  test('police area: a reveal asks a purpose from the list and a sentence, then shows the full number once, gone when closed', async () => {
    const { mp } = launch({ 'rental.reveal': () => ({ ok: true, docNumber: '440106199001011234', phone: '13900000001' }) })
    const page = await mp.open('pages/rental-staff/police/area/index')
    await page.waitForText(ACTIVE.docNumberMasked!)
    await page.tap(page.get('.jf-police-reveal'))
    await page.waitForText('完整号码只显示一次')
    await page.tap(page.get('.jf-rental-purpose-case'))
    await giveReason(mp, page, 'rental.reveal', '请用一句话说明事由（至少 5 个字）', '核查盗窃案线索')
    await page.waitForText('440106199001011234')
    await page.waitForText('办理案件：核查盗窃案线索')
    expect(sent(mp, 'rental.reveal')).toEqual([{ id: ACTIVE.id, purpose: 'case', reason: '核查盗窃案线索' }])
    await page.tap('#jf-police-revealed-close')
    await until(() => !page.text().includes('440106199001011234'))
    expect(page.text()).not.toContain('440106199001011234')
    expect(mp.errors).toEqual([])
  })

  test('check-in: 有人冒用我的证件？ opens the form; a valid number and note send rental.reportMisuse and show the receipt', async () => {
    const { mp } = launch({ 'rental.reportMisuse': () => ({ ok: true, replayed: false, dispute: { id: 'MIS-2', statusLabel: '待核实', buildingName: BUILDING.name, docNumberMasked: '1101**********002X', createdAt: '2026-12-01T02:00:00.000Z' } }) })
    const page = await mp.open('pages/rental/checkin/index', { b: BUILDING.code })
    await page.waitForText('有人冒用我的证件？')
    await page.tap('#jf-checkin-misuse')
    await page.waitForText('社区民警会核实处理')
    await page.tap('#jf-misuse-submit')
    await page.waitForText('请填写证件号码')
    expect(sent(mp, 'rental.reportMisuse')).toEqual([])
    await page.input('#jf-misuse-doc', '11010519491231002X')
    await page.input('#jf-misuse-note', '我从未在此登记，有人冒用')
    await page.tap('#jf-misuse-submit')
    await page.waitForText('已收到您的反映')
    expect(sent(mp, 'rental.reportMisuse')).toEqual([{ idempotencyKey: expect.any(String), buildingCode: BUILDING.code, docType: 'id_card', docNumber: '11010519491231002X', note: '我从未在此登记，有人冒用' }])
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })

  test('building detail and police area: the conflict and the misuse disputes show to staff', async () => {
    const { mp } = launch({
      'rental.registrations': (d) => ({ ok: true, registrations: (d.statuses as string[]).includes('pending') ? [registration({ alerts: ['该证件号已有在住/待确认登记'] })] : [] }),
      'rental.area': () => ({ ok: true, registrations: [ACTIVE], disputes: [DISPUTE], referred: [REFERRED], next: null, total: 1 }),
    })
    const detail = await mp.open('pages/rental-staff/building/detail/index', { id: BUILDING.id })
    await detail.waitForText('该证件号已有在住/待确认登记')
    const area = await mp.open('pages/rental-staff/police/area/index')
    await area.waitForText('证件冒用反映（1）')
    expect(area.text()).toContain(DISPUTE.note)
    expect(area.text()).toContain('警调对接案件（1）')
    expect(area.text()).toContain(REFERRED.referralNote)
    expect(mp.errors).toEqual([])
    expect(mp.viewErrors).toEqual([])
  })
})
