import { Text, View } from '@tarojs/components'
import Icon from '../../components/Icon'
import type { Earned } from '../../core/earnedRoles'
import type { Role } from '../../core/roles'
import { openPage } from '../../utils/open-page'
import { HELP_URL, INBOX_URL, badgeText, mainEntries, type HomeEntry } from './entries'
import { a11y } from '../../utils/a11y'

const go = openPage

interface Props {
  /** The red 一键求助 button (长辈模式 has its own large entry for it). */
  help: boolean
  roles: readonly Role[]
  earned: readonly Earned[]
  unread: number
  work: readonly HomeEntry[]
}

/** The home page's cards: 一键求助, everyone's entries, 消息 and the work tiles (in 长辈模式, behind 更多). */
export default function HomeCards({ help, roles, earned, unread, work }: Props) {
  return (
    <>
      {help && (
        <View className='jf-home-help' id='jf-entry-help' {...a11y('link')} onClick={() => go(HELP_URL)}>
          <View className='jf-home-help-icon'>
            <Icon name='siren' />
          </View>
          <View className='jf-home-help-body'>
            <Text className='jf-home-help-title'>一键求助</Text>
            <Text className='jf-home-help-hint'>邻里纠纷、家庭矛盾，社区值班人员马上响应</Text>
          </View>
        </View>
      )}

      <View className='jf-home-entries'>
        {mainEntries(roles, earned).map((e) => (
          <View key={e.id} id={e.id} className='jf-home-entry' {...a11y('link')} onClick={() => go(e.url)}>
            <View className='jf-home-entry-icon'>
              <Icon name={e.icon} />
            </View>
            <Text className='jf-home-entry-title'>{e.title}</Text>
            <Text className='jf-home-entry-hint'>{e.hint}</Text>
          </View>
        ))}
      </View>

      <View className='jf-card jf-home-inbox' id='jf-entry-inbox' {...a11y('link')} onClick={() => go(INBOX_URL)}>
        <View className='jf-home-inbox-icon'>
          <Icon name='message' />
        </View>
        <View className='jf-home-inbox-body'>
          <Text className='jf-home-inbox-title'>消息</Text>
          <Text className='jf-home-entry-hint'>办理进度、分派与超时提醒</Text>
        </View>
        {badgeText(unread) && (
          <Text className='jf-home-badge' id='jf-inbox-badge' data-unread={unread}>
            {badgeText(unread)}
          </Text>
        )}
        <Text className='jf-home-arrow'>›</Text>
      </View>

      {work.length > 0 && (
        <View className='jf-card jf-home-work' id='jf-home-work'>
          <Text className='jf-section-title'>工作台</Text>
          <View className='jf-home-work-grid'>
            {work.map((e) => (
              <View key={e.id} id={e.id} className='jf-home-tile' {...a11y('link')} onClick={() => go(e.url)}>
                <View className='jf-home-tile-icon'>
                  <Icon name={e.icon} />
                </View>
                <View className='jf-home-tile-body'>
                  <Text className='jf-home-tile-title'>{e.title}</Text>
                  <Text className='jf-home-tile-hint'>{e.hint}</Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      )}
    </>
  )
}
