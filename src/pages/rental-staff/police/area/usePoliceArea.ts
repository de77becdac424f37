import Taro, { useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../../api'
import { auditReasonText, type AuditPurpose } from '../../../../core/auditReason'
import { isDocNumberQuery } from '../../../../utils/rental/police'
import type { CheckinStatus, MisuseView, ReferredCaseView, RegistrationView } from '../../../../contracts/rental'
import { useOpenAndPullRefresh } from '../../../../hooks/useOpenAndPullRefresh'
import { downloadCsv } from '../../../../utils/download-csv'

const PAGE = 20

export const FILTERS: Array<{ key: string; label: string; statuses?: CheckinStatus[] }> = [
  { key: 'all', label: '全部' },
  { key: 'active', label: '在住', statuses: ['active'] },
  { key: 'pending', label: '待确认', statuses: ['pending'] },
  { key: 'checked_out', label: '已退租', statuses: ['checked_out'] },
]

export type Sheet = { kind: 'reveal'; reg: RegistrationView } | { kind: 'export' } | { kind: 'search'; q: string } | { kind: 'close'; dispute: MisuseView } | null
export type Revealed = { reg: RegistrationView; docNumber: string; phone: string; reason: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })
const statusesOf = (key: string) => FILTERS.find((f) => f.key === key)?.statuses

/** The police area page's state: the masked list with its filter and search, and the audited reveal, export and dispute sheets. */
export function usePoliceArea() {
  const [filter, setFilter] = useState('all')
  const [q, setQ] = useState('')
  const [items, setItems] = useState<RegistrationView[]>([])
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [more, setMore] = useState(false)
  const [sheet, setSheet] = useState<Sheet>(null)
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const [disputes, setDisputes] = useState<MisuseView[]>([])
  const [referred, setReferred] = useState<ReferredCaseView[]>([])
  const query = useRef<{ filter: string; q: string; reason: string; purpose?: AuditPurpose }>({ filter, q: '', reason: '' })

  const input = (before?: string) => {
    const { filter: f, q: text, reason, purpose } = query.current
    const statuses = statusesOf(f)
    return { limit: PAGE, ...(statuses ? { statuses } : {}), ...(text ? { q: text } : {}), ...(text && purpose ? { purpose } : {}), ...(text && reason ? { reason } : {}), ...(before ? { before } : {}) }
  }

  const refresh = useCallback(async () => {
    setPhase((p) => (p === 'ready' ? p : 'loading'))
    const asked = query.current
    const r = await api.call('rental.area', input())
    if (asked !== query.current) return
    if (!r.ok) {
      setError(r.message)
      setRetryable(r.retryable === true)
      return setPhase('error')
    }
    setItems(r.registrations)
    setDisputes(r.disputes)
    setReferred(r.referred)
    setNext(r.next)
    setTotal(r.total)
    setPhase('ready')
  }, [])

  useOpenAndPullRefresh(refresh)

  const loadMore = async () => {
    if (!next || more) return
    setMore(true)
    const r = await api.call('rental.area', input(next))
    setMore(false)
    if (!r.ok) return toast(r.message)
    setItems((list) => [...list, ...r.registrations.filter((x) => !list.some((y) => y.id === x.id))])
    setNext(r.next)
  }
  useReachBottom(() => void loadMore())

  const pickFilter = (key: string) => {
    query.current = { ...query.current, filter: key }
    setFilter(key)
    setPhase('loading')
    void refresh()
  }
  const run = (text: string, reason: string, purpose?: AuditPurpose) => {
    query.current = { ...query.current, q: text, reason, purpose }
    setPhase('loading')
    void refresh()
  }
  // A full document number is a read of personal data: asked why first, and recorded.
  const search = () => (isDocNumberQuery(q) ? setSheet({ kind: 'search', q: q.trim() }) : run(q.trim(), ''))

  const closeDispute = async (dispute: MisuseView, note: string): Promise<string> => {
    const r = await api.call('rental.closeDispute', { id: dispute.id, version: dispute.version, note })
    if (!r.ok) return r.details?.note ?? r.message
    setSheet(null)
    setDisputes((list) => list.filter((x) => x.id !== dispute.id))
    void Taro.showToast({ title: '已记录核实结果', icon: 'success' })
    return ''
  }

  const reveal = async (reg: RegistrationView, reason: string, purpose: AuditPurpose): Promise<string> => {
    const r = await api.call('rental.reveal', { id: reg.id, purpose, reason })
    if (!r.ok) return r.details?.reason ?? r.details?.purpose ?? r.message
    setSheet(null)
    // Shown once and kept nowhere: closing the popup drops it from the page (a native modal would keep its text in the DOM).
    setRevealed({ reg, docNumber: r.docNumber, phone: r.phone, reason: auditReasonText(purpose, reason) })
    return ''
  }

  const exportCsv = async (reason: string, purpose: AuditPurpose): Promise<string> => {
    const statuses = statusesOf(query.current.filter)
    const r = await api.call('rental.exportCsv', { purpose, reason, ...(statuses ? { statuses } : {}) })
    if (!r.ok) return r.details?.reason ?? r.details?.purpose ?? r.message
    setSheet(null)
    downloadCsv(r.filename, r.csv)
    void Taro.showToast({ title: `已导出 ${r.rows} 条`, icon: 'success' })
    return ''
  }

  /**
   * The open sheet's reason is in: do what it was asked for; the message it returns stays in the sheet.
   * Reveal, search and export are audited reads: the sheet asked their purpose from the list too.
   */
  const submitSheet = (reason: string, purpose: AuditPurpose = 'other'): Promise<string> => {
    if (sheet?.kind === 'reveal') return reveal(sheet.reg, reason, purpose)
    if (sheet?.kind === 'close') return closeDispute(sheet.dispute, reason)
    if (sheet?.kind === 'search') {
      setSheet(null)
      run(sheet.q, reason, purpose)
      return Promise.resolve('')
    }
    return exportCsv(reason, purpose)
  }

  return { filter, q, setQ, items, total, next, phase, error, retryable, more, sheet, setSheet, revealed, setRevealed, disputes, referred, refresh, loadMore, pickFilter, search, submitSheet }
}

export type PoliceAreaState = ReturnType<typeof usePoliceArea>
