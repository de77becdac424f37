import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../api'
import type { ProfileView } from '../../../contracts/account'
import type { ApiOut } from '../../../contracts/api'
import { useConsentGate } from '../../../hooks/useConsentGate'
import { checkNickname, checkTypedPhone, phoneCodeOf } from '../../../utils/account/profile'

type ProfileAnswer = ApiOut<'account.update'>

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/**
 * 头像、昵称、手机号: each saved on its own, after the privacy notice is agreed (the server refuses
 * profile writes with CONSENT_REQUIRED until then). Typing the phone is the fallback wherever the
 * phone button cannot be used, and the only way in H5.
 */
export function useProfile() {
  const gate = useConsentGate()
  const [profile, setProfile] = useState<ProfileView | null>(null)
  const [loadError, setLoadError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [loadRetryable, setLoadRetryable] = useState(false)
  const [nickname, setNickname] = useState('')
  const [nicknameError, setNicknameError] = useState('')
  const [phone, setPhone] = useState('')
  const [phoneError, setPhoneError] = useState('')
  const [typing, setTyping] = useState(process.env.TARO_ENV !== 'weapp')
  const [busy, setBusy] = useState<'' | 'avatar' | 'nickname' | 'phone' | 'remove'>('')

  const load = useCallback(async () => {
    setLoadError('')
    const r = await api.call('account.profile', {})
    if (r.ok) {
      setProfile(r.profile)
      setNickname(r.profile.nicknameSet ? r.profile.displayName : '')
    } else {
      setLoadError(r.message)
      setLoadRetryable(r.retryable === true)
    }
  }, [])
  useDidShow(() => void load())

  /** Agree first if needed; a notice changed meanwhile (CONSENT_REQUIRED) is asked once more. */
  const write = async (what: typeof busy, send: () => Promise<ProfileAnswer>): Promise<ProfileAnswer | null> => {
    if (busy) return null
    if (!(await gate.ensure())) return null
    setBusy(what)
    let r = await send()
    if (!r.ok && r.code === 'CONSENT_REQUIRED' && (await gate.ensure())) r = await send()
    setBusy('')
    if (r.ok) setProfile(r.profile)
    return r
  }

  const saveAvatar = async (localPath: string) => {
    const r = await write('avatar', async () => {
      const up = await api.uploadPhoto(localPath)
      return up.ok ? api.call('account.update', { avatar: up.fileId }) : up
    })
    if (r) toast(r.ok ? '头像已更新' : r.message)
  }

  /** H5 has no chooseAvatar button: pick a picture from the device instead. */
  const pickAvatar = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      if (res.tempFilePaths[0]) await saveAvatar(res.tempFilePaths[0])
    } catch {
      // Closed the picker: nothing to do.
    }
  }

  const removeAvatar = async () => {
    const r = await write('avatar', () => api.call('account.update', { avatar: null }))
    if (r) toast(r.ok ? '已移除头像' : r.message)
  }

  const saveNickname = async (typed = nickname) => {
    const c = checkNickname(typed)
    setNicknameError(c.ok ? '' : c.message)
    if (!c.ok) return
    const r = await write('nickname', () => api.call('account.update', { nickname: c.nickname }))
    if (!r) return
    if (r.ok) toast('昵称已保存')
    else setNicknameError(r.message)
  }

  const phoneByCode = async (detail: { code?: string; errMsg?: string } | undefined) => {
    const code = phoneCodeOf(detail)
    if (!code) {
      toast('未获取手机号，可手动填写')
      setTyping(true)
      return
    }
    const r = await write('phone', () => api.call('account.setPhone', { code }))
    if (!r) return
    if (r.ok) toast('手机号已保存')
    else {
      // The appid cannot use the button (or WeChat failed): the typed number is the way on.
      if (r.code === 'PHONE_CODE_UNAVAILABLE') setTyping(true)
      toast(r.message)
    }
  }

  const saveTypedPhone = async () => {
    const c = checkTypedPhone(phone)
    setPhoneError(c.ok ? '' : c.message)
    if (!c.ok) return
    const r = await write('phone', () => api.call('account.setPhone', { phone: c.phone }))
    if (!r) return
    if (r.ok) {
      setPhone('')
      toast('手机号已保存')
    } else setPhoneError(r.message)
  }

  const removePhone = async () => {
    const { confirm } = await Taro.showModal({ title: '删除手机号', content: '删除后，调解邀请等需要核对手机号的功能将无法使用。', confirmText: '删除' })
    if (!confirm || busy) return
    setBusy('remove')
    const r = await api.call('account.removePhone', {})
    setBusy('')
    if (r.ok) setProfile(r.profile)
    toast(r.ok ? '已删除手机号' : r.message)
  }

  return {
    gate,
    profile,
    loadError,
    loadRetryable,
    load,
    busy,
    nickname,
    setNickname,
    nicknameError,
    phone,
    setPhone,
    phoneError,
    typing,
    setTyping,
    saveAvatar,
    pickAvatar,
    removeAvatar,
    saveNickname,
    phoneByCode,
    saveTypedPhone,
    removePhone,
  }
}

export type ProfileState = ReturnType<typeof useProfile>
