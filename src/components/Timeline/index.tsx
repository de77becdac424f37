import { Text, View } from '@tarojs/components'
import type { TimelineView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import PhotoGrid from '../PhotoGrid'
import './index.css'

const MARK = { public: '公开', internal: '内部' } as const

/**
 * The case's history, oldest first, so it reads like the story of the case; the newest dot is highlighted.
 * Not NutUI's Steps: four subpackages show a timeline, so it sits in the main package, where Steps and
 * Step would add about 3 KB of script and 11.7 KB of style (minified) for rows that still need our own body.
 * `marks`: staff see on each row whether residents can read it (公开) or not (内部).
 */
export default function Timeline({ events, marks = false }: { events: TimelineView[]; marks?: boolean }) {
  return (
    <View className='jf-timeline' id='jf-timeline'>
      {events.map((e, i) => (
        <View
          key={e.id}
          className={`jf-timeline-item ${i === events.length - 1 ? 'is-latest' : ''}`}
          data-action={e.action}
          data-visibility={e.visibility ?? 'internal'}
        >
          <View className='jf-timeline-rail'>
            <View className='jf-timeline-dot' />
            {i < events.length - 1 && <View className='jf-timeline-line' />}
          </View>
          <View className='jf-timeline-body'>
            <View className='jf-timeline-head'>
              <View className='jf-timeline-title'>
                <Text className='jf-timeline-action'>{e.actionLabel}</Text>
                {marks && (
                  <Text className={`jf-timeline-mark is-${e.visibility === 'public' ? 'public' : 'internal'}`}>
                    {MARK[e.visibility === 'public' ? 'public' : 'internal']}
                  </Text>
                )}
              </View>
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
