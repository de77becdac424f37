/** Form flows on the H5 pages that both the mocked-function suites (test/app) and the end-to-end suites drive. */
import type { Page } from 'playwright-core'

/**
 * The building registration form: name, the grid from where the phone stands (云景社区第1网格 at
 * GRID1_POINT), address, floors and rooms per floor; waits for the generated room list.
 */
export async function fillBuildingForm(p: Page, b: { name: string; address: string; floors: number; perFloor: number }): Promise<void> {
  await p.locator('#jf-building-name input').fill(b.name)
  await p.locator('#jf-building-loc-current').click()
  await p.locator('#jf-building-grid[data-found="1"]').waitFor()
  await expect(p.locator('#jf-building-grid').innerText()).resolves.toContain('云景社区第1网格')
  await p.locator('#jf-building-address input').fill(b.address)
  await p.locator('#jf-building-floors input').fill(String(b.floors))
  await p.locator('#jf-building-per-floor input').fill(String(b.perFloor))
  await p.locator(`#jf-building-rooms[data-count="${b.floors * b.perFloor}"]`).waitFor()
}

/** The mediator's 制作调解协议 sheet, opened and filled with two terms (not yet sent). */
export async function draftTwoTerms(p: Page, terms: readonly string[]): Promise<void> {
  await p.locator('.jf-med-act[data-action="draft_agreement"]').click()
  await p.locator('#jf-med-sheet[data-action="draft_agreement"]').waitFor()
  await p.locator('.jf-term textarea').nth(0).fill(terms[0]!)
  await p.locator('#jf-med-term-add').click()
  await p.locator('.jf-term textarea').nth(1).fill(terms[1]!)
}

/**
 * After a tap that gives personal data (saving the profile, applying for mediation, checking in):
 * the privacy notice sheet shows only while the person has not agreed to the version in force, which
 * depends on what the shared server saw before. Agrees if it shows; returns whether it did.
 */
export async function agreeNoticeIfAsked(p: Page, next: ReturnType<Page['locator']>): Promise<boolean> {
  const agree = p.locator('#jf-consent-agree')
  const first = await Promise.race([agree.waitFor().then(() => 'sheet' as const), next.waitFor().then(() => 'next' as const)])
  if (first === 'next') return false
  await agree.click()
  await p.locator('#jf-consent-sheet').waitFor({ state: 'detached' })
  return true
}
