import { randomBytes } from 'node:crypto'

/** A real 1×1 JPEG (SOI … EOI), small enough to inline. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
)

/** A few ADTS frame headers: what a weapp RecorderManager AAC file (a voice note) starts with. */
export const TINY_AAC = Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc, 0xde, 0x04, 0x00, 0x00, 0x6c, 0x69, 0x62, 0x66, 0x61, 0x61, 0x63])

export function idemKey(): string {
  return randomBytes(12).toString('hex')
}

/** Centre of 云景社区第1网格 in the demo data. */
export const GRID1_POINT = { lng: 113.32025, lat: 23.181 }
export const GRID1_CODE = '440111010001001'
/** Centre of 云景社区第2网格. */
export const GRID2_POINT = { lng: 113.32475, lat: 23.181 }

export function reportInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    category: 'HJ01',
    description: '楼下垃圾堆了三天没人清理',
    photos: [] as string[],
    location: { ...GRID1_POINT, address: '云景路 12 号' },
    anonymous: false,
    ...overrides,
  }
}
