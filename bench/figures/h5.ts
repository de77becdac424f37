/**
 * Figure 6: H5 first contentful paint. The local server serves dist-h5/ (from `npm run
 * build:h5`); headless Chromium loads the home page in a fresh phone-sized context each time
 * (nothing cached) and reads first-contentful-paint from the Performance API.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { log, ROOT, run, startServer, tempDir } from '../lib/proc'
import { figure, median, type FigureReport } from '../lib/stats'

const LOADS = Number(process.env.BENCH_H5_LOADS ?? 7)
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

run(async (): Promise<FigureReport> => {
  if (!existsSync(join(ROOT, 'dist-h5', 'index.html'))) return { figures: [], skipped: [{ id: '6', reason: 'no dist-h5/index.html: run npm run build:h5' }] }
  if (!existsSync(CHROMIUM)) return { figures: [], skipped: [{ id: '6', reason: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` }] }
  const srv = await startServer(tempDir('h5'))
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  try {
    const fcps: number[] = []
    const loads: number[] = []
    for (let i = 0; i < LOADS + 1; i++) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      const page = await ctx.newPage()
      await page.goto(srv.match + '/', { waitUntil: 'load' })
      const t = await page.waitForFunction(
        () => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
          return fcp && nav ? { fcp: fcp.startTime, load: nav.loadEventEnd } : null
        },
        undefined,
        { timeout: 30_000 },
      )
      const v = (await t.jsonValue()) as { fcp: number; load: number }
      // The first load warms the server's file cache and Chromium's process: not counted.
      if (i > 0) {
        fcps.push(v.fcp)
        loads.push(v.load)
      }
      await ctx.close()
    }
    const fcp = median(fcps)
    log(`FCP median ${fcp.toFixed(0)} ms over ${fcps.length} loads (${fcps.map((x) => x.toFixed(0)).join(', ')})`)
    return { figures: [figure('6', 'H5 first contentful paint (median, cold cache)', fcp, 'ms', { op: '<=', value: 800 }, { loads: fcps.length, samplesMs: fcps.map(Math.round), loadEventMs: Math.round(median(loads)) })] }
  } finally {
    await browser.close()
    await srv.stop()
  }
})
