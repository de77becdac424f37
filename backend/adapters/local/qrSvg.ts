import qrcode from 'qrcode-generator'

/** A scalable SVG QR code of `text` (error correction M), with `margin` cells of quiet zone. */
export function qrSvg(text: string, margin: number): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createSvgTag({ cellSize: 4, margin, scalable: true })
}
