import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../../api'
import LoadState from '../../../../components/LoadState'
import ShareCode from '../../../../components/ShareCode'
import type { BuildingView } from '../../../../contracts/rental'
import type { ShareCodeView } from '../../../../contracts/shareCode'
import '../../../../components/RentalKit/kit.css'
import './index.css'

type Load = { phase: 'loading' } | { phase: 'ready'; qr: ShareCodeView; building: BuildingView } | { phase: 'error'; message: string; retryable: boolean }

/**
 * The printable sheet for the stairwell: the building's check-in QR with its name and address.
 * On CloudBase a 小程序码 that opens check-in in WeChat; locally a QR of the H5 link.
 */
export default function BuildingQr() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [load, setLoad] = useState<Load>({ phase: 'loading' })

  const fetchQr = useCallback(async () => {
    setLoad({ phase: 'loading' })
    const r = await api.call('rental.buildingQr', { buildingId: id })
    if (!r.ok) return setLoad({ phase: 'error', message: r.message, retryable: r.retryable === true })
    setLoad({ phase: 'ready', qr: r.qr, building: r.building })
  }, [id])

  useEffect(() => {
    void fetchQr()
  }, [fetchQr])

  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在生成二维码…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-qr-error' onRetry={() => void fetchQr()} retryable={load.retryable} />

  const b = load.building
  const link = load.qr.kind === 'qr' ? load.qr.link : null
  const copy = () => {
    if (link) void Taro.setClipboardData({ data: link }).catch(() => Taro.showToast({ title: '复制失败，请截图保存二维码', icon: 'none' }))
  }
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print()
  }

  return (
    <View className='jf-page jf-qr-page' id='jf-building-qr' data-link={link ?? ''} data-code={b.code}>
      <View className='jf-card jf-qr-sheet' id='jf-qr-sheet'>
        <Text className='jf-qr-title'>出租屋实名登记</Text>
        <Text className='jf-qr-name'>{b.name}</Text>
        <Text className='jf-qr-address'>{b.address}</Text>
        <ShareCode className='jf-qr-img' id='jf-qr-img' qr={load.qr} label='楼栋租住登记码' />
        <Text className='jf-qr-hint'>租户请用微信扫码，填写实名登记信息，由楼栋长确认。{'\n'}所属网格：{b.gridName} · 楼栋长：{b.managerName}</Text>
      </View>
      <View className='jf-rental-actions jf-qr-noprint'>
        {link && (
          <Button id='jf-qr-copy' size='small' fill='outline' onClick={copy}>
            复制登记链接
          </Button>
        )}
        {process.env.TARO_ENV === 'h5' && (
          <Button id='jf-qr-print' size='small' type='primary' onClick={print}>
            打印二维码
          </Button>
        )}
      </View>
      {process.env.TARO_ENV !== 'h5' && <Text className='jf-rental-notice jf-qr-noprint'>长按二维码可保存到相册，再到打印店打印张贴。</Text>}
    </View>
  )
}
