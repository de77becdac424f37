import { useCallback, useEffect, useState } from 'react'
import { api, devAuth } from '../api'
import type { MeView } from '../contracts/api'

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; me: MeView }
  | { status: 'signedOut' }
  | { status: 'error'; message: string }

/** Who is signed in (session.me). `signedOut` only happens in local mode, where it shows the role switcher. */
export function useSession() {
  const [state, setState] = useState<SessionState>(() =>
    devAuth && !devAuth.hasSession() ? { status: 'signedOut' } : { status: 'loading' },
  )

  const reload = useCallback(async () => {
    if (devAuth && !devAuth.hasSession()) {
      setState({ status: 'signedOut' })
      return
    }
    setState({ status: 'loading' })
    const r = await api.call('session.me', {})
    if (r.ok) setState({ status: 'ready', me: r.user })
    else if (r.code === 'UNAUTHENTICATED' && devAuth) {
      devAuth.signOut()
      setState({ status: 'signedOut' })
    } else setState({ status: 'error', message: r.message })
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload }
}
