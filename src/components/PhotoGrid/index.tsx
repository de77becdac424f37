import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PhotoView } from '../../contracts/api'
import './index.css'

/** Read-only thumbnails; a tap opens the platform's full-screen preview. */
export default function PhotoGrid({ photos, className }: { photos: PhotoView[]; className?: string }) {
  if (!photos.length) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className={`jf-photo-grid ${className ?? ''}`}>
      {photos.map((p) => (
        <View key={p.fileId} className='jf-photo-cell' onClick={() => void Taro.previewImage({ urls, current: p.url })}>
          <Image className='jf-photo-img' src={p.url} mode='aspectFill' lazyLoad />
        </View>
      ))}
    </View>
  )
}
