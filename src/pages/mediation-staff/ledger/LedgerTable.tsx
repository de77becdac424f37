import { Text, View } from '@tarojs/components'
import { percentText, shareOf } from '../../../utils/mediation/ledger'

export type LedgerRow = { key: string; label: string; count: number }

/** One breakdown of the ledger: each row's count and its share of all cases as a bar. */
export default function LedgerTable({ id, title, rows, total, keyTitle }: { id: string; title: string; rows: LedgerRow[]; total: number; keyTitle: string }) {
  return (
    <View className='jf-ledger-panel jf-col' id={id}>
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
        <Text className='jf-ledger-none'>暂无调解案件，受理后会在这里统计</Text>
      )}
    </View>
  )
}
