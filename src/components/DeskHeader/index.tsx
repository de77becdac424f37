import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOME_URL } from '../../api'
import { backStep } from '../../utils/desk'
import { a11y, decorative } from '../../utils/a11y'

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
  /** The way back (‹): to this desk list (its filters kept) with its label; without, back to the page below, else home. */
  back?: { url: string; label: string }
}

/**
 * Back to a desk list: the list page under this one comes back as it was left (its filters and rows
 * kept, and it reloads on show); opened on its own (a link, a reload), the list opens in place of this page.
 * Without a target, back to whatever is below, else home.
 */
export function goBack(target?: string): void {
  const step = backStep(Taro.getCurrentPages(), target)
  if (step === 'back') void Taro.navigateBack()
  else if (step === 'open') void Taro.redirectTo({ url: target! })
  else void Taro.reLaunch({ url: HOME_URL })
}

/**
 * Shared top bar of the H5 desk pages (综治中心, 区级管理, 调解台账): the way back, brand, view links, who is
 * signed in, way home. It is the desk page's title bar (the pages set navigationStyle 'custom'). Under
 * 760 px wide it wraps: brand and user on one line, the view links scrolling on the next.
 */
export default function DeskHeader({ id, navIdPrefix, className, logo, title, sub, pages, current, who, homeId, back }: Props) {
  const open = (p: DeskPage) => {
    if (back && p.url === back.url) goBack(back.url)
    else if (current !== p.key) void Taro.redirectTo({ url: p.url })
  }
  return (
    <View className={className ? `jf-ch ${className}` : 'jf-ch'} id={id}>
      <View className='jf-ch-brand'>
        <Text className='jf-ch-back' id={`${id}-back`} {...a11y('button', { label: back ? `返回${back.label}` : '返回' })} onClick={() => goBack(back?.url)}>
          ‹{back ? <Text className='jf-ch-back-label'> {back.label}</Text> : null}
        </Text>
        <Text className='jf-ch-logo' {...decorative}>{logo}</Text>
        <View className='jf-ch-titles'>
          <Text className='jf-ch-title' {...a11y('heading', { level: 1 })}>{title}</Text>
          <Text className='jf-ch-sub'>{sub}</Text>
        </View>
      </View>
      <View className='jf-ch-nav' {...a11y('navigation', { label: '页面' })}>
        {pages.map((p) => (
          <Text
            key={p.key}
            id={`${navIdPrefix}-${p.key}`}
            className={`jf-ch-link ${current === p.key ? 'is-active' : ''}`}
            {...a11y('link', { current: current === p.key })}
            onClick={() => open(p)}
          >
            {p.title}
          </Text>
        ))}
      </View>
      <View className='jf-ch-user'>
        {who && <Text className='jf-ch-who'>{who}</Text>}
        <Text className='jf-ch-home' id={homeId} {...a11y('link')} onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
          返回首页
        </Text>
      </View>
    </View>
  )
}
