import type { Page } from 'playwright-core'

/** Taro H5 keeps storage as JSON `{ data }` under the key (see @tarojs/taro-h5 storage): the key of src/utils/elder.ts. */
const ELDER_KEY = 'jf-elder-mode'

/**
 * Switches 长辈模式 on the way the app stores it, then reloads so the app marks `<html class="jf-elder">`.
 * The page must already show the app's origin (any route): localStorage belongs to the origin.
 */
export async function enableElderMode(page: Page): Promise<void> {
  await setElder(page, true)
}

export async function disableElderMode(page: Page): Promise<void> {
  await setElder(page, false)
}

async function setElder(page: Page, on: boolean): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key as string, JSON.stringify({ data: value })), [ELDER_KEY, on] as const)
  await page.reload()
  await page.waitForFunction((want) => document.documentElement.classList.contains('jf-elder') === want, on)
}

/** Whether the page shows 长辈模式 (the root's class). */
export async function isElder(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('jf-elder'))
}
