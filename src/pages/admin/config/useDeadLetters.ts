import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { DeadLetterView } from '../../../contracts/admin'

type State = { phase: 'loading' } | { phase: 'ready'; items: DeadLetterView[] } | { phase: 'error'; message: string }

/** The WeChat notices set aside, read when the page opens and again on 刷新. */
export function useDeadLetters() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const load = async () => {
    const r = await api.call('admin.deadLetters', {})
    setState(r.ok ? { phase: 'ready', items: r.items } : { phase: 'error', message: r.message })
  }
  useEffect(() => {
    void load()
  }, [])
  return { state, load }
}
