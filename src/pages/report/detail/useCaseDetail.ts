import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import type { ApiOut, CaseView, PublicCaseView, TimelineView } from '../../../contracts/api'
import type { Failure } from '../../../core/outcome'

/** The reporter (and staff) get the full case; a follower or neighbour only its public view. */
export type Loaded = { view: 'full'; case: CaseView; timeline: TimelineView[] } | { view: 'public'; case: PublicCaseView }

function loadedOf(r: Extract<ApiOut<'reports.get'>, { ok: true }>): Loaded {
  return r.view === 'public' ? { view: 'public', case: r.case } : { view: 'full', case: r.case, timeline: r.timeline }
}

/** One report as its reader may see it, reloaded on pull-down and after the reporter decides; 关注 for a stranger. */
export function useCaseDetail() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [following, setFollowing] = useState(params.from === 'follow')
  const [followBusy, setFollowBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) {
      setError({ ok: false, code: 'VALIDATION', message: '未找到该事项，请从「我的事项」或消息中打开' })
      return
    }
    const r = await api.call('reports.get', { id })
    if (r.ok) {
      setData(loadedOf(r))
      setError(null)
    } else if (data) void Taro.showToast({ title: r.message, icon: 'none' })
    else setError(r)
  }, [id, data])

  useEffect(() => {
    void load()
    // Only on open; later reloads are explicit (pull down, after an action).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const follow = async () => {
    if (followBusy) return
    setFollowBusy(true)
    const r = await api.call('reports.follow', { id })
    setFollowBusy(false)
    if (!r.ok) {
      void Taro.showToast({ title: r.message, icon: 'none' })
      return
    }
    setFollowing(true)
    setData({ view: 'public', case: r.case })
    setError(null)
    void Taro.showToast({ title: '已关注，进展会通知您', icon: 'none' })
  }

  // Opened from the duplicate suggestion: the case is someone else's until the user follows it.
  const gated = params.from === 'duplicate' && error?.code === 'NOT_FOUND'
  return { data, error, load, following, follow, followBusy, gated }
}
