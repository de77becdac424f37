import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { AnnouncementView } from '../../contracts/api'
import { firstEmergency, NEWS_URL } from '../../utils/grid/emergency'
import { a11y } from '../../utils/a11y'
import './index.css'

/**
 * The red bar at the top of the home page while one of my grids has an unread emergency. It says
 * nothing otherwise: no grid joined, not a resident, offline, a failed call — all render nothing.
 */
export default function GridEmergencyBanner() {
  const [ann, setAnn] = useState<AnnouncementView | null>(null)
  const busy = useRef(false)
  const last = useRef(0)

  const load = useCallback(async () => {
    // The mount and the page's first onShow arrive together; one call is enough.
    if (busy.current || Date.now() - last.current < 1500) return
    busy.current = true
    last.current = Date.now()
    try {
      const r = await api.call('grid.announcements', { limit: 1 })
      setAnn(r.ok ? firstEmergency(r.pinned) : null)
    } catch {
      setAnn(null)
    } finally {
      busy.current = false
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  // Back from the news page after reading it: the bar goes.
  useDidShow(() => void load())

  if (!ann) return null
  return (
    <View
      className='jf-grid-emergency'
      id='jf-grid-emergency'
      data-id={ann.id}
      {...a11y('link', { label: `紧急通知：${ann.title}，查看` })}
      onClick={() => void Taro.navigateTo({ url: NEWS_URL }).catch(() => undefined)}
    >
      <Text className='jf-emergency-tag jf-grid-emergency-tag'>紧急</Text>
      <Text className='jf-grid-emergency-title'>{ann.title}</Text>
      <Text className='jf-grid-emergency-go'>查看 ›</Text>
    </View>
  )
}
