import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import type { ApiMap } from '../../../contracts/api'
import { cleanInviteCode, inviteFromParams } from '../../../utils/mediation/invite'
import { joinErrors, refuseErrors, type JoinDraftErrors } from '../../../utils/mediation/join'

export type InviteSummary = ApiMap['mediation.invitation']['out']['summary']

/** Where a person sets the phone an invitation asks for. */
export const PROFILE_URL = '/pages/account/profile/index'

const failureText = (r: { code: string; message: string }) => r.message

/**
 * Joining by invitation: the code (typed, or ?invite= from a shared link) looks up the application
 * summary, which opens only for the phone the applicant gave; joining takes the person's real name
 * (prefilled with the one the applicant typed) and their consent, and opens the case.
 */
export function useJoinMediation() {
  // WeChat shows the subscribe dialog only straight from a tap: have the templates ready before.
  useEffect(() => void preloadTemplates(), [])
  const { params } = useRouter()
  const fromLink = inviteFromParams(params)
  const [code, setCode] = useState(fromLink)
  const [looked, setLooked] = useState('')
  const [summary, setSummary] = useState<InviteSummary | null>(null)
  const [name, setName] = useState('')
  const [consent, setConsent] = useState(false)
  /** The person chose 不同意调解: the reason box shows instead of the consent. */
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<JoinDraftErrors>({})
  const [error, setError] = useState('')
  /** The invitation wants a phone in 我的 that the person has not set (or set differently). */
  const [needPhone, setNeedPhone] = useState(false)
  const [looking, setLooking] = useState(false)
  const [joining, setJoining] = useState(false)
  const lastTried = useRef('')

  const lookup = async (raw: string) => {
    const invite = cleanInviteCode(raw)
    if (!invite) {
      setError('请输入邀请码')
      return
    }
    lastTried.current = invite
    setLooking(true)
    setError('')
    setNeedPhone(false)
    const r = await api.call('mediation.invitation', { invite })
    setLooking(false)
    if (!r.ok) {
      setSummary(null)
      setError(failureText(r))
      setNeedPhone(r.code === 'PHONE_MISMATCH')
      return
    }
    setLooked(invite)
    setSummary(r.summary)
    setName(r.partyName)
  }

  useEffect(() => {
    if (fromLink) void lookup(fromLink)
    // Only the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink])

  // Back from 我的 with the phone set: try the same invitation again.
  useDidShow(() => {
    if (needPhone && lastTried.current) void lookup(lastTried.current)
  })

  const setPhone = () => void Taro.navigateTo({ url: PROFILE_URL })

  const editName = (v: string) => {
    setName(v)
    if (errors.name) setErrors((e) => ({ ...e, name: undefined }))
  }

  const editConsent = (v: boolean) => {
    setConsent(v)
    if (errors.consent) setErrors((e) => ({ ...e, consent: undefined }))
  }

  const editReason = (v: string) => {
    setReason(v)
    if (errors.reason) setErrors((e) => ({ ...e, reason: undefined }))
  }

  const chooseRefuse = (v: boolean) => {
    setRefusing(v)
    setErrors({})
  }

  /** Sends the person's answer: agreeing joins the mediation, refusing (with the reason) ends it. */
  const join = async () => {
    if (joining || !looked) return
    const found = refusing ? refuseErrors(name, reason) : joinErrors(name, consent)
    const first = found.name ?? found.consent ?? found.reason
    if (first) {
      setErrors(found)
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    // At the tap, while WeChat still shows the dialog: the session time and the agreement come by WeChat.
    if (!refusing) await askSubscribeConsent(['mediation'])
    setJoining(true)
    setError('')
    const answer = refusing ? { consent: false, reason: reason.trim() } : { consent: true }
    const r = await api.call('mediation.join', { invite: looked, name: name.trim(), ...answer })
    setJoining(false)
    if (!r.ok) {
      setError(failureText(r))
      setNeedPhone(r.code === 'PHONE_MISMATCH')
      if (r.details) setErrors({ name: r.details.name, consent: r.details.consent, reason: r.details.reason })
      void Taro.showToast({ title: failureText(r), icon: 'none' })
      return
    }
    void Taro.showToast({ title: refusing ? '已告知对方您不同意调解' : '已加入调解', icon: refusing ? 'none' : 'success', duration: 1000 })
    setTimeout(() => void Taro.redirectTo({ url: `/pages/mediation/detail/index?id=${encodeURIComponent(r.case.id)}` }), 700)
  }

  return { code, setCode, looked, summary, name, editName, consent, editConsent, refusing, chooseRefuse, reason, editReason, errors, error, setError, needPhone, setPhone, looking, joining, lookup, join }
}

export type JoinState = ReturnType<typeof useJoinMediation>
