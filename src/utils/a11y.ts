/**
 * Accessible role, name and state for Views, Texts and Images that act like controls or say something a
 * screen reader must hear. Browsers read `role`; WeChat reads `aria-role` (role is not one of its ARIA
 * attributes), and the other aria-* attributes reach the mini-program's WXML through config/aria. States
 * are written as 'true' / 'false' so both readers see the same words.
 */
export type TapRole = 'button' | 'link' | 'tab' | 'checkbox' | 'radio' | 'switch'
export type Role = TapRole | 'heading' | 'img' | 'status' | 'alert' | 'tablist' | 'radiogroup' | 'group' | 'navigation'

export interface AriaState {
  /** The name read out; without it the words inside are read. Chinese, like every text on screen. */
  label?: string
  checked?: boolean
  /** Roles tab / option only (elsewhere axe calls it a misuse); a link to the page showing uses `current`. */
  selected?: boolean
  /** A link to the page showing (browsers; WeChat has no aria-current and drops it). */
  current?: boolean
  disabled?: boolean
  /** Heading level (role 'heading'): 1 for a page's title, 2 for a section's. */
  level?: number
  /** Announce changes inside (role 'status' is polite by itself; WeChat needs the attribute). */
  live?: 'polite' | 'assertive'
}

export type AriaProps = Record<string, string | number>

const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'true' : 'false')

export function a11y(role: Role, s: AriaState = {}): AriaProps {
  const out: Record<string, string | number | undefined> = {
    [process.env.TARO_ENV === 'weapp' ? 'aria-role' : 'role']: role,
    'aria-label': s.label,
    'aria-checked': flag(s.checked),
    'aria-selected': flag(s.selected),
    'aria-current': s.current ? 'page' : undefined,
    'aria-disabled': flag(s.disabled),
    'aria-level': s.level,
    'aria-live': s.live,
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k]
  return out as AriaProps
}

/** For what only decorates (an icon beside its words, a divider glyph): screen readers skip it. */
export const decorative: AriaProps = { 'aria-hidden': 'true' }
