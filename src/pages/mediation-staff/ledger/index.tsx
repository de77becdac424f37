import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { HOME_URL, api } from '../../../api'
import { daysText, ledgerRangeError, percentText, shareOf } from '../../../utils/mediation/ledger'
import type { LedgerView } from '../../../contracts/api'
import { useSession } from '../../../hooks/useSession'
import { downloadCsv } from '../../../utils/download-csv'
import './index.css'

type Row = { key: string; label: string; count: number }

function Table({ id, title, rows, total, keyTitle }: { id: string; title: string; rows: Row[]; total: number; keyTitle: string }) {
  return (
    <View className='jf-ledger-panel' id={id}>
      <Text className='jf-ledger-panel-title'>{title}</Text>
      {rows.length ? (
        <table className='jf-ledger-table'>
          <thead>
            <tr>
              <th>{keyTitle}</th>
              <th className='jf-ledger-num'>件数</th>
              <th className='jf-ledger-share'>占比</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <td>{r.label}</td>
                <td className='jf-ledger-num'>{r.count}</td>
                <td className='jf-ledger-share'>
                  <View className='jf-ledger-bar'>
                    <View className='jf-ledger-bar-fill' style={{ width: `${Math.round(shareOf(r.count, total) * 100)}%` }} />
                  </View>
                  <Text className='jf-ledger-pct'>{percentText(shareOf(r.count, total))}</Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Text className='jf-ledger-none'>暂无数据</Text>
      )}
    </View>
  )
}

/** 调解台账 for the street's centre (H5): counts, success rate, time to close, and the breakdowns; CSV for the 司法所. */
export default function MediationLedger() {
  const { state } = useSession()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [ledger, setLedger] = useState<LedgerView | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const [exporting, setExporting] = useState(false)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
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

  const exportCsv = async () => {
    if (exporting || rangeError) return
    setExporting(true)
    setNotice(null)
    const r = await api.call('mediation.ledgerCsv', range())
    setExporting(false)
    if (!r.ok) {
      setNotice({ tone: 'error', text: `导出失败：${r.message}` })
      return
    }
    downloadCsv(r.filename, r.csv)
    setNotice({ tone: 'ok', text: `已导出 ${r.rows} 条记录（${r.filename}）` })
  }

  const desk = state.status === 'ready' ? state.me.roles.find((x) => x.role === 'dispatcher' || x.role === 'admin') : undefined
  const l = ledger
  const closed = l ? l.succeeded + l.failed : 0
  const cards = l
    ? [
        { id: 'jf-ledger-total', label: '调解案件', value: String(l.total), tone: '' },
        { id: 'jf-ledger-open', label: '进行中', value: String(l.open), tone: 'is-warn' },
        { id: 'jf-ledger-succeeded', label: '调解成功', value: String(l.succeeded), tone: 'is-ok' },
        { id: 'jf-ledger-failed', label: '调解不成', value: String(l.failed), tone: l.failed ? 'is-danger' : '' },
        { id: 'jf-ledger-rate', label: '调解成功率', value: closed ? percentText(l.successRate) : '—', tone: 'is-ok' },
        { id: 'jf-ledger-days', label: '平均办结天数', value: daysText(l.avgDaysToClose), tone: '' },
      ]
    : []

  return (
    <View className='jf-ledger' id='jf-ledger'>
      <View className='jf-ledger-head'>
        <View className='jf-ledger-brand'>
          <Text className='jf-ledger-logo'>调</Text>
          <View className='jf-ledger-titles'>
            <Text className='jf-ledger-title'>{desk ? `${desk.unitName} 人民调解台账` : '人民调解台账'}</Text>
            <Text className='jf-ledger-sub'>街坊通 · 在线调解</Text>
          </View>
        </View>
        <View className='jf-ledger-nav'>
          <Text className='jf-ledger-link' id='jf-ledger-queue' onClick={() => void Taro.navigateTo({ url: '/pages/mediation-staff/queue/index' })}>
            调解工作台
          </Text>
          <Text className='jf-ledger-link' onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
            返回首页
          </Text>
        </View>
      </View>

      <View className='jf-ledger-main'>
        <View className='jf-ledger-filters'>
          <Text className='jf-ledger-filter-label'>申请日期</Text>
          <input id='jf-ledger-from' className='jf-ledger-date' type='date' value={from} max={to || undefined} onChange={(e) => setFrom((e.target as HTMLInputElement).value)} />
          <Text className='jf-ledger-filter-sep'>至</Text>
          <input id='jf-ledger-to' className='jf-ledger-date' type='date' value={to} min={from || undefined} onChange={(e) => setTo((e.target as HTMLInputElement).value)} />
          {(from || to) && (
            <button type='button' className='jf-ledger-btn' id='jf-ledger-clear' onClick={() => (setFrom(''), setTo(''))}>
              全部时间
            </button>
          )}
          <View className='jf-ledger-filters-end'>
            <button id='jf-ledger-csv' type='button' className='jf-ledger-btn is-primary' disabled={exporting || !!rangeError} onClick={() => void exportCsv()}>
              {exporting ? '正在导出…' : '导出 CSV'}
            </button>
          </View>
        </View>
        {rangeError && (
          <Text className='jf-ledger-notice is-error' id='jf-ledger-range-error'>
            {rangeError}
          </Text>
        )}
        {notice && (
          <View className={`jf-ledger-notice is-${notice.tone}`} id='jf-ledger-notice'>
            <Text>{notice.text}</Text>
          </View>
        )}

        {phase === 'error' && (
          <View className='jf-ledger-notice is-error' id='jf-ledger-error'>
            <Text>{error}</Text>
          </View>
        )}
        {!l && phase === 'loading' && <Text className='jf-ledger-none'>正在统计…</Text>}

        {l && (
          <View className={`jf-ledger-body ${phase === 'loading' ? 'is-loading' : ''}`} id='jf-ledger-body' data-phase={phase}>
            <View className='jf-ledger-cards'>
              {cards.map((c) => (
                <View key={c.id} className={`jf-ledger-card ${c.tone}`} id={c.id}>
                  <Text className='jf-ledger-card-label'>{c.label}</Text>
                  <Text className='jf-ledger-card-value'>{c.value}</Text>
                </View>
              ))}
            </View>
            <View className='jf-ledger-grid'>
              <Table id='jf-ledger-by-type' title='按纠纷类型' keyTitle='纠纷类型' rows={l.byType} total={l.total} />
              <Table id='jf-ledger-by-committee' title='按调解组织' keyTitle='调解组织' rows={l.byCommittee} total={l.total} />
              <Table id='jf-ledger-by-street' title='按街道' keyTitle='街道' rows={l.byStreet} total={l.total} />
              <Table id='jf-ledger-by-status' title='按状态' keyTitle='状态' rows={l.byStatus} total={l.total} />
              <Table
                id='jf-ledger-by-month'
                title='按月份'
                keyTitle='月份'
                rows={l.byMonth.map((m) => ({ key: m.month, label: m.month, count: m.count }))}
                total={l.total}
              />
            </View>
          </View>
        )}
      </View>
    </View>
  )
}
