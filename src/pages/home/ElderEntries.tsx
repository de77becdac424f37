import { Text, View } from '@tarojs/components'
import Icon from '../../components/Icon'
import { openPage } from '../../utils/open-page'
import { ELDER_ENTRIES } from './entries'
import { a11y } from '../../utils/a11y'

interface Props {
  /** Whether the rest of the home page shows under 更多. */
  more: boolean
  onMore: () => void
}

/** 长辈模式's home page: four large entries, one a row, each an icon with its name; then 更多 for everything else. */
export default function ElderEntries({ more, onMore }: Props) {
  return (
    <View className='jf-home-big' id='jf-home-elder'>
      {ELDER_ENTRIES.map((e) => (
        <View key={e.id} id={e.id} className={`jf-home-big-entry ${e.id === 'jf-elder-help' ? 'is-help' : ''}`} {...a11y('link')} onClick={() => openPage(e.url)}>
          <View className='jf-home-entry-icon'>
            <Icon name={e.icon} />
          </View>
          <Text className='jf-home-big-title'>{e.title}</Text>
        </View>
      ))}
      <View className='jf-home-more' id='jf-home-more' data-open={more ? '1' : '0'} {...a11y('button', { label: more ? '收起更多服务' : '更多服务' })} onClick={onMore}>
        <Text>{more ? '收起' : '更多'}</Text>
      </View>
    </View>
  )
}
