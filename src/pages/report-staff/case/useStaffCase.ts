import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import { actionLabel, needsForm } from '../../../components/StaffKit/logic'
import type { ActInput, ActionView, StaffCaseView, TimelineView } from '../../../contracts/api'
import type { Failure } from '../../../core/outcome'
import type { Role } from '../../../core/roles'
import { useSession } from '../../../hooks/useSession'

type Loaded = { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] }

const CONFLICT_TEXT = '该事项已被他人更新，已刷新'

/** A handler's case: load it, and the moves on it (one tap, or a sheet for those that need a form). */
export function useStaffCase() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const { state: session } = useSession()
  const roles: Role[] = session.status === 'ready' ? session.me.roles.map((r) => r.role) : []
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState('')
  /** Whether loading again could help (a lost network, a busy server), so 重试 is offered. */
  const [retryable, setRetryable] = useState(false)
  const [sheet, setSheet] = useState<ActionView | null>(null)
  const [busy, setBusy] = useState('')
  const [actError, setActError] = useState('')

  const load = useCallback(async () => {
    if (!id) {
      setError('未找到该事项，请从事项列表中打开')
      setRetryable(false)
      return false
    }
    const r = await api.call('cases.get', { id })
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setError('')
      return true
    }
    setError(r.message)
    setRetryable(r.retryable === true)
    return false
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const label = (a: ActionView) => actionLabel(a, roles)

  /** One cases.act round trip; the answer replaces what the page shows, a stale version reloads it. */
  const send = async (input: ActInput, text: string): Promise<Failure | null> => {
    setActError('')
    const r = await api.call('cases.act', input)
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setSheet(null)
      void Taro.showToast({ title: `${text}成功`, icon: 'success', duration: 1200 })
      return null
    }
    if (r.code === 'CONFLICT') {
      setSheet(null)
      await load()
      void Taro.showToast({ title: CONFLICT_TEXT, icon: 'none', duration: 2000 })
      setActError(CONFLICT_TEXT)
      return null
    }
    return r
  }

  const tap = async (a: ActionView) => {
    if (!data || busy) return
    if (needsForm(a)) {
      setActError('')
      setSheet(a)
      return
    }
    setBusy(a.action)
    const failure = await send({ id: data.case.id, action: a.action, version: data.case.version }, label(a))
    setBusy('')
    if (failure) {
      const text = failure.message
      setActError(text)
      void Taro.showToast({ title: text, icon: 'none' })
    }
  }

  const sheetLabel = sheet ? label(sheet) : ''
  return {
    data,
    error,
    retryable,
    load,
    busy,
    actError,
    label,
    tap,
    sheet,
    sheetLabel,
    closeSheet: () => setSheet(null),
    submitSheet: (input: ActInput) => send(input, sheetLabel),
  }
}
