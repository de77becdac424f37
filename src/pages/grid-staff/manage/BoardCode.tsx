import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import ShareCode from '../../../components/ShareCode'
import type { ShareCodeView } from '../../../contracts/shareCode'

/**
 * The printable code of the grid's 公示牌, for the noticeboard and the building doors: residents
 * scan it with WeChat, read the board and ask to join the group. It never expires (unlike the
 * group's own QR above).
 */
export default function BoardCode({ code }: { code: string }) {
  const [qr, setQr] = useState<ShareCodeView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const make = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    const r = await api.call('grid.boardQr', { code })
    setBusy(false)
    if (r.ok) setQr(r.qr)
    else setError(r.message)
  }

  return (
    <View className='jf-card jf-gw-boardcode' id='jf-gw-boardcode'>
      <Text className='jf-section-title'>公示牌小程序码</Text>
      <Text className='jf-muted'>张贴在小区公告栏和楼道，居民用微信扫码即可查看公示牌、申请入群。长期有效。</Text>
      {qr ? (
        <ShareCode className='jf-gw-boardcode-img' id='jf-gw-boardcode-img' qr={qr} label='网格公示牌码' />
      ) : (
        <View className='jf-list-retry'>
          <Button id='jf-gw-boardcode-make' size='small' type='primary' fill='outline' loading={busy} onClick={() => void make()}>
            生成小程序码
          </Button>
        </View>
      )}
      {qr && process.env.TARO_ENV !== 'h5' && <Text className='jf-muted'>长按小程序码可保存到相册，再打印张贴。</Text>}
      {qr && process.env.TARO_ENV === 'h5' && (
        <View className='jf-list-retry'>
          <Button id='jf-gw-boardcode-print' size='small' onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
      {error && (
        <Text className='jf-gw-error' id='jf-gw-boardcode-error'>
          {error}
        </Text>
      )}
    </View>
  )
}
