import { sniffImageType } from '../../backend/usecases/files/photo'
import { TINY_JPEG } from '../support/fixtures'

describe('image sniffing', () => {
  it.each([
    ['jpeg', TINY_JPEG, 'image/jpeg'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['webp', Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['gif', Buffer.from('GIF89a'), null],
    ['html named .jpg', Buffer.from('<html>'), null],
    ['truncated png', Buffer.from([0x89, 0x50, 0x4e]), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected)
  })
})
