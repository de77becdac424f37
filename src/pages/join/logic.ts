/** An invitation code from what was typed, scanned or linked: `pages/join/index?code=…`, spaces, dashes, case. */
export function codeFrom(raw: string): string {
  const fromPath = /[?&]code=([^&#]+)/.exec(raw)
  const text = fromPath ? decodeURIComponent(fromPath[1]!) : raw
  return text.replace(/[\s-]/g, '').toUpperCase().slice(0, 32)
}
