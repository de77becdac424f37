import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../api'
import { askSubscribeConsent, preloadTemplates } from '../../api/subscribe'
import type { ProfileView } from '../../contracts/account'

type State = { phase: 'loading' } | { phase: 'ready'; profile: ProfileView } | { phase: 'error'; message: string }

/** The caller's own profile, read again each time 我的 shows (the profile page may have changed it). */
export function useMe() {
  const [state, setState] = useState<State>({ phase: 'loading' })

  const load = useCallback(async () => {
    const r = await api.call('account.profile', {})
    if (r.ok) setState({ phase: 'ready', profile: r.profile })
    // Keep what is shown when a refresh fails; only a first load shows the error.
    else setState((s) => (s.phase === 'ready' ? s : { phase: 'error', message: r.message }))
  }, [])

  useDidShow(() => {
    void load()
    // WeChat shows the subscribe dialog only straight from a tap: have the template id ready before.
    void preloadTemplates()
  })

  const subscribe = async () => {
    if (process.env.TARO_ENV !== 'weapp') {
      void Taro.switchTab({ url: '/pages/inbox/index' })
      return
    }
    const outcome = await askSubscribeConsent(['caseProgress', 'mediation', 'checkinDecision'])
    const title = outcome === 'accepted' ? '已开启下一条微信提醒' : outcome === 'declined' ? '未开启提醒，可在微信设置中开启' : '暂未提供微信提醒，请在「消息」中查看'
    void Taro.showToast({ title, icon: 'none' })
  }

  return { state, reload: load, subscribe }
}
