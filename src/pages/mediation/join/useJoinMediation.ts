import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { ApiMap } from '../../../contracts/api'
import { cleanInviteCode } from '../../../utils/mediation/invite'

export type InviteSummary = ApiMap['mediation.invitation']['out']['summary']

const failureText = (r: { code: string; message: string }) => (r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)

/**
 * Joining by invitation: the code (typed, or ?invite= from a shared link) looks up the application
 * summary only; joining makes the caller a party and opens the case.
 */
export function useJoinMediation() {
  const { params } = useRouter()
  const fromLink = params.invite ? cleanInviteCode(decodeURIComponent(params.invite)) : ''
  const [code, setCode] = useState(fromLink)
  const [looked, setLooked] = useState('')
  const [summary, setSummary] = useState<InviteSummary | null>(null)
  const [error, setError] = useState('')
  const [looking, setLooking] = useState(false)
  const [joining, setJoining] = useState(false)

  const lookup = async (raw: string) => {
    const invite = cleanInviteCode(raw)
    if (!invite) {
      setError('请输入邀请码')
      return
    }
    setLooking(true)
    setError('')
    const r = await api.call('mediation.invitation', { invite })
    setLooking(false)
    if (!r.ok) {
      setSummary(null)
      setError(failureText(r))
      return
    }
    setLooked(invite)
    setSummary(r.summary)
  }

  useEffect(() => {
    if (fromLink) void lookup(fromLink)
    // Only the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink])

  const join = async () => {
    if (joining || !looked) return
    setJoining(true)
    setError('')
    const r = await api.call('mediation.join', { invite: looked })
    setJoining(false)
    if (!r.ok) {
      setError(failureText(r))
      void Taro.showToast({ title: failureText(r), icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已加入调解', icon: 'success', duration: 1000 })
    setTimeout(() => void Taro.redirectTo({ url: `/pages/mediation/detail/index?id=${encodeURIComponent(r.case.id)}` }), 700)
  }

  return { code, setCode, looked, summary, error, setError, looking, joining, lookup, join }
}
