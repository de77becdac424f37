import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { MeView } from '../../contracts/api'
import { codeFrom, codeFromParams } from './logic'

/** The invitation page's state: the code (from the link, typed or scanned), binding it, and who it made me. */
export function useJoinStaff() {
  const { params } = useRouter()
  const [code, setCode] = useState(() => codeFromParams(params))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [bound, setBound] = useState<MeView | null>(null)

  const bind = async () => {
    const c = codeFrom(code)
    if (!c) {
      setError('请输入邀请码')
      return
    }
    if (busy) return
    setBusy(true)
    setError('')
    const r = await api.call('session.bind', { code: c })
    setBusy(false)
    if (!r.ok) {
      setError(r.message)
      return
    }
    setBound(r.user)
  }

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: false })
      setCode(codeFrom(r.path || r.result || ''))
      setError('')
    } catch {
      // Cancelled: nothing to do.
    }
  }

  return { code, setCode, error, setError, busy, bound, bind, scan }
}
