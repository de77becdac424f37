import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DraftPhoto } from '../../utils/report-draft'
import { a11y, decorative } from '../../utils/a11y'
import '../PhotoGrid/index.css'
import './index.css'

interface Props {
  photos: DraftPhoto[]
  max: number
  onAdd: (paths: string[]) => void
  onRemove: (key: string) => void
  onRetry: (key: string) => void
}

/** Picked photos with their upload state; the add tile disappears at the limit. */
export default function PhotoPicker({ photos, max, onAdd, onRemove, onRetry }: Props) {
  const remaining = max - photos.length

  const pick = async () => {
    try {
      const r = await Taro.chooseImage({ count: remaining, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      onAdd(r.tempFilePaths.slice(0, remaining))
    } catch {
      // Cancelled by the user: nothing to do.
    }
  }

  const preview = (p: DraftPhoto) =>
    void Taro.previewImage({ urls: photos.map((x) => x.localPath), current: p.localPath })

  return (
    <View className='jf-photo-grid jf-photo-picker' id='jf-photos'>
      {photos.map((p, i) => (
        <View key={p.key} className='jf-photo-cell jf-photo' data-state={p.state}>
          <Image className='jf-photo-img' src={p.localPath} mode='aspectFill' {...a11y('button', { label: `查看第 ${i + 1} 张照片` })} onClick={() => preview(p)} />
          {p.state === 'uploading' && (
            <View className='jf-photo-mask' {...a11y('status', { live: 'polite' })}>
              <Text>上传中…</Text>
            </View>
          )}
          {p.state === 'failed' && (
            <View className='jf-photo-mask jf-photo-retry' {...a11y('button', { label: `第 ${i + 1} 张照片上传失败，点击重试` })} onClick={() => onRetry(p.key)}>
              <Text>上传失败</Text>
              <Text className='jf-photo-retry-link'>点击重试</Text>
            </View>
          )}
          <View className='jf-photo-remove' {...a11y('button', { label: `删除第 ${i + 1} 张照片` })} onClick={() => onRemove(p.key)}>
            <Text {...decorative}>×</Text>
          </View>
        </View>
      ))}
      {remaining > 0 && (
        <View className='jf-photo-cell jf-photo-add' id='jf-photo-add' {...a11y('button', { label: photos.length ? `添加照片，已选 ${photos.length} 张，最多 ${max} 张` : '添加照片' })} onClick={() => void pick()}>
          <Text className='jf-photo-add-plus' {...decorative}>+</Text>
          <Text className='jf-photo-add-text'>{photos.length ? `${photos.length}/${max}` : '添加照片'}</Text>
        </View>
      )}
    </View>
  )
}
