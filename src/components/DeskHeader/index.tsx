import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOME_URL } from '../../api'

export interface DeskPage {
  key: string
  title: string
  url: string
}

interface Props {
  /** DOM id of the bar; its nav links get `${navIdPrefix}-${key}`. */
  id: string
  navIdPrefix: string
  className?: string
  logo: string
  title: string
  sub: string
  pages: readonly DeskPage[]
  current: string
  who?: string
  homeId?: string
}

/** Shared top bar of the H5 desk pages (综治中心, 区级管理): brand, view links, who is signed in, way home. */
export default function DeskHeader({ id, navIdPrefix, className, logo, title, sub, pages, current, who, homeId }: Props) {
  return (
    <View className={className ? `jf-ch ${className}` : 'jf-ch'} id={id}>
      <View className='jf-ch-brand'>
        <Text className='jf-ch-logo'>{logo}</Text>
        <View className='jf-ch-titles'>
          <Text className='jf-ch-title'>{title}</Text>
          <Text className='jf-ch-sub'>{sub}</Text>
        </View>
      </View>
      <View className='jf-ch-nav'>
        {pages.map((p) => (
          <Text
            key={p.key}
            id={`${navIdPrefix}-${p.key}`}
            className={`jf-ch-link ${current === p.key ? 'is-active' : ''}`}
            onClick={() => current !== p.key && void Taro.redirectTo({ url: p.url })}
          >
            {p.title}
          </Text>
        ))}
      </View>
      <View className='jf-ch-user'>
        {who && <Text className='jf-ch-who'>{who}</Text>}
        <Text className='jf-ch-home' id={homeId} onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
          返回首页
        </Text>
      </View>
    </View>
  )
}
