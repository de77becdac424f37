import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import type { LedgerView } from '../../../contracts/api'
import { useCsvExport } from '../../../hooks/useCsvExport'
import { useSession } from '../../../hooks/useSession'
import { daysText, ledgerRangeError, percentText } from '../../../utils/mediation/ledger'

/**
 * The 调解台账 for a date range: reloads when the range changes (a late answer for an older range is
 * dropped), keeps the last figures on screen while it does, and exports the same range as CSV.
 */
export function useLedger() {
  const { state } = useSession()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [ledger, setLedger] = useState<LedgerView | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const csv = useCsvExport()
  const seq = useRef(0)
  const rangeError = ledgerRangeError(from, to)
  const range = () => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) })

  useEffect(() => {
    if (rangeError) return
    const mine = ++seq.current
    setPhase('loading')
    void api.call('mediation.ledger', range()).then((r) => {
      if (mine !== seq.current) return
      if (r.ok) {
        setLedger(r.ledger)
        setPhase('ready')
        setError('')
      } else {
        setError(r.message)
        setPhase('error')
      }
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from, to, rangeError])

  const exportCsv = () => {
    if (!rangeError) void csv.exportCsv(() => api.call('mediation.ledgerCsv', range()))
  }

  const desk = state.status === 'ready' ? state.me.roles.find((x) => x.role === 'dispatcher' || x.role === 'admin') : undefined
  const who = state.status === 'ready' ? state.me.name : undefined
  return { desk, who, from, setFrom, to, setTo, ledger, phase, error, rangeError, exporting: csv.exporting, notice: csv.notice, exportCsv, cards: ledger ? cardsOf(ledger) : [] }
}

/** The figures across the top: counts, the success rate of closed cases, and the time to close. */
function cardsOf(l: LedgerView) {
  const closed = l.succeeded + l.failed
  return [
    { id: 'jf-ledger-total', label: '调解案件', value: String(l.total), tone: '' },
    { id: 'jf-ledger-open', label: '进行中', value: String(l.open), tone: 'is-warn' },
    { id: 'jf-ledger-succeeded', label: '调解成功', value: String(l.succeeded), tone: 'is-ok' },
    { id: 'jf-ledger-failed', label: '调解不成', value: String(l.failed), tone: l.failed ? 'is-danger' : '' },
    { id: 'jf-ledger-rate', label: '调解成功率', value: closed ? percentText(l.successRate) : '—', tone: 'is-ok' },
    { id: 'jf-ledger-days', label: '平均办结天数', value: daysText(l.avgDaysToClose), tone: '' },
  ]
}
