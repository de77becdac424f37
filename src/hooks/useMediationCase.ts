import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api'
import type { ActionView, MediationActInput, MediationView, TimelineView } from '../contracts/api'
import type { Failure } from '../core/outcome'
import { confirmText, needsMedForm } from '../utils/mediation/moves'

export type LoadedCase = { case: MediationView; timeline: TimelineView[]; actions: ActionView[] }
export type CaseNotice = { tone: 'info' | 'warn' | 'error'; text: string }

const CONFLICT_TEXT = '案件已被他人更新，已刷新为最新内容，请确认后再操作'

async function ask(content: string): Promise<boolean> {
  try {
    const m = await Taro.showModal({ title: '请确认', content, confirmText: '确认', cancelText: '取消' })
    return m.confirm
  } catch {
    return false
  }
}

/**
 * One mediation case from the route's id: loading, reloading when the page shows again (others may have
 * moved it meanwhile), and the moves — one tap, asked twice where it cannot be undone, or through a sheet.
 */
export function useMediationCase() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [data, setData] = useState<LoadedCase | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [visible, setVisible] = useState(true)
  const [sheet, setSheet] = useState<ActionView | null>(null)
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState<CaseNotice | null>(null)
  const shownOnce = useRef(false)

  const load = useCallback(async () => {
    if (!id) {
      setError({ ok: false, code: 'VALIDATION', message: '未找到该调解案件，请从「我的调解」或消息中打开' })
      return false
    }
    const r = await api.call('mediation.get', { id })
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setError(null)
      return true
    }
    setError(r)
    return false
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  useDidShow(() => {
    setVisible(true)
    if (shownOnce.current) void load()
    shownOnce.current = true
  })
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  /** One mediation.act round trip; the answer replaces the page, a stale version reloads it. */
  const send = async (input: MediationActInput, label: string): Promise<Failure | null> => {
    const r = await api.call('mediation.act', input)
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setSheet(null)
      setNotice(null)
      void Taro.showToast({ title: `${label}成功`, icon: 'success', duration: 1200 })
      return null
    }
    if (r.code === 'CONFLICT') {
      setSheet(null)
      await load()
      setNotice({ tone: 'warn', text: r.message ? `${r.message}（已刷新为最新内容）` : CONFLICT_TEXT })
      void Taro.showToast({ title: '内容已更新，已刷新', icon: 'none', duration: 2000 })
      return null
    }
    return r
  }

  const oneTap = async (a: ActionView, input: MediationActInput, question: string | null) => {
    if (busy) return
    if (question && !(await ask(question))) return
    setBusy(a.action)
    const failure = await send(input, a.label)
    setBusy('')
    if (failure) {
      const text = failure.message
      setNotice({ tone: 'error', text })
      void Taro.showToast({ title: text, icon: 'none' })
    }
  }

  const tap = (a: ActionView) => {
    if (!data || busy) return
    if (needsMedForm(a)) {
      setSheet(a)
      return
    }
    void oneTap(a, { id: data.case.id, action: a.action, version: data.case.version }, confirmText(a.action))
  }

  const confirmAgreement = (a: ActionView) => {
    if (!data?.case.agreement) return
    const c = data.case
    void oneTap(a, { id: c.id, action: 'confirm_agreement', version: c.version, agreementVersion: c.agreement!.version }, '确认后即表示您已阅读并同意本协议的全部内容。')
  }

  return {
    data,
    error,
    visible,
    sheet,
    busy,
    notice,
    // Straight from 申请调解: the invitation codes are the one thing to do next.
    justApplied: params.created === '1',
    load,
    send,
    tap,
    confirmAgreement,
    closeSheet: () => setSheet(null),
  }
}
