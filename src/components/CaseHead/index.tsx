import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PhotoView } from '../../contracts/api'
import CaseNumber from '../CaseNumber'
import PhotoGrid from '../PhotoGrid'
import StatusTag from '../StatusTag'
import WaitingHint from '../WaitingHint'
import type { Reader } from '../../utils/waitingOn'
import '../QueueRow/index.css'
import './index.css'

interface Props {
  /** The page's own class on the card (its tests and local tweaks), e.g. `jf-detail-head`. */
  className: string
  c: { categoryName: string; status: string; statusLabel: string; photos: PhotoView[]; number?: string | null }
  description: string
  /** Attributes of the description line the tests read (`id`, `data-published`) and its extra classes. */
  descriptionProps?: { id: string; className?: string } & Record<`data-${string}`, string>
  /** Wraps the photos in an element with this id and their count, for the tests. */
  photosId?: string
  /** Under the photos: when it was reported, its deadline. */
  children?: ReactNode
  /** Who reads it, for the line on whom the status waits (等待网格员受理); none on the public view. */
  waiting?: Reader
}

/** The top card of a case, laid out as a queue row is: its category and status tag, what was reported, and its photos. */
export default function CaseHead({ className, c, description, descriptionProps = { id: 'jf-case-description' }, photosId, children, waiting }: Props) {
  const { className: descClass = '', ...descAttrs } = descriptionProps
  const photos = <PhotoGrid photos={c.photos} className='jf-case-head-photos' />
  return (
    <View className={`jf-card jf-queue-row jf-case-head ${className}`}>
      <View className='jf-queue-row-head jf-case-head-row'>
        <Text className='jf-case-head-category'>{c.categoryName}</Text>
        <StatusTag status={c.status} label={c.statusLabel} />
      </View>
      <CaseNumber value={c.number} label='编号' id='jf-case-number' className='jf-queue-row-number' />
      {waiting && <WaitingHint kind='report' status={c.status} reader={waiting} className='jf-case-waiting' />}
      <Text className={`jf-case-head-desc ${descClass}`} {...descAttrs}>
        {description}
      </Text>
      {photosId ? (
        <View id={photosId} data-count={c.photos.length}>
          {photos}
        </View>
      ) : (
        photos
      )}
      {children}
    </View>
  )
}
