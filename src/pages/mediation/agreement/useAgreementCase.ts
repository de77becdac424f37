import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import type { MediationView } from '../../../contracts/api'

/**
 * The case whose paper the page prints (协议书, 司法确认申请书, 移送函), from the route's id; a failure that
 * may pass (network, busy server) can be retried.
 */
export function useAgreementCase(paper = '协议书') {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [c, setC] = useState<MediationView | null>(null)
  const [error, setError] = useState('')
  const [retryable, setRetryable] = useState(false)

  const load = useCallback(async () => {
    if (!id) {
      setError(`未找到该调解案件，请从调解案件中打开${paper}`)
      setRetryable(false)
      return
    }
    setError('')
    const r = await api.call('mediation.get', { id })
    if (r.ok) setC(r.case)
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [id, paper])

  useEffect(() => {
    void load()
  }, [load])

  return { c, error, retryable, load }
}
