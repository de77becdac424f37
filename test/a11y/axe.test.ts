/**
 * axe-core over every H5 page (issue 19): the built H5 app (dist-h5) against the sweep's world (the
 * real local server over a fresh SQLite demo street, test/sweep/world.ts), every page of the sweep's
 * roles (test/sweep/pages.ts: 陈小梅, a brand-new WeChat identity, the tenant and each staff role) at
 * 390 px, in normal mode and in 长辈模式. Each page gets axe's WCAG 2 A and AA rules; serious and
 * critical violations fail, the lighter ones are listed. One Chromium; per role the two modes side by
 * side, each one's pages in sequence. The summary (pages × modes, violations by rule) is printed and
 * written to test-artifacts/a11y/axe.json. Left out of every check: the dev role switcher
 * (#jf-role-switcher), which only local builds draw on 首页 to sign in as a demo user.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../support/browser'
import { enableElderMode, isElder } from '../support/elder'
import { ROOT, type RunningServer } from '../support/server'
import { ROLES } from '../sweep/pages'
import { openQuiet, signIn, trackCalls } from '../sweep/session'
import { seedWorld, startSweepServer, type SweepWorld } from '../sweep/world'
import { EXCLUDED_RULES, summarise, type PageResult, type Violation } from './results'

jest.setTimeout(240_000)

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ready = existsSync(join(ROOT, 'dist-h5/index.html')) && existsSync(join(ROOT, 'dist-server/server.js')) && existsSync(CHROMIUM)
const OUT = join(ROOT, 'test-artifacts/a11y')
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** `AXE_MODES=normal` / `AXE_ROLES=resident,grid` narrow a run while fixing pages; `npm test` checks all. */
const MODES = (process.env.AXE_MODES?.split(',') ?? ['normal', 'elder']) as ('normal' | 'elder')[]
const ONLY = process.env.AXE_ROLES?.split(',')

/** Runs axe in the page on show (Taro keeps earlier pages hidden in the DOM; axe skips hidden nodes). */
async function axeOn(p: Page): Promise<Violation[]> {
  return p.evaluate(async (excluded) => {
    const axe = (window as any).axe
    const r = await axe.run(
      { include: [['body']], exclude: [['#jf-role-switcher']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
        rules: Object.fromEntries(excluded.map((id: string) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      },
    )
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary ?? '').slice(0, 300) })),
    }))
  }, EXCLUDED_RULES.map((r) => r.id))
}

const maybe = ready || process.env.CI ? describe : describe.skip
const withChromium = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip

withChromium('the axe check in the browser', () => {
  it('finds unreadable text, an unnamed image and an unlabelled field, and passes a clean page', async () => {
    const b = await launchBrowser()
    try {
      const p = await b.newPage({ viewport: { width: 390, height: 844 } })
      await p.setContent(`<html lang="zh-CN"><head><title>测试</title></head><body><main>
        <p style="color:#c8c9cc">浅灰文字</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>`)
      await p.addScriptTag({ content: AXE })
      const found = await axeOn(p)
      expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt', 'label'])
      await p.setContent(`<html lang="zh-CN"><head><title>测试</title></head><body><main>
        <p>京溪-2026-00042 已受理</p><img alt="网格范围示意图" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text" aria-label="联系电话"></main></body></html>`)
      await p.addScriptTag({ content: AXE })
      expect(await axeOn(p)).toEqual([])
    } finally {
      await b.close()
    }
  })
})

maybe('axe-core: every H5 page, every role, normal and 长辈模式, at 390 px', () => {
  let srv: RunningServer
  let browser: Browser
  let world: SweepWorld
  const results: PageResult[] = []

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    ;[srv, browser] = await Promise.all([startSweepServer(), launchBrowser()])
    world = await seedWorld(srv.url, `axe${Date.now().toString(36)}`)
  }, 60_000)

  afterAll(async () => {
    if (results.length) {
      const s = summarise(results)
      writeFileSync(join(OUT, 'axe.json'), JSON.stringify({ summary: s, notes: world?.notes ?? [], results }, null, 2))
      // eslint-disable-next-line no-console
      console.log(s.text)
    }
    await browser?.close()
    await srv?.stop()
  })

  for (const role of ROLES.filter((r) => !ONLY || ONLY.includes(r.key))) {
    it(`${role.label}: no serious or critical violation on any page`, async () => {
      const failures: string[] = []
      // The two modes side by side (a context each), each one's pages in sequence.
      await Promise.all(
        MODES.map(async (mode) => {
          const ctx = await browser.newContext({ baseURL: srv.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
          try {
            await ctx.addInitScript(AXE)
            const p = await signIn(ctx, role, world)
            trackCalls(p)
            if (mode === 'elder') await enableElderMode(p)
            for (const route of role.pages(world)) {
              const t0 = Date.now()
              await openQuiet(p, route)
              const t1 = Date.now()
              const violations = await axeOn(p)
              const page = route.split('?')[0]!
              if ((await isElder(p)) !== (mode === 'elder')) failures.push(`${mode} ${page}: the page did not show in ${mode} mode`)
              results.push({ role: role.key, page, mode, violations, ms: { load: t1 - t0, axe: Date.now() - t1 } })
              for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
                failures.push(`${mode} ${page}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target).slice(0, 4).join(', ')}`)
            }
          } finally {
            await ctx.close()
          }
        }),
      )
      expect(failures).toEqual([])
    })
  }
})

