/**
 * A printable code for a page: a 小程序码 image (CloudBase, scanned with WeChat) or, locally where
 * there is no WeChat, an ordinary QR of the page's H5 link (the SVG, and the link to copy).
 */
export type ShareCodeView = { kind: 'wxacode'; image: string; page: string; scene: string } | { kind: 'qr'; link: string; svg: string }
