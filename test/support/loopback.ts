import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Loopback {
  /** The receiver's URL, at path `/door`. */
  url: string
  close(): Promise<void>
}

/**
 * An HTTP receiver on 127.0.0.1 (a free port), standing in for the door-access system: each
 * request's body is read whole, then `answer` replies (or, to play a hung receiver, does not).
 */
export async function loopbackReceiver(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<Loopback> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => answer(req, body, res))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/door`,
    async close() {
      server.closeAllConnections()
      await new Promise((ok) => server.close(ok))
    },
  }
}
