import { Text, View } from '@tarojs/components'
import type { AnnouncementView } from '../../contracts/api'
import { formatFull, formatInstant } from '../../core/time'
import { excerpt, typeLabel } from '../../utils/grid/announcements'
import { a11y } from '../../utils/a11y'
import './index.css'

// Each kind's tag in a shared tint; a plain notice is info blue.
const TYPE_TINT: Record<string, string> = { activity: 'jf-tint-success', reminder: 'jf-tint-warning', emergency: 'jf-tint-danger' }

interface Props {
  ann: AnnouncementView
  /** A pinned unread emergency: drawn with the red 紧急 banner above the list. */
  pinned?: boolean
  expanded: boolean
  onToggle: (ann: AnnouncementView) => void
}

/**
 * One announcement row: collapsed to a line of its text, tapped open in place (the list keeps the
 * reader's scroll position, which a separate page would lose).
 */
export default function GridAnnouncement({ ann, pinned, expanded, onToggle }: Props) {
  const short = excerpt(ann.body)
  // A notice that fits in the collapsed line has nothing more to unfold.
  const long = short !== ann.body.trim()
  return (
    <View
      className={`jf-ann ${pinned ? 'jf-ann-pinned' : ''} ${ann.read ? '' : 'is-unread'} ${expanded ? 'is-open' : ''}`}
      data-id={ann.id}
      data-type={ann.type}
      data-read={ann.read ? '1' : '0'}
      data-open={expanded ? '1' : '0'}
      // A tap marks it read and, when long, unfolds the rest: a button, its words its name.
      {...a11y('button', long ? { label: `${ann.title}，${expanded ? '收起' : '展开全文'}` } : {})}
      onClick={() => onToggle(ann)}
    >
      {pinned && (
        <View className='jf-ann-banner'>
          <Text className='jf-emergency-tag jf-ann-banner-tag'>紧急</Text>
          <Text className='jf-ann-banner-text'>{ann.read ? '紧急通知' : '未读紧急通知，请立即查看'}</Text>
        </View>
      )}
      <View className='jf-ann-head'>
        <Text className={`jf-ann-type jf-ann-type-${ann.type} ${TYPE_TINT[ann.type] ?? 'jf-tint-info'}`}>{typeLabel(ann)}</Text>
        <Text className='jf-ann-title'>{ann.title}</Text>
        {!ann.read && <View className='jf-ann-dot' {...a11y('img', { label: '未读' })} />}
      </View>
      <Text className='jf-ann-body'>{expanded ? ann.body : short}</Text>
      <View className='jf-ann-meta'>
        <Text>
          {ann.authorName}
          {ann.scopeLabel ? ` · ${ann.scopeLabel}` : ''}
        </Text>
        <Text>{expanded ? formatFull(ann.publishedAt) : formatInstant(ann.publishedAt)}</Text>
      </View>
      {long && <Text className='jf-ann-toggle'>{expanded ? '收起' : '展开全文'}</Text>}
    </View>
  )
}
