import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/**
 * 长辈模式: larger type, larger targets, stronger contrast, fewer entries on the home page. The mode
 * itself is only a class on the root (`jf-elder`) that swaps the design tokens in src/app.css; pages
 * ask useElderMode() only where the layout changes (the home page's four large entries).
 *
 * Stored with Taro's storage (H5: localStorage `jf-elder-mode` = `{"data":true}`), so it survives
 * restarts and needs no account: a person switches it on before signing in as well.
 */
export const ELDER_KEY = 'jf-elder-mode'
/** The class on `<html>` (H5) or the page's root view (mini-program) that switches the tokens. */
export const ELDER_CLASS = 'jf-elder'
/** Set once the home page has offered the mode to a person whose WeChat font is large (offered only once). */
export const ELDER_OFFERED_KEY = 'jf-elder-offered'

let current: boolean | null = null
const listeners = new Set<(on: boolean) => void>()

function read(key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

function write(key: string, value: boolean): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // Storage full or refused: the mode still holds for this run.
  }
}

export function isElderMode(): boolean {
  if (current === null) current = read(ELDER_KEY) === true
  return current
}

/** H5 marks `<html>`, so every page, the tab bar and NutUI's pop-ups (mounted on body) take the tokens. */
export function markRoot(on: boolean = isElderMode()): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle(ELDER_CLASS, on)
}

export function setElderMode(on: boolean): void {
  current = on
  write(ELDER_KEY, on)
  markRoot(on)
  listeners.forEach((l) => l(on))
}

/** Told of every switch (the mini-program's open pages re-bind their root, src/utils/elderPages.ts). Returns the unsubscribe. */
export function onElderModeChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Whether 长辈模式 is on, re-rendering when it is switched anywhere (我的, the home page's offer). */
export function useElderMode(): boolean {
  const [on, setOn] = useState(isElderMode)
  useEffect(() => {
    setOn(isElderMode())
    return onElderModeChange(setOn)
  }, [])
  return on
}

/** The root class for a page's top view: `jf-elder` when the mode is on (the mini-program has no `<html>`). */
export function elderClass(on: boolean): string {
  return on ? ELDER_CLASS : ''
}

export function elderOffered(): boolean {
  return read(ELDER_OFFERED_KEY) === true
}

export function markElderOffered(): void {
  write(ELDER_OFFERED_KEY, true)
}

interface FontInfo {
  fontSizeScaleFactor?: number
  fontSizeSetting?: number
}

/**
 * WeChat's own font size as a factor of the standard (1 = standard). Newer base libraries give
 * fontSizeScaleFactor in getAppBaseInfo (Taro's types lack it); older ones only fontSizeSetting in px,
 * where 16 is Android's standard and 17 iOS's. H5 has neither: 1.
 */
export function wechatFontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  let info: FontInfo = {}
  try {
    const t = Taro as unknown as { getAppBaseInfo?: () => FontInfo; getSystemInfoSync: () => FontInfo }
    info = t.getAppBaseInfo?.() ?? t.getSystemInfoSync()
  } catch {
    return 1
  }
  return fontScaleOf(info)
}

export function fontScaleOf(info: FontInfo): number {
  if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor
  if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return Math.max(1, info.fontSizeSetting / 17)
  return 1
}

/** Large enough to offer 长辈模式: WeChat's 大 and above (about 1.15× the standard). */
export function wantsLargeText(scale: number): boolean {
  return scale >= 1.15
}
