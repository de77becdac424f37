import { TINY_JPEG, reportInput } from './fixtures'
import type { Client } from './server'

export async function photo(c: Client): Promise<string> {
  const r = await c.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
  if (!r.ok) throw new Error(`upload failed: ${r.message}`)
  return r.fileId
}

export async function submitReport(c: Client, overrides: Record<string, unknown> = {}): Promise<any> {
  const r = await c.call('reports', 'submit', reportInput(overrides))
  if (!r.ok) throw new Error(`submit failed: ${r.code} ${r.message}`)
  return r.case
}

/** Runs one staff move with the case's current version. */
export async function move(c: Client, id: string, action: string, extra: Record<string, unknown> = {}): Promise<any> {
  const cur = await c.call('cases', 'get', { id })
  if (!cur.ok) return cur
  return c.call('cases', 'act', { id, action, version: cur.case.version, ...extra })
}

export async function advance(url: string, hours: number): Promise<any> {
  const res = await fetch(`${url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceHours: hours }) })
  return res.json()
}
