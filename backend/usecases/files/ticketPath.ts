import { createHash, randomBytes } from 'node:crypto'
import { fileStamp } from '../../../src/core/time'
import type { ImageType } from '../../ports'

const EXT: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** The only paths a ticket hands out: `photos/<Shanghai date>/<32 random hex>.<ext>`. */
export const TICKET_PATH = /^photos\/\d{8}\/[0-9a-f]{32}\.(?:jpg|png|webp)$/

/** What the store keeps of a ticket's path: its hash, never the path itself. */
export const hashPath = (path: string) => createHash('sha256').update(`upload-ticket:${path}`).digest('hex')

/** A fresh random path of the TICKET_PATH shape for one photo of `contentType`. */
export function newTicketPath(now: Date, contentType: ImageType): string {
  return `photos/${fileStamp(now)}/${randomBytes(16).toString('hex')}.${EXT[contentType]}`
}
