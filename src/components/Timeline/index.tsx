import { Text, View } from '@tarojs/components'
import type { TimelineView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import PhotoGrid from '../PhotoGrid'
import './index.css'

/** The case's history, oldest first, so it reads like the story of the case; the newest dot is highlighted. */
export default function Timeline({ events }: { events: TimelineView[] }) {
  return (
    <View className='jf-timeline' id='jf-timeline'>
      {events.map((e, i) => (
        <View key={e.id} className={`jf-timeline-item ${i === events.length - 1 ? 'is-latest' : ''}`} data-action={e.action}>
          <View className='jf-timeline-rail'>
            <View className='jf-timeline-dot' />
            {i < events.length - 1 && <View className='jf-timeline-line' />}
          </View>
          <View className='jf-timeline-body'>
            <View className='jf-timeline-head'>
              <Text className='jf-timeline-action'>{e.actionLabel}</Text>
              <Text className='jf-timeline-status'>{e.toStatusLabel}</Text>
            </View>
            <Text className='jf-timeline-actor'>{e.actorLabel}</Text>
            {e.note && <Text className='jf-timeline-note'>{e.note}</Text>}
            <PhotoGrid photos={e.attachments} className='jf-timeline-photos' />
            <Text className='jf-timeline-time'>{formatFull(e.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
