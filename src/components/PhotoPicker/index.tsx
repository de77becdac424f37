import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DraftPhoto } from '../../utils/report-draft'
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
      {photos.map((p) => (
        <View key={p.key} className='jf-photo-cell jf-photo' data-state={p.state}>
          <Image className='jf-photo-img' src={p.localPath} mode='aspectFill' onClick={() => preview(p)} />
          {p.state === 'uploading' && (
            <View className='jf-photo-mask'>
              <Text>上传中…</Text>
            </View>
          )}
          {p.state === 'failed' && (
            <View className='jf-photo-mask jf-photo-retry' onClick={() => onRetry(p.key)}>
              <Text>上传失败</Text>
              <Text className='jf-photo-retry-link'>点击重试</Text>
            </View>
          )}
          <View className='jf-photo-remove' onClick={() => onRemove(p.key)}>
            <Text>×</Text>
          </View>
        </View>
      ))}
      {remaining > 0 && (
        <View className='jf-photo-cell jf-photo-add' id='jf-photo-add' onClick={() => void pick()}>
          <Text className='jf-photo-add-plus'>+</Text>
          <Text className='jf-photo-add-text'>{photos.length ? `${photos.length}/${max}` : '添加照片'}</Text>
        </View>
      )}
    </View>
  )
}
