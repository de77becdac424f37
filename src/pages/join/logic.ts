/**
 * An invitation code from what was typed, scanned or linked: `pages/join/index?code=…`, a scanned
 * 小程序码's `pages/join/index?scene=…`, spaces, dashes, case.
 */
export function codeFrom(raw: string): string {
  const fromPath = /[?&](?:code|scene)=([^&#]+)/.exec(raw)
  const text = fromPath ? decodeURIComponent(fromPath[1]!) : raw
  return text.replace(/[\s-]/g, '').toUpperCase().slice(0, 32)
}

/** The code a page was opened with: `?code=` (a link) or a 小程序码's `scene` (WeChat hands it over URL-encoded). */
export function codeFromParams(params: Record<string, string | undefined>): string {
  const raw = params.code ?? params.scene
  if (!raw) return ''
  let text = raw
  try {
    text = decodeURIComponent(raw)
  } catch {
    // A code is plain ASCII; a malformed escape is left for the person to correct.
  }
  return codeFrom(text)
}
