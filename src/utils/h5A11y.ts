/**
 * H5 only (required by app.ts on H5): what the browser needs that the mini-program's components do not give
 * it. Each page Taro's router adds (.taro_page) scrolls inside itself, so a page with nothing
 * focusable on it (隐私政策, a case read top to bottom) could not be scrolled from the keyboard: each page is
 * made a focus stop (axe: scrollable-region-focusable). NutUI's Taro widgets (Switch, Checkbox, Radio, the
 * close buttons of Dialog and Popup, Toast) name their role with WeChat's `aria-role`, which browsers do not
 * know (axe: aria-valid-attr; their aria-checked is then not allowed either): it becomes `role` here. Taro's
 * Image draws an <img> inside its own element, which keeps the name given to the Image (aria-label, through
 * utils/a11y) to itself: the <img> takes it as its alt (a decorative Image's <img> an empty one). A tap-only
 * View given a control's role (utils/a11y) becomes a focus stop that Enter and Space press, as a button would.
 */
const TAP_ROLES = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option'])
const NATIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY'])

const tapOnly = (el: Element) => TAP_ROLES.has(el.getAttribute('role') ?? '') && !NATIVE.has(el.tagName)

function altFromHost(img: Element): void {
  const host = img.parentElement
  if (!host || img.getAttribute('alt')) return
  const label = host.getAttribute('aria-label')
  if (label) img.setAttribute('alt', label)
  else if (host.getAttribute('aria-hidden') === 'true') img.setAttribute('alt', '')
}

function fix(el: Element): void {
  if (el.classList.contains('taro_page') && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  if (el.tagName === 'IMG') return altFromHost(el)
  if (el.tagName === 'TARO-IMAGE-CORE') el.querySelectorAll(':scope > img').forEach(altFromHost)
  const role = el.getAttribute('aria-role')
  if (role !== null) {
    if (!el.hasAttribute('role')) el.setAttribute('role', role)
    el.removeAttribute('aria-role')
  }
  if (tapOnly(el) && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
}

/** Enter (and Space, but for a link) on a focused tap-only control taps it. */
function press(e: KeyboardEvent): void {
  const t = e.target
  if (!(t instanceof HTMLElement) || !tapOnly(t) || e.altKey || e.ctrlKey || e.metaKey) return
  if (e.key !== 'Enter' && !(e.key === ' ' && t.getAttribute('role') !== 'link')) return
  e.preventDefault()
  t.click()
}

function fixTree(n: Node): void {
  if (!(n instanceof Element)) return
  fix(n)
  n.querySelectorAll('.taro_page, [aria-role], [role], img:not([alt])').forEach(fix)
}

export function browserA11y(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  const start = () => {
    fixTree(document.body)
    new MutationObserver((changes) => {
      for (const c of changes) {
        if (c.type === 'attributes') fix(c.target as Element)
        else c.addedNodes.forEach(fixTree)
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-role', 'role', 'aria-label'] })
    document.addEventListener('keydown', press)
  }
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start, { once: true })
}
