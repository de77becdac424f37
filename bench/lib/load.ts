/** autocannon with a fresh body per request and a count of refused answers ({ ok: false }). */
import autocannon from 'autocannon'

export interface CannonOptions {
  url: string
  connections: number
  seconds: number
  body(): string
  token(): string
  /** Parse every answer and count `{ ok: false }` ones (costs the client a little). */
  checkBody?: boolean
}

export interface CannonResult {
  rps: number
  p50: number
  p99: number
  max: number
  requests: number
  non2xx: number
  errors: number
  refused: number
  firstRefusal: string | null
}

export async function cannon(o: CannonOptions): Promise<CannonResult> {
  let refused = 0
  let firstRefusal: string | null = null
  const r = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: o.body(), headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token()}` } }),
        ...(o.checkBody
          ? {
              onResponse: (_status: number, body: string) => {
                if (body.startsWith('{"ok":false')) {
                  refused++
                  firstRefusal ??= body.slice(0, 200)
                }
              },
            }
          : {}),
      },
    ],
  })
  return {
    rps: r.requests.total / o.seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    refused,
    firstRefusal,
  }
}
