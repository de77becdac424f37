/**
 * Issue 17, look: in the built H5 app (dist-h5) with the functions mocked, the tab bar and the home cards
 * carry drawn icons (not written characters), an empty list shows the illustrated empty state (no picture
 * fetched from elsewhere), the progress stepper shows on the report, mediation and check-in detail with the
 * steps still to come, and status tags are drawn at 12 px or more and 4.5:1 or more. Skips without a build.
 */
import { registration, rentalAnswers } from '../weapp/rental-fixtures'
import { CASE, GET } from './h5-fixtures'
import { describeH5, h5Ready, type Answers } from './h5-harness'
import { useH5Session } from './h5-session'

/** JF_H5_DIST: a copy of a build to check (several people build dist-h5 in turn on a shared machine). */
const dist = process.env.JF_H5_DIST || undefined
const maybe = describeH5(h5Ready({ dist, page: 'pages/rental/mine' }))

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString()
const RESIDENT = { ok: true, user: { id: 'demo-resident', name: '陈小梅', roles: [{ role: 'resident', roleLabel: '居民', unitCode: 'c1', unitName: '云景社区' }, { role: 'tenant', roleLabel: '租户', unitCode: 'c1', unitName: '云景社区' }] } }

const TL = (id: string, action: string, toStatus: string, label: string, min: number) => ({
  id,
  action,
  actionLabel: label,
  fromStatus: null,
  toStatus,
  toStatusLabel: label,
  actorLabel: '综治中心 赵强',
  note: null,
  attachments: [],
  at: ago(min),
  visibility: 'public',
  visibilityLabel: '公开',
})

const MEDIATING = {
  id: '01JMED00000000000000000009',
  kind: 'mediation',
  status: 'mediating',
  statusLabel: '调解中',
  disputeType: 'neighbour',
  disputeTypeLabel: '邻里纠纷',
  facts: '楼上住户夜间噪音影响休息，多次沟通无果。',
  claims: '请对方晚上十点后保持安静。',
  evidence: [],
  preferredWay: 'online',
  streetName: '京溪街道',
  committee: { code: 'rtw', name: '京溪街人民调解委员会' },
  mediatorName: '周敏',
  mediatorPhone: '020-87700000',
  deadline: null,
  overdue: false,
  parties: [
    { side: 'applicant', sideLabel: '申请人', name: '陈小梅', phone: '13800138000', joined: true, consent: 'consented', consentLabel: '申请人', isMe: true },
    { side: 'respondent', sideLabel: '被申请人', name: '黄伟明', phone: '139****9000', joined: true, consent: 'consented', consentLabel: '已同意', isMe: false },
  ],
  sessions: [],
  agreement: null,
  referral: null,
  judicialConfirmation: false,
  myRole: 'applicant',
  myRating: null,
  invites: [],
  source: { code: 'application', label: '当事人申请', text: '当事人申请', enteredBy: null },
  origin: null,
  helpers: [],
  judicial: null,
  createdAt: ago(600),
  version: 5,
}

/** WCAG contrast of two CSS colours as the browser computed them (rgb()/rgba() on white). */
function contrast(fg: string, bg: string): number {
  const rgb = (c: string) => {
    const [r, g, b, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number)
    return [r!, g!, b!].map((x) => x * a + 255 * (1 - a))
  }
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [hi, lo] = [lum(rgb(fg)), lum(rgb(bg))].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

maybe('look: icons, tab bar, empty states, progress steppers, tags (H5, mocked functions)', () => {
  const defaults = (): Answers => ({
    ...(rentalAnswers() as Answers),
    'session.me': RESIDENT,
    'inbox.list': { ok: true, items: [], next: null, unread: 0 },
    'inbox.unread': { ok: true, unread: 0 },
    'reports.get': GET,
    'mediation.get': { ok: true, case: MEDIATING, timeline: [TL('t1', 'apply', 'applied', '申请调解', 600), TL('t2', 'accept', 'accepted', '受理', 500), TL('t3', 'consent', 'mediating', '同意调解', 400)], actions: [] },
    'mediation.messages': { ok: true, messages: [] },
  })
  const { page, answers, go, shot } = useH5Session({ defaults, dist, shotPrefix: 'look-h5-' })

  it('home: every card and tile has a drawn icon, no written character; the tab bar marks the tab showing', async () => {
    await go('/pages/home/index')
    await page.locator('#jf-greeting').waitFor()
    await page.locator('#jf-entry-report .jf-icon').waitFor()
    const squares = await page.locator('.jf-home-entry-icon, .jf-home-inbox-icon, .jf-home-tile-icon').evaluateAll((els) =>
      els.map((e) => ({ text: (e as HTMLElement).innerText.trim(), icon: e.querySelector('.jf-icon')?.getAttribute('data-icon') ?? '', mask: getComputedStyle(e.querySelector('.jf-icon')!).webkitMaskImage || getComputedStyle(e.querySelector('.jf-icon')!).maskImage, w: e.querySelector('.jf-icon')!.getBoundingClientRect().width })),
    )
    expect(squares.length).toBeGreaterThanOrEqual(6)
    for (const s of squares) {
      expect(s.text).toBe('')
      expect(s.icon).not.toBe('')
      expect(s.mask).toMatch(/^url\("data:image\/svg\+xml,/)
      expect(s.w).toBeGreaterThanOrEqual(16)
    }
    const tabs = await page.locator('#jf-tabbar .jf-tabbar-item').evaluateAll((els) =>
      els.map((e) => ({ id: e.id, current: e.getAttribute('data-current'), icon: e.querySelector('.jf-icon')?.getAttribute('data-icon'), color: getComputedStyle(e.querySelector('.jf-icon')!).backgroundColor, pill: getComputedStyle(e.querySelector('.jf-tabbar-pill')!).backgroundColor, label: getComputedStyle(e.querySelector('.jf-tabbar-text')!).color })),
    )
    expect(tabs.map((t) => [t.id, t.current, t.icon])).toEqual([
      ['jf-tab-home', '1', 'home'],
      ['jf-tab-inbox', '0', 'message'],
      ['jf-tab-me', '0', 'user'],
    ])
    // The tab showing: its icon in the brand colour on a tinted pill; the others grey on nothing.
    expect(tabs[0]!.color).not.toBe(tabs[1]!.color)
    expect(tabs[0]!.pill).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/)
    expect(tabs[1]!.pill).toMatch(/rgba\(0, 0, 0, 0\)|transparent/)
    for (const t of tabs) expect(contrast(t.label, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5)
    await shot('home')
  })

  it('inbox: an empty list shows the illustrated empty state, with no picture loaded from another site', async () => {
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await go('/pages/inbox/index')
    const empty = page.locator('#jf-inbox-empty .jf-empty')
    await empty.waitFor()
    await expect(empty.locator('.jf-empty-title').innerText()).resolves.toBe('暂无消息')
    await expect(empty.locator('.jf-empty-pic .jf-icon').getAttribute('data-icon')).resolves.toBe('bell')
    expect(await page.locator('#jf-inbox-empty img, #jf-inbox-empty .nut-empty').count()).toBe(0)
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
    page.removeAllListeners('request')
    await shot('inbox-empty')
  })

  it('report detail: the stepper shows 上报 behind, 受理 in hand and the four steps to come; the tag reads at 12 px and 4.5:1', async () => {
    await go(`/pages/report/detail/index?id=${CASE.id}`)
    const steps = page.locator('#jf-progress')
    await steps.waitFor()
    await expect(steps.getAttribute('data-current')).resolves.toBe('2')
    const rows = await steps.locator('.nut-step').evaluateAll((els) => els.map((e) => ({ title: (e.querySelector('.nut-step-title') as HTMLElement).innerText, cls: e.className })))
    expect(rows.map((r) => r.title)).toEqual(['上报', '受理', '分派', '处置', '办结', '评价'])
    expect(rows.map((r) => /nut-step-(finish|process|wait)/.exec(r.cls)![1])).toEqual(['finish', 'process', 'wait', 'wait', 'wait', 'wait'])
    // No step title broken over lines or squeezed: each sits on one line inside the card.
    const heights = await steps.locator('.nut-step-title').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
    for (const h of heights) expect(h).toBeLessThan(30)
    // Every step inside the card, titles under their dots (not beside them, running off the card).
    const fit = await steps.evaluate((card) => {
      const box = card.getBoundingClientRect()
      return Array.from(card.querySelectorAll('.nut-step')).map((s) => {
        const r = s.getBoundingClientRect()
        const dot = s.querySelector('.nut-step-head-dot')!.getBoundingClientRect()
        const title = s.querySelector('.nut-step-title')!.getBoundingClientRect()
        return { inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5, below: title.top >= dot.bottom - 0.5 }
      })
    })
    expect(fit).toEqual(Array(6).fill({ inside: true, below: true }))

    const tag = await page.locator('.jf-status-tag .nut-tag').first().evaluate((e) => {
      const text = e.querySelector('.nut-tag-text') as HTMLElement
      return { size: parseFloat(getComputedStyle(text).fontSize), fg: getComputedStyle(text).color, bg: getComputedStyle(e).backgroundColor }
    })
    expect(tag.size).toBeGreaterThanOrEqual(12)
    expect(contrast(tag.fg, tag.bg)).toBeGreaterThanOrEqual(4.5)
    await shot('report-detail')
  })

  it('report detail: a refused report ends at 不予受理, drawn as an end', async () => {
    answers['reports.get'] = { ...GET, case: { ...CASE, status: 'rejected', statusLabel: '不予受理' }, timeline: [...GET.timeline, TL('e2', 'reject', 'rejected', '不予受理', 1)] }
    await go(`/pages/report/detail/index?id=${CASE.id}`)
    const steps = page.locator('#jf-progress.is-off-path')
    await steps.waitFor()
    await expect(steps.locator('.nut-step-title').allInnerTexts()).resolves.toEqual(['上报', '不予受理'])
  })

  it('mediation detail: 调解 in hand after 申请, 受理, 对方同意; 确认协议 and 调解成功 to come', async () => {
    await go(`/pages/mediation/detail/index?id=${MEDIATING.id}`)
    const steps = page.locator('#jf-med-detail #jf-progress')
    await steps.waitFor()
    await expect(steps.getAttribute('data-current')).resolves.toBe('4')
    await expect(steps.locator('.nut-step-title').allInnerTexts()).resolves.toEqual(['申请', '受理', '对方同意', '调解', '确认协议', '调解成功'])
    await expect(steps.locator('.nut-step-wait').count()).resolves.toBe(2)
    const tag = await page.locator('.jf-med-status .nut-tag').first().evaluate((e) => {
      const text = e.querySelector('.nut-tag-text') as HTMLElement
      return { size: parseFloat(getComputedStyle(text).fontSize), fg: getComputedStyle(text).color, bg: getComputedStyle(e).backgroundColor }
    })
    expect(tag.size).toBeGreaterThanOrEqual(12)
    expect(contrast(tag.fg, tag.bg)).toBeGreaterThanOrEqual(4.5)
    await shot('mediation-detail')
  })

  it('我的租住登记: each registration shows its stepper; 待确认 waits on the building manager, 已驳回 ends', async () => {
    answers['rental.mine'] = () => ({ ok: true, registrations: [registration(), registration({ id: 'REG-0', status: 'refused', statusLabel: '已驳回', room: '202', refusedReason: '房号填写错误' })] })
    await go('/pages/rental/mine/index')
    const pending = page.locator('#jf-progress-REG-1')
    await pending.waitFor()
    await expect(pending.getAttribute('data-current')).resolves.toBe('2')
    await expect(pending.locator('.nut-step-title').allInnerTexts()).resolves.toEqual(['提交登记', '楼栋长确认', '在住', '退租'])
    await expect(pending.locator('.nut-step-process .nut-step-title').innerText()).resolves.toBe('楼栋长确认')
    await expect(page.locator('#jf-progress-REG-0 .nut-step-title').allInnerTexts()).resolves.toEqual(['提交登记', '已驳回'])
    for (const el of await page.locator('.jf-rental-status .nut-tag').all()) {
      const tag = await el.evaluate((e) => {
        const text = e.querySelector('.nut-tag-text') as HTMLElement
        return { size: parseFloat(getComputedStyle(text).fontSize), fg: getComputedStyle(text).color, bg: getComputedStyle(e).backgroundColor }
      })
      expect(tag.size).toBeGreaterThanOrEqual(12)
      expect(contrast(tag.fg, tag.bg)).toBeGreaterThanOrEqual(4.5)
    }
    await shot('rental-mine')
  })
})
