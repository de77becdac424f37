/**
 * The browser sweep (issue 17, part G): the built H5 app (dist-h5) against the real local server
 * (dist-server over a fresh SQLite demo street, one server for the suite), every page for each role
 * — 陈小梅, a brand-new WeChat identity, the tenant 刘洋, grid worker, mediator, police, building manager, the centre,
 * the district admin — at 390×844 and 1440×900, in one Chromium with one phone and one desk context
 * per role. On every page: no horizontal overflow, no text box narrower than two characters that
 * wraps, no internal id (ULID, long hex, action name, demo id, UTC time) in the visible text, no
 * unit code on a resident's screen, no English word outside a short list, no uncaught error.
 * Screenshots of every page at both widths go to test-artifacts/sweep/, the findings to
 * test-artifacts/sweep/findings.json.
 *
 * `SWEEP_ROOT=<checkout>` sweeps another checkout's build; `SWEEP_KEY_SHOTS=before|after` also writes
 * the key pages to docs/screenshots/issue17/<before|after>-<name>.png (small PNGs).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../support/browser'
import { ROOT, type RunningServer } from '../support/server'
import { allowed, judge, measure, type Allowed, type Finding } from './checks'
import { NOT_SWEPT, ROLES, shotName, type Role } from './pages'
import { openSettled, signIn } from './session'
import { seedWorld, startSweepServer, type SweepWorld } from './world'

jest.setTimeout(240_000)

const root = process.env.SWEEP_ROOT ?? ROOT
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ready = existsSync(join(root, 'dist-h5/index.html')) && existsSync(join(root, 'dist-server/server.js')) && existsSync(CHROMIUM)
const OUT = join(ROOT, 'test-artifacts/sweep')
const KEY_SHOTS = process.env.SWEEP_KEY_SHOTS
const KEY_DIR = join(ROOT, 'docs/screenshots/issue17')

/** The key pages, shot before and after: role, route (start), width, name. */
const KEY_PAGES: { role: string; route: string; width: number; name: string }[] = [
  { role: 'resident', route: '/pages/home/index', width: 390, name: 'home' },
  { role: 'resident', route: '/pages/report/detail/index', width: 390, name: 'report-detail' },
  { role: 'resident', route: '/pages/inbox/index', width: 390, name: 'inbox' },
  { role: 'centre', route: '/pages/report-staff/console/queue/index', width: 390, name: 'console-390' },
  { role: 'admin', route: '/pages/admin/config/index', width: 1440, name: 'admin-config' },
  { role: 'police', route: '/pages/rental-staff/police/audit/index', width: 390, name: 'police-audit' },
]

/** What may stay, each with its reason. Keep it short. */
const ALLOWED: Allowed[] = [
  { what: '^code-like: [A-Z0-9]{8}$', page: 'mediation/detail', role: 'resident', reason: 'the invitation code the applicant passes on for the other party to type (邀请码)' },
  { what: '^code-like: Open311$', page: 'admin/(integrations|config)', role: 'admin', reason: 'the name of the standard (Open311 GeoReport v2) the partners\' systems speak, as their technicians know it: 对外接口 and its rate limits in 区级配置' },
]

const WIDTHS = [
  { width: 390, opts: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  { width: 1440, opts: { viewport: { width: 1440, height: 900 } } },
] as const

const maybe = ready || process.env.CI ? describe : describe.skip

describe('sweep rules', () => {
  const ctx = { role: 'resident', page: '/pages/x', width: 390, resident: true }
  const m = (text: string, extra: Partial<Parameters<typeof judge>[0]> = {}) => judge({ innerWidth: 390, scrollWidth: 390, text, narrow: [], wide: [], split: [], contrast: [], ...extra }, ctx)

  it('finds ids, action names, UTC times, English words and unit codes in text', () => {
    expect(m('编号 01JF0DEM0B0000000000000001').map((f) => f.what)).toEqual(expect.arrayContaining(['ULID in text: 01JF0DEM0B0000000000000001']))
    expect(m('操作 cases.exportCsv {}').map((f) => f.what)).toContain('action name in text: cases.exportCsv')
    expect(m('时间 2026-12-06T08:00:00.000Z').map((f) => f.what)).toContain('UTC time in text: 2026-12-06T08:00')
    expect(m('网格编码 440111010001001').map((f) => f.what)).toContain('unit code on a resident screen: 440111010001001')
    expect(m('状态 pending').map((f) => f.what)).toContain('English word: pending')
    expect(m('user demo-resident').map((f) => f.what)).toContain('demo/dev id in text: demo-resident')
    expect(m('c0ffee00c0ffee00c0ffee00').map((f) => f.what)).toContain('long hex in text: c0ffee00c0ffee00c0ffee00')
    expect(m('编号 AC5016 协议 JNN3ZD').map((f) => f.what)).toEqual(['code-like: AC5016', 'code-like: JNN3ZD'])
  })

  it('passes Chinese text, phone numbers, the allowed words and case numbers', () => {
    expect(m('京溪-2026-00042 已受理 导出 CSV 扫 QR 码 电话 13800138000 2026-12-06 16:00 UTF-8 WGS-84 GB18030')).toEqual([])
  })

  it('finds overflow and narrow wrapping boxes', () => {
    expect(m('', { scrollWidth: 420 })[0]!.what).toMatch(/^horizontal overflow: scrollWidth 420 > 390/)
    expect(m('', { narrow: [{ tag: 'div', cls: 'th', text: '状态', width: 14, fontSize: 14, lines: 2 }] })[0]!.what).toMatch(/^narrow text box wraps: 「状态」/)
    expect(m('', { split: [{ tag: 'span', cls: 'jf-date', text: '2027-10-31' }] })[0]!.what).toBe('broken over two lines: 「2027-10-31」 in span.jf-date')
  })

  it('sweeps every H5 page of the app, or says why not', () => {
    const pages: string[] = []
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f)
        if (statSync(p).isDirectory()) walk(p)
        else if (f === 'index.tsx') pages.push(relative(join(ROOT, 'src'), p).replace(/\.tsx$/, ''))
      }
    }
    walk(join(ROOT, 'src/pages'))
    const w = { reportId: 'r', newcomerReportId: 'n', mediationId: 'm', checkinId: 'c', helpId: 'h', newcomerOpenid: 'o', notes: [] }
    const swept = new Set(ROLES.flatMap((r) => r.pages(w)).map((r) => r.split('?')[0]!.replace(/^\//, '')))
    expect(pages.filter((p) => !swept.has(p) && !NOT_SWEPT[p])).toEqual([])
  })
})

const withChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip

withChromium('sweep measures in the browser', () => {
  it('finds overflow, a header set one character a line and a date broken over two lines, and passes a clean page', async () => {
    const b = await launchBrowser()
    try {
      const p = await b.newPage({ viewport: { width: 390, height: 844 } })
      await p.setContent(`<body style="margin:0;font-size:14px"><div class="taro_page">
        <div style="width:12px" class="jf-ch-link">事项工作台</div>
        <div style="width:70px" class="jf-lease">租约至 2027-10-31</div>
        <div style="width:600px" class="jf-wide">宽</div>
        <p>编号 01JF0DEM0B0000000000000001</p><p style="color:#c8c9cc" class="jf-faint">浅灰文字</p></div></body>`)
      const m = await measure(p)
      expect(m.contrast).toEqual([{ cls: 'jf-faint', text: '浅灰文字', ratio: 1.66 }])
      const what = judge(m, { role: 'x', page: '/p', width: 390, resident: false }).map((f) => f.what)
      expect(what).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^horizontal overflow: scrollWidth 600 > 390 \(div.jf-wide→600\)/),
          expect.stringMatching(/^narrow text box wraps: 「事项工作台」 in div.jf-ch-link/),
          'broken over two lines: 「2027-10-31」 in div.jf-lease',
          'ULID in text: 01JF0DEM0B0000000000000001',
        ]),
      )
      await p.setContent('<body style="margin:0"><div class="taro_page"><div style="white-space:nowrap">租约至 2027-10-31</div><p>京溪-2026-00042 已受理</p></div></body>')
      const clean = await measure(p)
      expect(judge(clean, { role: 'x', page: '/p', width: 390, resident: true })).toEqual([])
      expect(clean.contrast).toEqual([])
    } finally {
      await b.close()
    }
  })
})

maybe('browser sweep: every page, every role, 390 and 1440', () => {
  let srv: RunningServer
  let browser: Browser
  let world: SweepWorld
  const all: Finding[] = []
  const notes: string[] = []
  /** Low-contrast text: listed in findings.json for the design tokens' owners, not a failure here. */
  const advice = new Set<string>()

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    if (KEY_SHOTS) mkdirSync(KEY_DIR, { recursive: true })
    ;[srv, browser] = await Promise.all([startSweepServer(root), launchBrowser()])
    world = await seedWorld(srv.url, Date.now().toString(36))
    notes.push(...world.notes)
    // The timers (every 500 ms) deliver the notices of the seeded moves to the inboxes.
    await new Promise((r) => setTimeout(r, 1500))
  }, 60_000)

  afterAll(async () => {
    writeFileSync(join(OUT, 'findings.json'), JSON.stringify({ root, findings: all, notes, contrast: [...advice].sort() }, null, 2))
    await browser?.close()
    await srv?.stop()
  })

  async function sweepPage(p: Page, role: Role, route: string, width: number, errors: string[]): Promise<Finding[]> {
    errors.length = 0
    await openSettled(p, route)
    let m = await measure(p)
    if (m.scrollWidth > m.innerWidth) {
      // A late layout (an image, a chart) may still be moving: measure once more before calling it overflow.
      await p.waitForTimeout(800)
      m = await measure(p)
    }
    const page = route.split('?')[0]!
    for (const c of m.contrast) advice.add(`${page} — ${role.key} — contrast ${c.ratio}:1 「${c.text}」 .${c.cls.split(' ')[0]}`)
    const found = judge(m, { role: role.key, page, width, resident: role.resident })
    for (const e of errors) found.push({ role: role.key, page, width, what: `uncaught error: ${e}` })
    const key = KEY_SHOTS && KEY_PAGES.find((k) => k.role === role.key && route.startsWith(k.route) && k.width === width && !route.includes('from=follow'))
    // The key pages as the window shows them (small, comparable before and after).
    if (key) await p.screenshot({ path: join(KEY_DIR, `${KEY_SHOTS}-${key.name}.png`) })
    // The whole page: Taro scrolls inside .taro_page, so the window grows to its content for the picture.
    const size = p.viewportSize()!
    const tall = await p.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page')).map((e) => e.scrollHeight), innerHeight))
    if (tall > size.height) await p.setViewportSize({ width: size.width, height: Math.min(tall, 8000) })
    await p.screenshot({ path: join(OUT, `${shotName(role.key, route, width)}.png`) })
    if (tall > size.height) await p.setViewportSize(size)
    return found
  }

  for (const role of ROLES) {
    it(`${role.label}: every page at 390 and 1440`, async () => {
      const contexts = await Promise.all(WIDTHS.map((w) => browser.newContext({ ...w.opts, baseURL: srv.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })))
      try {
        const pages = await Promise.all(contexts.map((c) => signIn(c, role, world)))
        const errors = pages.map(() => [] as string[])
        pages.forEach((p, i) => p.on('pageerror', (e) => errors[i]!.push(e.message.slice(0, 160))))
        const refusals: string[] = []
        pages[0]!.on('response', async (res) => {
          if (!res.url().includes('/api/fn/')) return
          const body = await res.json().catch(() => null)
          if (body && body.ok === false) refusals.push(`${res.url().split('/api/fn/')[1]}.${JSON.parse(res.request().postData() ?? '{}').action}: ${body.code} ${body.message}`)
        })
        const found: Finding[] = []
        for (const route of role.pages(world)) {
          refusals.length = 0
          const per = await Promise.all(pages.map((p, i) => sweepPage(p, role, route, WIDTHS[i]!.width, errors[i]!)))
          found.push(...per.flat())
          for (const r of new Set(refusals)) notes.push(`${role.key} ${route.split('?')[0]}: refused ${r}`)
        }
        all.push(...found)
        const open = found.filter((f) => !allowed(f, ALLOWED)).map((f) => `${f.page} @${f.width}: ${f.what}`)
        expect([...new Set(open)]).toEqual([])
      } finally {
        await Promise.all(contexts.map((c) => c.close()))
      }
    })
  }
})
