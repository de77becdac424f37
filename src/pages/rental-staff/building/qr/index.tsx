import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../../api'
import LoadState from '../../../../components/LoadState'
import type { BuildingView } from '../../../../contracts/rental'
import { qrDataUrl, svgDataUrl } from '../../../../utils/qr-image'
import '../../../../components/RentalKit/kit.css'
import './index.css'

type Load = { phase: 'loading' } | { phase: 'ready'; link: string; src: string; building: BuildingView } | { phase: 'error'; message: string }

/**
 * The printable sheet for the stairwell: the building's check-in QR with its name and address.
 * H5 shows the server's SVG and prints it; the mini-program draws the same link itself.
 */
export default function BuildingQr() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [load, setLoad] = useState<Load>({ phase: 'loading' })

  const fetchQr = useCallback(async () => {
    setLoad({ phase: 'loading' })
    const r = await api.call('rental.buildingQr', { buildingId: id })
    if (!r.ok) return setLoad({ phase: 'error', message: r.message })
    const src = process.env.TARO_ENV === 'h5' ? svgDataUrl(r.svg) : qrDataUrl(r.link)
    setLoad({ phase: 'ready', link: r.link, src, building: r.building })
  }, [id])

  useEffect(() => {
    void fetchQr()
  }, [fetchQr])

  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在生成二维码…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-qr-error' onRetry={() => void fetchQr()} />

  const b = load.building
  const copy = () => void Taro.setClipboardData({ data: load.link }).catch(() => Taro.showToast({ title: '复制失败，请截图保存二维码', icon: 'none' }))
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print()
  }

  return (
    <View className='jf-page jf-qr-page' id='jf-building-qr' data-link={load.link} data-code={b.code}>
      <View className='jf-card jf-qr-sheet' id='jf-qr-sheet'>
        <Text className='jf-qr-title'>出租屋实名登记</Text>
        <Text className='jf-qr-name'>{b.name}</Text>
        <Text className='jf-qr-address'>{b.address}</Text>
        <Image className='jf-qr-img' id='jf-qr-img' src={load.src} mode='aspectFit' showMenuByLongpress />
        <Text className='jf-qr-hint'>租户请用微信扫码，填写实名登记信息，由楼栋长确认。{'\n'}所属网格：{b.gridName} · 楼栋长：{b.managerName}</Text>
      </View>
      <View className='jf-rental-actions jf-qr-noprint'>
        <Button id='jf-qr-copy' size='small' fill='outline' onClick={copy}>
          复制登记链接
        </Button>
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
