import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { LedgerView } from '../../../contracts/api'
import { useCsvExport } from '../../../hooks/useCsvExport'
import { useLatestLoad } from '../../../hooks/useLatestLoad'
import { useSession } from '../../../hooks/useSession'
import { daysText, ledgerRangeError, percentText } from '../../../utils/mediation/ledger'

/** The 调解台账 for a date range (reloaded when it changes, the last figures shown meanwhile) and its CSV. */
export function useLedger() {
  const { state } = useSession()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const { value: ledger, phase, error, load } = useLatestLoad<LedgerView>()
  const csv = useCsvExport()
  const rangeError = ledgerRangeError(from, to)
  const range = () => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) })

  useEffect(() => {
    if (!rangeError) void load(() => api.call('mediation.ledger', range()), (r) => r.ledger)
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
