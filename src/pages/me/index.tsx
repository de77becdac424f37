import { Image, Text, View } from '@tarojs/components'
import TabBar from '../../components/TabBar'
import { useTabPage } from '../../hooks/useTabPage'
import { setElderMode, useElderMode } from '../../utils/elder'
import { openPage } from '../../utils/open-page'
import { useSession } from '../../hooks/useSession'
import { PRIVACY_URL, PROFILE_URL, avatarGlyph, mineRows, notifyHint, phoneLine } from './rows'
import { useMe } from './useMe'
import { a11y } from '../../utils/a11y'
import './index.css'

/** 我的: who I am here (to the profile page), what I have with us, notices, and my rights over my data. */
export default function Me() {
  const { state, reload, subscribe } = useMe()
  const session = useSession().state
  const roles = session.status === 'ready' ? session.me.roles.map((r) => r.role) : []
  useTabPage(2)
  const p = state.phase === 'ready' ? state.profile : null
  const elder = useElderMode()
  return (
    <View className='jf-page jf-tab-page jf-me'>
      <View className='jf-me-head jf-row' id='jf-me-profile' {...a11y('link', { label: p ? `我的资料：${p.displayName}` : '我的资料' })} onClick={() => openPage(PROFILE_URL)}>
        <View className='jf-me-avatar'>
          {p?.avatarUrl ? <Image className='jf-me-avatar-img' src={p.avatarUrl} mode='aspectFill' /> : <Text>{p ? avatarGlyph(p) : '我'}</Text>}
        </View>
        <View className='jf-me-who jf-col'>
          <Text className='jf-me-name' id='jf-me-name'>
            {p ? p.displayName : state.phase === 'loading' ? '正在加载…' : '我的资料'}
          </Text>
          <Text className='jf-me-phone' id='jf-me-phone'>
            {p ? phoneLine(p) : state.phase === 'error' ? state.message : ''}
          </Text>
        </View>
        <Text className='jf-me-arrow'>›</Text>
      </View>
      {state.phase === 'error' && (
        <View className='jf-me-retry' id='jf-me-retry' {...a11y('button')} onClick={() => void reload()}>
          <Text>重新加载</Text>
        </View>
      )}

      <View className='jf-card jf-me-list'>
        {mineRows(roles).map((r) => (
          <Row key={r.id} id={r.id} title={r.title} hint={r.hint} onTap={() => openPage(r.url)} />
        ))}
      </View>
      <View className='jf-card jf-me-list'>
        <View
          className='jf-me-row jf-row-between'
          id='jf-me-elder'
          {...a11y('switch', { label: '长辈模式', checked: elder })}
          data-on={elder ? '1' : '0'}
          onClick={() => setElderMode(!elder)}
        >
          <View className='jf-col jf-grow'>
            <Text className='jf-me-row-title'>长辈模式</Text>
            <Text className='jf-me-row-hint'>{elder ? '已开启：字大、按钮大，首页只留常用四项' : '字更大、按钮更大，首页只留常用四项'}</Text>
          </View>
          <View className={`jf-me-toggle ${elder ? 'is-on' : ''}`}>
            <Text className='jf-me-toggle-text'>{elder ? '开' : '关'}</Text>
          </View>
        </View>
        <Row id='jf-me-notify' title='消息通知设置' hint={notifyHint(process.env.TARO_ENV ?? '')} onTap={() => void subscribe()} />
        <Row id='jf-me-privacy' title='个人信息与隐私' hint='隐私保护指引、查阅与导出、注销账号' onTap={() => openPage(PRIVACY_URL)} />
      </View>
      {process.env.TARO_ENV === 'h5' && <TabBar current={2} />}
    </View>
  )
}

function Row({ id, title, hint, onTap }: { id: string; title: string; hint: string; onTap: () => void }) {
  return (
    <View className='jf-me-row jf-row-between' id={id} {...a11y('link')} onClick={onTap}>
      <View className='jf-col'>
        <Text className='jf-me-row-title'>{title}</Text>
        <Text className='jf-me-row-hint'>{hint}</Text>
      </View>
      <Text className='jf-me-arrow'>›</Text>
    </View>
  )
}
