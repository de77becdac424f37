/**
 * The mini-program check: every page the weapp build declares in app.json is loaded from
 * miniprogram/, driven through its Page lifecycle with wx.cloud answered by fakes, rendered from the
 * compiled WXML (official wcc + miniprogram-simulate in jsdom), and read back as text. The report
 * form is filled and submitted through the rendered nodes' event handlers.
 *
 * `npm test` builds miniprogram/ before jest; run alone, this file builds it once if app.json is
 * missing (under CI a missing build fails the suite).
 */
import { answers, CASE, cloudFake, GRID, MINE, MODERATION_ITEM, TIMELINE, type Answer } from './fixtures'
import { applyDataPath, DEMO_POINT, ensureBuilt, MiniProgram, pageRoutes, parseDataPath, readAppJson, sleep, type LaunchOptions, type PageHandle } from './simulate'

ensureBuilt()
const ROUTES = pageRoutes(readAppJson())

/**
 * View-layer messages that are known app defects, not harness noise. Each one is a real problem in
 * the WeChat client too and is listed in the hand-over report:
 * - NutUI's icons (e.g. the clear button of a `clearable` Input) render an `<i>` element; Taro's weapp
 *   templates have no template for `i` (no @tarojs/plugin-html), so WeChat logs the same
 *   "Template `tmpl_0_i` not found" and shows no icon.
 */
// Nothing is tolerated: a missing template means a blank element in WeChat.
const KNOWN_VIEW_ISSUES: RegExp[] = []

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Record<string, Answer> = {}, opts: Partial<LaunchOptions> = {}) {
  const unanswered: string[] = []
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(over), unanswered), ...opts })
  open.push(mp)
  return { mp, unanswered }
}

function unexpectedViewIssues(mp: MiniProgram): string[] {
  return mp.viewErrors.filter((m) => !KNOWN_VIEW_ISSUES.some((re) => re.test(m)))
}

/** No exception, console.error, or unknown template anywhere in the run. */
function expectClean(mp: MiniProgram) {
  expect(mp.errors).toEqual([])
  expect(unexpectedViewIssues(mp)).toEqual([])
}

const actions = (mp: MiniProgram) => mp.calls.map((c) => `${c.name}.${c.data.action}`)

interface Expectation {
  query?: Record<string, string>
  /** Texts that must all be rendered once the page has loaded its data. */
  texts: string[]
  /** Function calls the page must make while loading. */
  calls: string[]
}

const EXPECTED: Record<string, Expectation> = {
  'pages/home/index': { texts: ['您好，陈小梅', '居民 · 云景社区第3网格', '上报问题', '我的事项'], calls: ['session.me'] },
  'pages/report/new/index': { texts: ['问题类别', '市容环境', '道路设施', '问题描述', '问题位置', '使用当前位置', '提交'], calls: ['reports.categories'] },
  'pages/report/mine/index': { texts: [MINE[0].title, MINE[1].title, '已上报', GRID.name, '没有更多了'], calls: ['reports.mine'] },
  'pages/report/detail/index': {
    query: { id: CASE.id },
    texts: ['已受理', CASE.description, '办理进度', '提交上报', '受理', '网格员 李明', '已安排保洁员下午清运', '2026年3月2日 11:10'],
    calls: ['reports.get'],
  },
  'pages/report-staff/moderation/index': {
    texts: ['居民上报的描述和照片默认不公开', '云景路东门垃圾堆放三天没人清理，302房门口', '1 张照片待审核', '编辑后公开', '遮挡人脸或车牌', '对公众隐藏整条事项'],
    calls: ['cases.moderationQueue'],
  },
  // 出租屋实名登记 (answers in rental-fixtures.ts)
  'pages/rental/checkin/index': {
    query: { scene: 'b%3DB7K2Q9' },
    texts: ['云景花园 3 栋', '登记目的与保存期限', '保存 180 天', '201', '居民身份证', '港澳台居民居住证', '同意登记目的与保存期限', '单独同意处理敏感个人信息', '提交登记'],
    calls: ['rental.building'],
  },
  'pages/rental/mine/index': { texts: ['云景花园 3 栋 201', '待确认', '1101**********002X', '已驳回', '驳回原因：房号填写错误', '人走注销'], calls: ['rental.mine'] },
  'pages/rental-staff/building/list/index': { texts: ['登记新楼栋', '云景花园 3 栋', '从未巡查', '待确认 1', '在住 1'], calls: ['rental.myBuildings'] },
  'pages/rental-staff/building/detail/index': { query: { id: 'BLD-1' }, texts: ['云景花园 3 栋', '待确认', '201 刘洋', '1101**********002X', '确认入住', '驳回'], calls: ['rental.myBuildings', 'rental.registrations'] },
  'pages/rental-staff/building/qr/index': { query: { id: 'BLD-1' }, texts: ['出租屋实名登记', '云景花园 3 栋', '复制登记链接', '长按二维码可保存到相册'], calls: ['rental.buildingQr'] },
  'pages/rental-staff/building/inspect/index': { query: { id: 'BLD-1' }, texts: ['灭火器在有效期内', '合格', '不合格', '提交巡查', '巡查记录', '1 项不合格', '2 楼楼道堆放电动车'], calls: ['rental.inspectionItems', 'rental.inspections'] },
  'pages/rental-staff/police/area/index': { texts: ['辖区出租屋登记', '共 1 条', '陈晨', '4401**********123X', '租约逾期', '查看完整号码'], calls: ['rental.area'] },
  'pages/rental-staff/police/audit/index': { texts: ['查看完整号码', '吴刚 查看 京溪-2026-00012 的证件号码和手机号，理由：核查盗窃案线索'], calls: ['rental.audit'] },
  // 我的 (answers in account-fixtures.ts)
  'pages/me/index': { texts: ['小梅', '手机号 138****8000', '我的上报', '我的调解', '我的租住登记', '我的网格', '消息通知设置', '个人信息与隐私'], calls: ['account.profile'] },
  'pages/account/profile/index': { texts: ['头像', '选择头像', '昵称', '138****8000（手动填写）', '更换为微信绑定的手机号', '手动填写手机号'], calls: ['account.profile'] },
  'pages/rental-staff/police/overdue/index': { texts: ['消防安全巡查逾期 1 栋', '云景花园 3 栋', '巡查逾期', '楼栋长 王建国'], calls: ['rental.overdueInspections'] },
  // 一键求助: the kinds, the voice button, the grid found from the position as the page opens.
  'pages/help/raise/index': {
    texts: ['遇到了什么情况', '邻里纠纷', '家庭矛盾', '人身安全受到威胁', '其他', '按住说话', `${GRID.name}，将通知本社区值班人员`, '发出求助', '紧急情况请直接拨打 110、120、119'],
    calls: ['reports.locate'],
  },
}

describe('app.json of the weapp build', () => {
  test('declares the four resident pages and the map picker (WeChat’s map, test/app/maps-weapp.test.ts)', () => {
    expect(ROUTES).toEqual(expect.arrayContaining(Object.keys(EXPECTED)))
    expect(ROUTES).toContain('pages/report/pick/index')
  })

  test('wx.cloud.init runs once, before the first function call', async () => {
    const { mp } = launch()
    await mp.open(ROUTES[0])
    const names = mp.wxCalls.map(([n]) => n)
    expect(names.filter((n) => n === 'cloud.init')).toHaveLength(1)
    expect(names).toContain('cloud.callFunction')
    expect(names.indexOf('cloud.init')).toBeLessThan(names.indexOf('cloud.callFunction'))
    expectClean(mp)
  })
})

describe.each(ROUTES)('page %s', (route) => {
  test('loads, renders its data and its Chinese text, without errors', async () => {
    const exp = EXPECTED[route]
    // Calls without a fake are answered { ok: false, code: 'NOT_FOUND' }: a page must survive that too.
    const { mp } = launch()
    const page = await mp.open(route, exp?.query ?? {})
    if (exp) {
      for (const t of exp.texts) await page.waitForText(t)
      expect(actions(mp)).toEqual(expect.arrayContaining(exp.calls))
    }
    // Any page, including one added later without an entry above, must render something.
    expect(page.text().length).toBeGreaterThan(0)
    expect(page.text()).not.toMatch(/undefined|NaN|\[object Object\]/)
    expectClean(mp)
  })
})

describe('一键求助 (pages/help/raise/index)', () => {
  test('人身安全受到威胁 puts 110 / 120 / 119 first, and a tap calls through WeChat', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/help/raise/index')
    await page.waitForText('人身安全受到威胁')
    expect(page.text()).not.toContain('火警')
    await page.tap('#jf-help-kind-danger')
    await page.waitForText('人身安全受到威胁，请先拨打')
    for (const t of ['110', '报警', '120', '急救', '119', '火警']) expect(page.text()).toContain(t)
    // The calls come before the kinds.
    expect(page.text().indexOf('119')).toBeLessThan(page.text().indexOf('遇到了什么情况'))
    await page.tap('#jf-help-sos-110')
    expect(mp.wxCalls.filter(([n]) => n === 'makePhoneCall').map(([, o]) => (o as { phoneNumber: string }).phoneNumber)).toEqual(['110'])
    expectClean(mp)
  })

  test('a refused request still shows the calls', async () => {
    const { mp } = launch({ 'help.raise': () => ({ ok: false, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试', emergency: true }) })
    const page = await mp.open('pages/help/raise/index')
    await page.waitForText(`${GRID.name}，将通知本社区值班人员`)
    await page.tap('#jf-help-kind-family')
    await page.tap('#jf-help-send')
    await page.waitForText('求助未能发出：请求过于频繁，请稍后再试')
    for (const t of ['110', '120', '119']) expect(page.text()).toContain(t)
    expect(mp.calls.filter((c) => c.name === 'help').map((c) => (c.data as { action: string }).action)).toEqual(['raise'])
    await page.tap('#jf-help-mine-link')
    expect(mp.navigations).toEqual([{ api: 'navigateTo', url: '/pages/help/status/index' }])
    expectClean(mp)
  })
})

describe('page details', () => {
  test('home: the entries navigate to the report form and the case list', async () => {
    const { mp } = launch()
    const home = await mp.open('pages/home/index')
    await home.waitForText('陈小梅')
    await home.tap('#jf-entry-report')
    await home.tap('#jf-entry-mine')
    expect(mp.navigations).toEqual([
      { api: 'navigateTo', url: expect.stringMatching(/^\/pages\/report\/new\/index/) },
      { api: 'navigateTo', url: expect.stringMatching(/^\/pages\/report\/mine\/index/) },
    ])
    expectClean(mp)
  })

  test('home: a failing session.me shows its message instead of a name', async () => {
    const { mp } = launch({ 'session.me': () => ({ ok: false, code: 'INTERNAL', message: '服务暂时不可用' }) })
    const home = await mp.open('pages/home/index')
    await home.waitForText('服务暂时不可用')
    expect(home.text()).not.toContain('陈小梅')
    expect(home.text()).toContain('重试')
    expectClean(mp)
  })

  test('cases/detail: asks for the case in the query and lists the timeline oldest first', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/report/detail/index', { id: CASE.id })
    await page.waitForText('办理进度')
    expect(mp.calls).toContainEqual({ name: 'reports', data: { action: 'get', data: { id: CASE.id } } })
    const timeline = page.get('#jf-timeline').textContent ?? ''
    const [first, second] = TIMELINE.map((e) => timeline.indexOf(e.actionLabel + e.toStatusLabel))
    expect(first).toBeGreaterThanOrEqual(0)
    expect(second).toBeGreaterThan(first)
    expect(page.get('#jf-case-detail').textContent).toContain('上报于 2026年3月2日 10:05')
    expectClean(mp)
  })

  test('cases/mine: tapping a case opens its detail page', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/report/mine/index')
    await page.waitForText(MINE[1].title)
    const rows = page.findAll('.jf-case-row')
    expect(rows).toHaveLength(2)
    await page.tap(rows[1])
    expect(mp.navigations).toEqual([{ api: 'navigateTo', url: `/pages/report/detail/index?id=${MINE[1].id}` }])
    expectClean(mp)
  })
})

describe('report form (pages/report/new/index)', () => {
  const DESCRIPTION = '云景路东门垃圾堆放三天没人清理'
  const ADDRESS = '云景路 12 号东门'

  async function openForm(over: Record<string, Answer> = {}, opts: Partial<LaunchOptions> = {}) {
    const { mp, unanswered } = launch(over, opts)
    const form = await mp.open('pages/report/new/index')
    await form.waitForText('市容环境')
    return { mp, form, unanswered }
  }

  async function fill(form: PageHandle) {
    await form.tap('#jf-cat-env')
    await form.waitForText('垃圾堆放')
    await form.tap('#jf-cat-env.garbage')
    await form.input('#jf-description', DESCRIPTION)
    await form.waitForText(`${Array.from(DESCRIPTION).length}/500`)
    await form.tap('#jf-loc-current')
    await form.waitForText(`所属网格：${GRID.name}`)
    await form.input('#jf-address', ADDRESS)
  }

  const submits = (mp: MiniProgram) => mp.calls.filter((c) => c.name === 'reports' && c.data.action === 'submit')

  test('tapping 提交 on an empty form validates locally: no call, a Chinese toast, field errors', async () => {
    const { mp, form } = await openForm()
    expect(form.get('#jf-submit').textContent).toContain('提交')
    await form.tap('#jf-submit')
    expect(submits(mp)).toEqual([])
    expect(mp.toasts).toEqual([{ title: '请选择问题类别', icon: 'none' }])
    for (const t of ['请选择问题类别', '请描述您遇到的问题', '请选择问题发生的位置', '请填写详细地址']) expect(form.text()).toContain(t)
    // Words or a voice note: the form offers 按住说话 (RecorderManager) beside the description.
    expect(form.get('#jf-report-voice-hold').textContent).toContain('按住说话')
    expectClean(mp)
  })

  test('a form filled through the page calls wx.cloud.callFunction reports/submit, then opens the new case', async () => {
    const { mp, form, unanswered } = await openForm()
    await fill(form)
    expect(mp.calls).toContainEqual({ name: 'reports', data: { action: 'locate', data: { lng: DEMO_POINT.longitude, lat: DEMO_POINT.latitude } } })
    expect(mp.wxCalls.find(([n]) => n === 'getLocation')?.[1]).toMatchObject({ type: 'wgs84' })

    await form.tap('#jf-submit')
    expect(submits(mp)).toEqual([
      {
        name: 'reports',
        data: {
          action: 'submit',
          data: {
            idempotencyKey: expect.stringMatching(/^[0-9A-Z]{26}$/),
            category: 'env.garbage',
            description: DESCRIPTION,
            photos: [],
            location: { lng: DEMO_POINT.longitude, lat: DEMO_POINT.latitude, address: ADDRESS },
            anonymous: false,
            // 我的 has a phone (account-fixtures): 联系电话 is filled with it and sent by reference.
            contactFromProfile: true,
          },
        },
      },
    ])
    expect(mp.toasts).toContainEqual({ title: '上报成功', icon: 'success' })
    const end = Date.now() + 3000
    while (!mp.navigations.length && Date.now() < end) await sleep(20)
    expect(mp.navigations).toEqual([{ api: 'redirectTo', url: '/pages/report/detail/index?id=R-0099' }])
    expect(unanswered).toEqual([])
    expectClean(mp)
  })

  test('a failed call saves the report to the outbox (待发送) and moves on to 我的事项', async () => {
    const { mp, form } = await openForm({
      'reports.submit': () => {
        throw new Error('network down')
      },
    })
    await fill(form)
    await form.tap('#jf-submit')
    await form.waitForText('网络不可用，已保存到待发送，将自动重试')
    // The outbox may already have resent it: every attempt carries the draft's one idempotency key.
    const keys = new Set(submits(mp).map((c) => (c.data.data as { idempotencyKey: string }).idempotencyKey))
    expect(keys.size).toBe(1)
    const end = Date.now() + 3000
    while (!mp.navigations.length && Date.now() < end) await sleep(20)
    expect(mp.navigations).toEqual([{ api: 'redirectTo', url: '/pages/report/mine/index' }])
  })
})

describe('harness: setData paths', () => {
  test('parses WeChat and Taro key forms', () => {
    expect(parseDataPath('root.cn.[0].cn.[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v'])
    expect(parseDataPath('a[0][1].b')).toEqual(['a', 0, 1, 'b'])
    expect(parseDataPath('root.uid')).toEqual(['root', 'uid'])
    expect(() => parseDataPath('a[x]')).toThrow()
    expect(() => parseDataPath('a[0')).toThrow()
  })

  test('applies a patch in place, creating arrays before indexes and keeping siblings', () => {
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a', nn: '9' }, { v: 'b', nn: '9' }] } }
    applyDataPath(data, 'root.cn.[1].v', 'B')
    applyDataPath(data, 'root.cn.[2]', { v: 'c', nn: '9' })
    applyDataPath(data, 'root.uid', 'p')
    applyDataPath(data, 'list[1].x', 1)
    expect(data).toEqual({
      root: { cn: [{ v: 'a', nn: '9' }, { v: 'B', nn: '9' }, { v: 'c', nn: '9' }], uid: 'p' },
      list: [undefined, { x: 1 }],
    })
  })
})

describe('内容审核 in the mini-program', () => {
  test('公开 on a photo sends the decision with the item’s version, and the answer replaces the item', async () => {
    const decided = { ...MODERATION_ITEM, version: 3, photos: [{ ...MODERATION_ITEM.photos[0], state: 'published', stateLabel: '已公开' }] }
    const { mp } = launch({ 'cases.moderate': () => ({ ok: true, item: decided }) })
    const page = await mp.open('pages/report-staff/moderation/index')
    await page.waitForText('1 张照片待审核')
    await page.tap('.jf-mod-photo-publish')
    await page.waitForText('描述待审核')
    expect(page.text()).not.toContain('1 张照片待审核')
    // 已公开: the photo now offers only 隐藏 and the face/plate hide.
    expect(page.find('.jf-mod-photo-publish')).toBeNull()
    expect(page.find('.jf-mod-photo-face')).not.toBeNull()
    const sent = mp.calls.filter((c) => c.data.action === 'moderate').map((c) => c.data.data)
    expect(sent).toEqual([{ id: CASE.id, version: 2, target: 'photo', fileId: 'F-1', decision: 'publish' }])
    expectClean(mp)
  })

  test('编辑后公开 wants a reason before it sends anything', async () => {
    const { mp } = launch()
    const page = await mp.open('pages/report-staff/moderation/index')
    await page.waitForText('编辑后公开')
    await page.tap('.jf-mod-desc-redact')
    await page.waitForText('原文（仅办理人员可见）')
    await page.input('#jf-mod-text', '云景路东门垃圾堆放三天没人清理')
    await page.tap('#jf-mod-submit')
    await page.waitForText('请填写编辑原因')
    expect(mp.calls.filter((c) => c.data.action === 'moderate')).toEqual([])
    expectClean(mp)
  })
})

describe('public view in the mini-program', () => {
  test('a follower reads category, status, published content and public updates, with the privacy line', async () => {
    const pub = {
      id: 'R-0100',
      kind: 'report',
      category: 'env.garbage',
      categoryName: '市容环境 / 垃圾堆放',
      status: 'accepted',
      statusLabel: '已受理',
      location: { lng: 113.3205, lat: 23.181 },
      createdAt: '2026-03-02T02:05:00.000Z',
      description: null,
      photos: [],
      updates: [{ id: 'E9', at: '2026-03-02T03:10:00.000Z', statusLabel: '已受理', note: '已安排保洁明早清运' }],
    }
    const { mp } = launch({ 'reports.get': () => ({ ok: true, view: 'public', case: pub }) })
    const page = await mp.open('pages/report/detail/index', { id: 'R-0100' })
    await page.waitForText('为保护隐私，仅显示已公开的内容')
    for (const t of ['市容环境 / 垃圾堆放', '已受理', '问题描述尚未公开', '公开进展（1）', '已安排保洁明早清运', '不显示详细地址', '已关注此事项']) expect(page.text()).toContain(t)
    expect(page.text()).not.toContain('办理进度')
    expectClean(mp)
  })
})

describe('staff notes in the mini-program', () => {
  const STAFF_CASE = {
    ...MODERATION_ITEM.case,
    description: MODERATION_ITEM.description.text,
    photos: [],
    location: CASE.location,
    unitPhone: null,
    unitCode: GRID.code,
    assigneeId: 'U-li',
    department: null,
    escalationLevel: 'grid',
    reporter: null,
    mergedInto: null,
    rating: null,
    ratingComment: null,
    moderation: { description: 'pending', descriptionLabel: '待审核', publicDescription: null, photos: [], hidden: false },
    version: 2,
  }
  const TIMELINE_STAFF = TIMELINE.map((e, i) => ({ ...e, visibility: i === 0 ? 'internal' : 'public', visibilityLabel: i === 0 ? '内部备注' : '公开回复' }))

  test('the timeline marks each row 内部 / 公开; 添加备注 is internal unless 公开回复 is chosen', async () => {
    const sent: unknown[] = []
    const get = () => ({ ok: true, case: STAFF_CASE, timeline: TIMELINE_STAFF, actions: [{ action: 'note', label: '添加备注', needs: ['note'] }] })
    const { mp } = launch({
      'cases.get': get,
      'cases.act': (d) => (sent.push(d), get()),
    })
    const page = await mp.open('pages/report-staff/case/index', { id: CASE.id })
    await page.waitForText('已安排保洁员下午清运')
    expect(page.findAll('.jf-timeline-mark').map((n) => n.textContent)).toEqual(['内部', '公开'])
    expect(page.text()).toContain('描述待审核')

    await page.tap('.jf-act')
    await page.waitForText('仅办理人员可见，居民和关注者看不到')
    await page.input('#jf-act-note', '已安排保洁明早清运')
    await page.tap('.jf-act-vis-public')
    await page.waitForText('上报人和关注此事项的居民都能看到')
    await page.tap('#jf-act-submit')
    await mp.idle()
    expect(sent).toEqual([{ id: CASE.id, action: 'note', version: 2, note: '已安排保洁明早清运', noteVisibility: 'public' }])
    expectClean(mp)
  })
})

describe('harness: rendering', () => {
  test('trees deeper than the base templates go through Taro\'s recursive comp component', async () => {
    const { mp } = launch()
    const home = await mp.open('pages/home/index')
    await home.waitForText('陈小梅')
    // Node-name codes come from the page's own data: its outer View, and any text node.
    type Node = { nn: string; sid: string; v?: string; cn?: Node[] }
    const root = home.data.root as { cn: Node[] }
    const viewNn = root.cn[0].nn
    const findText = (n: Node): Node | undefined => (n.v !== undefined ? n : n.cn?.map(findText).find(Boolean))
    const textNn = findText(root.cn[0])?.nn as string
    let deep: Node = { nn: textNn, sid: '_deep_text', v: '第二十层的文字' }
    for (let i = 0; i < 20; i++) deep = { nn: viewNn, sid: `_deep_${i}`, cn: [deep] }
    home.instance.setData({ 'root.cn.[0].cn.[0]': deep })
    await mp.idle()
    expect(home.text()).toContain('第二十层的文字')
    // base.wxml stops at its last level's container (config/index.ts: baseLevel), which hands the rest to <comp>; without it the text is lost.
    expectClean(mp)
  })
})
