import { Text, View } from '@tarojs/components'
import DeskHeader from '../../../components/DeskHeader'
import LedgerLevels from './LedgerLevels'
import LedgerTable from './LedgerTable'
import { useLedger } from './useLedger'
import '../../../components/StaffConsoleHeader/index.css'
import './index.css'

const PAGES = [
  { key: 'queue', title: '调解工作台', url: '/pages/mediation-staff/queue/index' },
  { key: 'ledger', title: '调解台账', url: '/pages/mediation-staff/ledger/index' },
] as const

const dateOf = (e: { target: unknown }) => (e.target as HTMLInputElement).value

/** 调解台账 for the street's centre (H5): counts, success rate, time to close, and the breakdowns; CSV for the 司法所. */
export default function MediationLedger() {
  const { desk, who, from, setFrom, to, setTo, ledger: l, phase, error, rangeError, exporting, notice, exportCsv, cards } = useLedger()
  return (
    <View className='jf-console jf-ledger' id='jf-ledger'>
      <DeskHeader
        id='jf-ledger-head'
        navIdPrefix='jf-ledger'
        logo='调'
        title={desk ? `${desk.unitName} 人民调解台账` : '人民调解台账'}
        sub='街坊通 · 在线调解'
        pages={PAGES}
        current='ledger'
        who={who}
      />
      <View className='jf-console-main'>
        <View className='jf-ledger-filters jf-row'>
          <Text className='jf-ledger-filter-label'>申请日期</Text>
          <input id='jf-ledger-from' aria-label='申请日期从' className='jf-ledger-date' type='date' value={from} max={to || undefined} onChange={(e) => setFrom(dateOf(e))} />
          <Text className='jf-ledger-filter-sep'>至</Text>
          <input id='jf-ledger-to' aria-label='申请日期至' className='jf-ledger-date' type='date' value={to} min={from || undefined} onChange={(e) => setTo(dateOf(e))} />
          {(from || to) && (
            <button type='button' className='jf-btn' id='jf-ledger-clear' onClick={() => (setFrom(''), setTo(''))}>
              全部时间
            </button>
          )}
          <View className='jf-ledger-filters-end'>
            <button id='jf-ledger-csv' type='button' className='jf-btn jf-btn-primary' disabled={exporting || !!rangeError} onClick={exportCsv}>
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
                <View key={c.id} className={`jf-ledger-card jf-col ${c.tone}`} id={c.id}>
                  <Text className='jf-ledger-card-label'>{c.label}</Text>
                  <Text className='jf-ledger-card-value'>{c.value}</Text>
                </View>
              ))}
            </View>
            {l.levels && <LedgerLevels levels={l.levels} total={l.total} />}
            <View className='jf-ledger-grid'>
              <LedgerTable id='jf-ledger-by-type' title='按纠纷类型' keyTitle='纠纷类型' rows={l.byType} total={l.total} />
              <LedgerTable id='jf-ledger-by-committee' title='按调解组织' keyTitle='调解组织' rows={l.byCommittee} total={l.total} />
              <LedgerTable id='jf-ledger-by-street' title='按街道' keyTitle='街道' rows={l.byStreet} total={l.total} />
              <LedgerTable id='jf-ledger-by-status' title='按状态' keyTitle='状态' rows={l.byStatus} total={l.total} />
              <LedgerTable id='jf-ledger-by-source' title='按纠纷来源' keyTitle='来源' rows={l.bySource ?? []} total={l.total} />
              <LedgerTable id='jf-ledger-by-month' title='按月份' keyTitle='月份' rows={l.byMonth.map((m) => ({ key: m.month, label: m.month, count: m.count }))} total={l.total} />
            </View>
          </View>
        )}
      </View>
    </View>
  )
}
