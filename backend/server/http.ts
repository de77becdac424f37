import type { IncomingMessage, ServerResponse } from 'node:http'

export class BodyTooLarge extends Error {}

/**
 * The body, up to `limit` bytes. A declared Content-Length over the limit is refused before any
 * byte is read; a body that grows past it stops being read where it crossed.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge())
  // Listeners rather than `for await`: leaving that loop early destroys the request and its
  // socket, and the 413 could then never be sent.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        stop()
        req.pause()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (e: Error) => {
      stop()
      reject(e)
    }
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

/**
 * Answers 413 and ends the connection: the rest of the body is never read, so the socket cannot
 * be reused for another request.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body)
  // Taken now: once the answer is finished Node detaches the socket from the request.
  const socket = req.socket
  req.pause()
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    connection: 'close',
  })
  // Node would destroy the socket right after the answer, and closing it with the client's bytes
  // unread sends a reset that can reach the client before it reads the 413. Only the sending
  // half is closed; the rest of the body stays unread, and the socket goes a second later.
  socket.destroySoon = () => socket.end()
  res.end(text, () => setTimeout(() => socket.destroy(), 1000).unref())
}

/** The path with its %-escapes decoded, or null when they do not decode (`/%`, a cut UTF-8 sequence). */
export function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}
