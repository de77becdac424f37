import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { BoardView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { QR_HINTS, QR_STATUS_LABELS, qrRemainingText } from '../../utils/gridwork/labels'
import { a11y } from '../../utils/a11y'
import '../GridWorkKit/kit.css'
import './index.css'

interface Props {
  board: BoardView
  onChanged: (board: BoardView) => void
}

/**
 * The grid's WeChat group QR code: WeChat stops honouring it 7 days after it was generated, so the
 * worker sees how long it has left and replaces it with a fresh screenshot of the group code.
 */
export default function GridWorkQr({ board, onChanged }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const status = board.qrStatus

  const upload = async () => {
    if (busy) return
    let path: string
    try {
      const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      path = r.tempFilePaths[0] ?? ''
    } catch {
      return // Cancelled by the user.
    }
    if (!path) return
    setBusy(true)
    setError('')
    const up = await api.uploadPhoto(path)
    if (!up.ok) {
      setBusy(false)
      setError(up.message)
      void Taro.showToast({ title: up.message, icon: 'none' })
      return
    }
    const r = await api.call('grid.setQr', { code: board.grid.code, fileId: up.fileId })
    setBusy(false)
    if (r.ok) {
      onChanged(r.board)
      void Taro.showToast({ title: '群二维码已更新', icon: 'success' })
    } else {
      setError(r.message)
      void Taro.showToast({ title: r.message, icon: 'none' })
    }
  }

  const preview = () => board.qr && void Taro.previewImage({ urls: [board.qr.url], current: board.qr.url })

  return (
    <View className={`jf-card jf-gw-qr is-${status}`} id='jf-gw-qr'>
      <View className='jf-gw-qr-top'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>微信群二维码</Text>
        <Text className='jf-gw-qr-tag' id='jf-gw-qr-status' data-status={status}>
          {QR_STATUS_LABELS[status]}
        </Text>
      </View>
      <View className='jf-gw-qr-body'>
        {board.qr ? (
          <Image className='jf-gw-qr-img' id='jf-gw-qr-img' src={board.qr.url} mode='aspectFit' {...a11y('button', { label: '查看网格二维码大图' })} onClick={preview} />
        ) : (
          <View className='jf-gw-qr-img jf-gw-qr-none'>
            <Text>暂无</Text>
          </View>
        )}
        <View className='jf-gw-qr-info'>
          {board.qr && (
            <>
              <Text className='jf-gw-qr-expiry' id='jf-gw-qr-expiry'>
                有效期至 {formatFull(board.qr.expiresAt)}
              </Text>
              <Text className='jf-gw-qr-left'>{qrRemainingText(board.qr.expiresAt, new Date())}</Text>
            </>
          )}
          <Text className={`jf-gw-qr-hint ${status === 'expiring' || status === 'expired' ? 'is-alert' : ''}`} id='jf-gw-qr-hint'>
            {QR_HINTS[status]}
          </Text>
        </View>
      </View>
      {error && (
        <View className='jf-gw-qr-error'>
          <Text>{error}</Text>
        </View>
      )}
      <View className='jf-gw-actions'>
        <Button id='jf-gw-qr-upload' size='small' type='primary' fill={status === 'valid' ? 'outline' : 'solid'} loading={busy} onClick={() => void upload()}>
          {busy ? '正在上传…' : board.qr || status === 'expired' ? '更新二维码' : '上传二维码'}
        </Button>
      </View>
    </View>
  )
}
