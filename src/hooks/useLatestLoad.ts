import { useCallback, useRef, useState } from 'react'

export type LoadPhase = 'loading' | 'ready' | 'error'

/**
 * A value loaded again whenever what it depends on changes (a filter, a date range): the newest
 * load wins and a late answer to an older one is dropped; the last value stays shown while the
 * next one loads, and a failure says why.
 */
export function useLatestLoad<T>() {
  const [value, setValue] = useState<T | null>(null)
  const [phase, setPhase] = useState<LoadPhase>('loading')
  const [error, setError] = useState('')
  const seq = useRef(0)

  const load = useCallback(async <A extends { ok: true } | { ok: false; message: string }>(fetch: () => Promise<A>, pick: (r: Extract<A, { ok: true }>) => T) => {
    const mine = ++seq.current
    setPhase('loading')
    const r = await fetch()
    if (mine !== seq.current) return
    if (r.ok) {
      setValue(pick(r as Extract<A, { ok: true }>))
      setPhase('ready')
      setError('')
    } else {
      setError(r.message)
      setPhase('error')
    }
  }, [])

  return { value, phase, error, load }
}
