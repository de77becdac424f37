import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PhotoView } from '../../contracts/api'
import { a11y, decorative } from '../../utils/a11y'
import './index.css'

/** Read-only thumbnails; a tap opens the platform's full-screen preview. */
export default function PhotoGrid({ photos, className }: { photos: PhotoView[]; className?: string }) {
  if (!photos.length) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className={`jf-photo-grid ${className ?? ''}`}>
      {photos.map((p, i) => (
        <View key={p.fileId} className='jf-photo-cell' {...a11y('button', { label: `查看第 ${i + 1} 张照片，共 ${photos.length} 张` })} onClick={() => void Taro.previewImage({ urls, current: p.url })}>
          <Image className='jf-photo-img' src={p.url} mode='aspectFill' lazyLoad {...decorative} />
        </View>
      ))}
    </View>
  )
}
