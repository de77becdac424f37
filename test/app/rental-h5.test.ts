/**
 * The 出租屋实名登记 pages in the built H5 app (dist-h5) with the functions mocked: the tenant's
 * check-in form (live ID check, two consents, the contract payload), the building registration
 * with its grid from the browser's position, the printable QR (the server's SVG, window.print),
 * and the officer's audited CSV download. Skips without a build that has these pages.
 */
import { readFileSync } from 'node:fs'
import { PRIVACY, PROFILE } from '../weapp/account-fixtures'
import { ACTIVE, BUILDING, CHECKIN_TYPED, DISPUTE, PUBLIC_BUILDING, REFERRED, registration, rentalAnswers } from '../weapp/rental-fixtures'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { fillBuildingForm } from '../support/h5Flows'
import { useH5Session } from './h5-session'

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25))
  expect(cond()).toBe(true)
}

const maybe = describeH5(h5Ready({ page: 'pages/rental/checkin' }))

const POINT = { lng: 113.32025, lat: 23.181 }
const GRID = { code: '440111010001001', name: '云景社区第1网格', path: '白云区 京溪街道 云景社区', phone: '020-87701001' }
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><rect width="21" height="21" fill="#fff"/><rect x="1" y="1" width="7" height="7"/></svg>'
const CSV = 'name,docNumber\n刘洋,11010519491231002X\n'

maybe('出租屋实名登记 pages (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    ...(rentalAnswers() as Answers),
    'session.me': { ok: true, user: { id: 'demo-tenant', name: '刘洋', roles: [{ role: 'tenant', roleLabel: '租户', unitCode: '440111', unitName: '白云区' }] } },
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
    'reports.locate': { ok: true, grid: GRID },
    'account.profile': { ok: true, profile: PROFILE },
    'rental.buildingQr': { ok: true, qr: { kind: 'qr', link: `http://127.0.0.1/#/pages/rental/checkin/index?b=${BUILDING.code}`, svg: SVG }, building: BUILDING },
  })
  const { page, answers, called, go, shot } = useH5Session({
    defaults,
    shotPrefix: 'rental-h5-',
    context: { geolocation: { longitude: POINT.lng, latitude: POINT.lat }, permissions: ['geolocation'] },
  })

  it('check-in: live ID-number message, both consents, the privacy notice once, then the contract payload and 我的租住登记', async () => {
    answers['rental.checkIn'] = (d: Record<string, unknown>) => ({ ok: true, replayed: false, registration: registration({ room: String(d.room) }) })
    // A person who never agreed to the app's notice is asked at this first giving of personal data.
    answers['account.profile'] = { ok: true, profile: { ...PROFILE, consentNeeded: true } }
    answers['account.privacy'] = { ok: true, privacy: { ...PRIVACY, consents: [] } }
    answers['account.consent'] = { ok: true, privacy: PRIVACY }
    await go(`/pages/rental/checkin/index?b=${BUILDING.code}`)
    await page.locator(`#jf-checkin[data-code="${BUILDING.code}"]`).waitFor()
    await expect(page.locator('#jf-checkin-notice').innerText()).resolves.toContain(PUBLIC_BUILDING.notice.purpose)
    await expect(page.locator('#jf-checkin-notice').getAttribute('data-version')).resolves.toBe('2026-11')

    await page.locator('.jf-checkin-room[data-room="201"]').click()
    await page.locator('#jf-checkin-name input').fill('刘洋')
    await page.locator('#jf-checkin-doc input').fill('110105194912310021')
    await expect(page.locator('#jf-error-docNumber').innerText()).resolves.toBe('身份证号码校验位不正确，请核对后重新输入')
    await page.locator('#jf-checkin-doc input').fill('11010519491231002X')
    await page.locator('#jf-error-docNumber').waitFor({ state: 'detached' })
    await page.locator('#jf-checkin-phone input').fill('138 0013 8000')
    await page.locator('#jf-consent-purpose .nut-switch').click()
    await page.locator('#jf-checkin-submit').click()
    await expect(page.locator('#jf-error-consentSensitive').innerText()).resolves.toBe('请单独同意处理敏感个人信息（证件号码）')
    expect(called('rental.checkIn')).toHaveLength(0)
    await page.locator('#jf-consent-sensitive .nut-switch').click()
    await shot('checkin-filled')

    await page.locator('#jf-checkin-submit').click()
    await page.locator('#jf-consent-sheet').waitFor()
    await expect(page.locator('#jf-consent-sheet').innerText()).resolves.toContain(PRIVACY.notice.paragraphs[0])
    expect(called('rental.checkIn')).toHaveLength(0)
    await page.locator('#jf-consent-agree').click()
    await page.locator('#jf-rental-mine').waitFor()
    expect(called('account.consent').map((c) => c.data)).toEqual([{ version: PRIVACY.notice.version }])
    const [sent] = called('rental.checkIn')
    expect(sent!.data).toMatchObject({
      ...CHECKIN_TYPED,
      cohabitants: [],
      consent: { purpose: true, sensitive: true, version: '2026-11' },
    })
    expect(sent!.data.idempotencyKey).toMatch(/^[0-9A-Z]{26}$/)
    await page.locator('.jf-rental-reg[data-status="pending"]').first().waitFor()
    await expect(page.locator('.jf-rental-mine-doc').first().innerText()).resolves.toBe('1101**********002X')
    await shot('mine')
  })

  it('building list: registers a building with the grid of the browser position and generated rooms', async () => {
    answers['session.me'] = { ok: true, user: { id: 'demo-building-manager', name: '王建国', roles: [{ role: 'building_manager', roleLabel: '楼栋长', unitCode: GRID.code, unitName: GRID.name }] } }
    answers['rental.myBuildings'] = { ok: true, buildings: [] }
    answers['rental.registerBuilding'] = (d: Record<string, unknown>) => ({ ok: true, replayed: false, building: { ...BUILDING, id: 'BLD-9', name: d.name, rooms: d.rooms, floors: d.floors, pending: 0, active: 0 } })
    await go('/pages/rental-staff/building/list/index')
    await page.locator('#jf-buildings-empty').waitFor()
    await page.locator('#jf-building-new').click()
    await page.locator('#jf-building-submit').click()
    for (const f of ['name', 'address', 'location', 'floors', 'perFloor']) await page.locator(`#jf-error-${f}`).waitFor()
    expect(called('rental.registerBuilding')).toHaveLength(0)

    await fillBuildingForm(page, { name: '云景花园 5 栋', address: '白云区云景路 16 号', floors: 3, perFloor: 2 })
    await shot('building-form')
    await page.locator('#jf-building-submit').click()
    await page.locator('.jf-building[data-id="BLD-9"]').waitFor()
    const [sent] = called('rental.registerBuilding')
    expect(sent!.data).toMatchObject({ name: '云景花园 5 栋', address: '白云区云景路 16 号', floors: 3, rooms: ['101', '102', '201', '202', '301', '302'] })
    const loc = sent!.data.location as { lng: number; lat: number }
    expect(loc.lng).toBeCloseTo(POINT.lng, 5)
    expect(loc.lat).toBeCloseTo(POINT.lat, 5)
  })

  it('QR: the server SVG as an image and a print button calling window.print', async () => {
    await go(`/pages/rental-staff/building/qr/index?id=${BUILDING.id}`)
    await page.locator('#jf-building-qr').waitFor()
    const img = page.locator('#jf-qr-img img')
    await expect(img.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => void ((window as unknown as { printed: number }).printed += 1)
    })
    await page.locator('#jf-qr-print').click()
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1)
    // The print stylesheet leaves only the sheet.
    await page.emulateMedia({ media: 'print' })
    await expect(page.locator('#jf-qr-print').isVisible()).resolves.toBe(false)
    await expect(page.locator('#jf-qr-sheet').isVisible()).resolves.toBe(true)
    await page.emulateMedia({ media: 'screen' })
    await shot('qr')
  })

  it('police area: CSV export asks a purpose from the list and a sentence, and downloads the server file', async () => {
    answers['rental.exportCsv'] = { ok: true, filename: '京溪街道出租屋登记.csv', csv: CSV, rows: 1 }
    await go('/pages/rental-staff/police/area/index')
    await page.locator('#jf-police-list[data-count="1"]').waitFor()
    await page.locator('#jf-police-export').click()
    await page.locator('#jf-rental-reason-ok').click()
    await expect(page.locator('#jf-error-purpose').innerText()).resolves.toBe('请选择查看事由')
    await page.locator('#jf-error-reason').waitFor()
    // All four purposes stay on the sheet at phone width (they wrap rather than run off it).
    const width = page.viewportSize()!.width
    for (const p of ['case', 'inspection', 'lead', 'other']) expect((await page.locator(`#jf-rental-purpose .jf-rental-purpose-${p}`).boundingBox())!.x + 1).toBeLessThan(width)
    const right = await page.locator('#jf-rental-purpose .jf-rental-purpose-other').boundingBox()
    expect(right!.x + right!.width).toBeLessThanOrEqual(width)
    await page.locator('#jf-rental-purpose .jf-rental-purpose-inspection').click()
    await page.locator('#jf-rental-reason textarea').fill('查查查查查')
    await page.locator('#jf-rental-reason-ok').click()
    await expect(page.locator('#jf-error-reason').innerText()).resolves.toBe('事由不能只是重复的字，请写明为什么查看')
    await expect(page.locator('#jf-error-purpose').count()).resolves.toBe(0)
    await shot('police-export-reason')
    expect(called('rental.exportCsv')).toHaveLength(0)
    await page.locator('#jf-rental-reason textarea').fill('月度出租屋核查')
    const download = page.waitForEvent('download')
    await page.locator('#jf-rental-reason-ok').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('京溪街道出租屋登记.csv')
    const text = readFileSync((await file.path())!, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1)).toBe(CSV)
    expect(called('rental.exportCsv').map((c) => c.data)).toEqual([{ purpose: 'inspection', reason: '月度出租屋核查' }])
  })

  it('building manager: a pending check-in whose number is registered elsewhere shows the conflict, and the refusal asks why', async () => {
    answers['rental.registrations'] = (d: Record<string, unknown>) => ({ ok: true, registrations: (d.statuses as string[]).includes('pending') ? [registration({ alerts: ['该证件号已有在住/待确认登记'] })] : [] })
    answers['rental.decide'] = { ok: true, registration: registration({ status: 'refused', statusLabel: '已驳回', refusedReason: '证件号已有在住登记，请持本人证件到场核实' }) }
    await go(`/pages/rental-staff/building/detail/index?id=${BUILDING.id}`)
    await page.locator('.jf-reg-alerts').waitFor()
    await expect(page.locator('.jf-reg-alert').innerText()).resolves.toBe('该证件号已有在住/待确认登记')
    await shot('building-conflict')
    await page.locator('.jf-reg-refuse').click()
    await page.locator('#jf-rental-reason textarea').fill('证件号已有在住登记，请持本人证件到场核实')
    await page.locator('#jf-rental-reason-ok').click()
    await page.locator('#jf-building-list-empty').waitFor()
    expect(called('rental.decide').map((c) => c.data)).toEqual([{ id: 'REG-1', version: 1, approve: false, reason: '证件号已有在住登记，请持本人证件到场核实' }])
  })

  it('check-in: 有人冒用我的证件？ opens a small form that checks the number and sends rental.reportMisuse', async () => {
    answers['rental.reportMisuse'] = { ok: true, replayed: false, dispute: { id: 'MIS-2', statusLabel: '待核实', buildingName: BUILDING.name, docNumberMasked: '1101**********002X', createdAt: '2026-12-01T02:00:00.000Z' } }
    await go(`/pages/rental/checkin/index?b=${BUILDING.code}`)
    await page.locator('#jf-checkin-misuse').click()
    await page.locator('#jf-misuse-form').waitFor()
    await page.locator('#jf-misuse-doc input').fill('110105194912310021')
    await page.locator('#jf-misuse-note textarea').fill('有人冒用')
    await page.locator('#jf-misuse-submit').click()
    await expect(page.locator('#jf-error-docNumber').innerText()).resolves.toBe('身份证号码校验位不正确，请核对后重新输入')
    await expect(page.locator('#jf-error-note').innerText()).resolves.toBe('请说明情况（至少 5 个字）')
    expect(called('rental.reportMisuse')).toHaveLength(0)
    await page.locator('#jf-misuse-doc input').fill('11010519491231002X')
    await page.locator('#jf-misuse-note textarea').fill('我从未在此登记，有人用我的身份证号登记入住')
    await page.locator('#jf-misuse-submit').click()
    await page.locator('#jf-misuse-done').waitFor()
    await expect(page.locator('#jf-misuse-done').innerText()).resolves.toContain('已收到您的反映，辖区社区民警将核实处理。')
    await shot('misuse-done')
    expect(called('rental.reportMisuse').map((c) => c.data)).toEqual([
      { idempotencyKey: expect.any(String), buildingCode: BUILDING.code, docType: 'id_card', docNumber: '11010519491231002X', note: '我从未在此登记，有人用我的身份证号登记入住' },
    ])
    expect(called('rental.checkIn')).toHaveLength(0)
  })

  it('police area: misuse disputes and referred cases above the list; closing one asks the finding; a search by full number asks why', async () => {
    answers['rental.area'] = { ok: true, registrations: [{ ...ACTIVE, alerts: ['有人报告该证件被冒用'] }], disputes: [DISPUTE], referred: [REFERRED], next: null, total: 1 }
    answers['rental.closeDispute'] = { ok: true, dispute: { ...DISPUTE, status: 'closed', statusLabel: '已处理', resolution: '已核实' } }
    await go('/pages/rental-staff/police/area/index')
    await page.locator('#jf-police-disputes[data-count="1"]').waitFor()
    await expect(page.locator('.jf-police-dispute').innerText()).resolves.toContain('我从未在此登记')
    await expect(page.locator('.jf-police-dispute-reg').innerText()).resolves.toContain('陈晨')
    await expect(page.locator('#jf-police-referred').innerText()).resolves.toContain('涉及人身威胁，转辖区派出所处理')
    await expect(page.locator('.jf-police-alert').innerText()).resolves.toBe('有人报告该证件被冒用')
    await shot('police-disputes')

    await page.locator('.jf-police-dispute-close').click()
    await page.locator('#jf-rental-reason textarea').fill('已入户核实，另一登记人冒用证件')
    await page.locator('#jf-rental-reason-ok').click()
    await page.locator('#jf-police-disputes').waitFor({ state: 'detached' })
    expect(called('rental.closeDispute').map((c) => c.data)).toEqual([{ id: 'MIS-1', version: 1, note: '已入户核实，另一登记人冒用证件' }])

    const before = called('rental.area').length
    await page.locator('#jf-police-q input').fill('11010519491231002X')
    await page.locator('#jf-police-search').click()
    await page.locator('#jf-rental-reason-sheet').waitFor()
    expect(called('rental.area')).toHaveLength(before)
    await page.locator('#jf-rental-purpose .jf-rental-purpose-lead').click()
    await page.locator('#jf-rental-reason textarea').fill('核查盗窃案线索')
    await page.locator('#jf-rental-reason-ok').click()
    await until(() => called('rental.area').length === before + 1)
    expect(called('rental.area').at(-1)!.data).toEqual({ limit: 20, q: '11010519491231002X', purpose: 'lead', reason: '核查盗窃案线索' })

    // A building name is searched without a reason.
    await page.locator('#jf-police-q input').fill('云景花园')
    await page.locator('#jf-police-search').click()
    await until(() => called('rental.area').length === before + 2)
    expect(called('rental.area').at(-1)!.data).toEqual({ limit: 20, q: '云景花园' })
  })

  it('offers 重试 only where sending again can help: busy server yes, no access or not found no (building list and detail, police audit and overdue)', async () => {
    const retry = (id: string) => page.locator(`#${id}`).getByText('重试', { exact: true })
    // The server is busy: its words, and 重试 that loads the list once it answers.
    answers['rental.myBuildings'] = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', retryable: true }
    await go('/pages/rental-staff/building/list/index')
    await page.locator('#jf-buildings-error').getByText('服务暂时不可用，请稍后再试').waitFor()
    answers['rental.myBuildings'] = { ok: true, buildings: [BUILDING] }
    await page.locator('#jf-buildings-error .jf-list-retry .nut-button').click()
    await page.locator(`.jf-building[data-id="${BUILDING.id}"]`).waitFor()
    // Refused for good: the words, no 重试 that could only fail again.
    answers['rental.myBuildings'] = { ok: false, code: 'FORBIDDEN', message: '只有楼栋长可以查看' }
    await go('/pages/rental-staff/building/list/index')
    await page.locator('#jf-buildings-error').getByText('只有楼栋长可以查看').waitFor()
    await expect(retry('jf-buildings-error').count()).resolves.toBe(0)
    // A building that is not the manager's: not found, no 重试.
    answers['rental.myBuildings'] = { ok: true, buildings: [] }
    await go(`/pages/rental-staff/building/detail/index?id=${BUILDING.id}`)
    await page.locator('#jf-building-error').getByText('没有找到该楼栋，或您不是它的楼栋长').waitFor()
    await expect(retry('jf-building-error').count()).resolves.toBe(0)
    answers['rental.audit'] = { ok: false, code: 'FORBIDDEN', message: '只有民警可以查看' }
    await go('/pages/rental-staff/police/audit/index')
    await page.locator('#jf-audit-error').getByText('只有民警可以查看').waitFor()
    await expect(retry('jf-audit-error').count()).resolves.toBe(0)
    answers['rental.overdueInspections'] = { ok: false, code: 'NOT_FOUND', message: '未找到该街道' }
    await go('/pages/rental-staff/police/overdue/index')
    await page.locator('#jf-overdue-error').getByText('未找到该街道').waitFor()
    await expect(retry('jf-overdue-error').count()).resolves.toBe(0)
    answers['rental.overdueInspections'] = { ok: false, code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试', retryable: true }
    await go('/pages/rental-staff/police/overdue/index')
    await retry('jf-overdue-error').waitFor()
  })
})
