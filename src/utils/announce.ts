/**
 * H5 only: Taro's toasts and modals are plain divs a screen reader never hears (WeChat's own toast and
 * modal are native and are read out). Toast words go to one polite live region that exists before any
 * toast, so each one is announced; a modal gets the dialog role, its title as name, and its two choices
 * become buttons reachable by keyboard.
 */
export const LIVE_ID = 'jf-live'

// Visually hidden, still read (the usual clip pattern); inline so no stylesheet is needed.
const HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0'

function liveRegion(doc: Document): HTMLElement {
  const found = doc.getElementById(LIVE_ID)
  if (found) return found
  const live = doc.createElement('div')
  live.id = LIVE_ID
  live.setAttribute('role', 'status')
  live.setAttribute('aria-live', 'polite')
  live.setAttribute('style', HIDDEN)
  doc.body.appendChild(live)
  return live
}

function toastText(toast: HTMLElement): string {
  return toast.style.display === 'none' ? '' : (toast.textContent ?? '').trim()
}

/** Taro builds the modal once and reuses it; marking it again is harmless. */
function markModal(modal: HTMLElement): void {
  const box = modal.querySelector<HTMLElement>('.taro-modal__content')
  const title = modal.querySelector<HTMLElement>('.taro-modal__title')
  if (box) {
    box.setAttribute('role', 'alertdialog')
    box.setAttribute('aria-modal', 'true')
    if (title) {
      title.id = title.id || 'jf-modal-title'
      box.setAttribute('aria-labelledby', title.id)
    }
  }
  modal.querySelectorAll<HTMLElement>('.taro-model__btn').forEach((b) => {
    if (b.getAttribute('role') === 'button') return
    b.setAttribute('role', 'button')
    b.tabIndex = 0
    b.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        b.click()
      }
    })
  })
}

/** Starts watching the page body; returns the way to stop (tests). */
export function startAnnouncer(doc: Document = document): () => void {
  const live = liveRegion(doc)
  let said = ''
  const sayToast = (toast: HTMLElement) => {
    const text = toastText(toast)
    if (text && text !== said) {
      // Emptied first: the same words twice in a row (两次 已复制) are announced twice.
      live.textContent = ''
      setTimeout(() => (live.textContent = text), 50)
    }
    said = text
  }
  const watched = new WeakSet<Node>()
  const inner = new MutationObserver((records) => {
    for (const r of records) {
      const toast = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest<HTMLElement>('.taro__toast')
      if (toast) sayToast(toast)
    }
  })
  const scan = () => {
    doc.body.querySelectorAll<HTMLElement>(':scope > .taro__toast, :scope > .taro__modal').forEach((el) => {
      if (el.classList.contains('taro__modal')) markModal(el)
      if (watched.has(el)) return
      watched.add(el)
      if (el.classList.contains('taro__toast')) {
        inner.observe(el, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] })
        sayToast(el)
      }
    })
  }
  const outer = new MutationObserver(scan)
  outer.observe(doc.body, { childList: true })
  scan()
  return () => {
    outer.disconnect()
    inner.disconnect()
  }
}
