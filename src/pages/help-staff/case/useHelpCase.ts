import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import type { ConvertHelpInput } from '../../../contracts/api'
import { useHelpRequest } from '../../../hooks/useHelpRequest'

export type Sheet = 'close' | 'mediation' | 'report' | null

/**
 * A helper's page of one request: the server's moves for this person now (响应, 结束, 转办), each
 * sent with the version shown, so a request someone else took meanwhile answers 已有人响应.
 */
export function useHelpCase() {
  const r = useHelpRequest()
  const [sheet, setSheet] = useState<Sheet>(null)
  const [busy, setBusy] = useState(false)
  const [actError, setActError] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  const has = (a: string) => !!r.data?.actions.some((x) => x.action === a)

  const failed = async (f: { code: string; message: string; details?: Record<string, string> }) => {
    setActError(f.message)
    setFieldErrors(f.details ?? {})
    void Taro.showToast({ title: f.message, icon: 'none' })
    // Someone else took it, or it moved on: show it as it is now.
    if (f.code === 'ILLEGAL_TRANSITION' || f.code === 'CONFLICT') await r.load()
  }

  const accept = async () => {
    if (!r.data || busy) return
    setBusy(true)
    setActError('')
    const out = await api.call('help.accept', { id: r.data.help.id, version: r.data.help.version })
    setBusy(false)
    if (!out.ok) return failed(out)
    r.setData({ help: out.help, timeline: out.timeline, actions: out.actions })
    void Taro.showToast({ title: '已响应，请尽快联系求助人', icon: 'none' })
  }

  const close = async (note: string) => {
    if (!r.data || busy) return
    setBusy(true)
    setActError('')
    const out = await api.call('help.close', { id: r.data.help.id, version: r.data.help.version, note })
    setBusy(false)
    if (!out.ok) return failed(out)
    r.setData({ help: out.help, timeline: out.timeline, actions: out.actions })
    setSheet(null)
  }

  const convert = async (input: Omit<ConvertHelpInput, 'id' | 'version'>) => {
    if (!r.data || busy) return
    setBusy(true)
    setActError('')
    setFieldErrors({})
    const out = await api.call('help.convert', { id: r.data.help.id, version: r.data.help.version, ...input } as ConvertHelpInput)
    setBusy(false)
    if (!out.ok) return failed(out)
    setSheet(null)
    void Taro.showToast({ title: `已转为${out.link.text}`, icon: 'none' })
    await r.load()
  }

  const openSheet = (s: Sheet) => {
    setActError('')
    setFieldErrors({})
    setSheet(s)
  }

  return { ...r, has, sheet, openSheet, busy, actError, fieldErrors, accept, close, convert }
}
