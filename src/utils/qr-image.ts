import qrcode from 'qrcode-generator'

/**
 * A QR code of `text` as a GIF data URL, drawn in plain JS: the mini-program shows it in an
 * <image> with no canvas and no network. Level M survives a scuffed sticker on a stairwell wall.
 */
export function qrDataUrl(text: string, cellSize = 8, margin = 4): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  return qr.createDataURL(cellSize, margin)
}

/** The server's SVG as an image source, so no markup from the answer is put into the page. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
