import { Image } from '@tarojs/components'
import type { ShareCodeView } from '../../contracts/shareCode'
import { a11y } from '../../utils/a11y'
import { qrDataUrl, svgDataUrl } from '../../utils/qr-image'

/**
 * A printable code: the 小程序码 image, or (locally, no WeChat) the QR of the H5 link — the
 * server's SVG on H5, drawn from the link in the mini-program (no markup from an answer in a page).
 */
export function shareCodeSrc(qr: ShareCodeView): string {
  if (qr.kind === 'wxacode') return qr.image
  return process.env.TARO_ENV === 'h5' ? svgDataUrl(qr.svg) : qrDataUrl(qr.link)
}

/** `label`: what the code opens, read out in place of the picture (「楼栋登记二维码」); by default what kind of code it is. */
export default function ShareCode({ qr, id, className, label }: { qr: ShareCodeView; id: string; className?: string; label?: string }) {
  const name = label ?? (qr.kind === 'wxacode' ? '小程序码' : '二维码')
  return <Image className={className} id={id} src={shareCodeSrc(qr)} mode='aspectFit' showMenuByLongpress data-kind={qr.kind} {...a11y('img', { label: name })} />
}
