import { Text, View } from '@tarojs/components'
import type { LedgerLevels as Levels } from '../../../contracts/mediationLevels'
import { percentText } from '../../../utils/mediation/ledger'
import LedgerTable from './LedgerTable'
import './levels.css'

/**
 * 小事不出村、大事不出镇: how many were settled without leaving the village (社区) or the street, as a
 * share of the settled cases, how many were passed up, and where the cases are by level.
 */
export default function LedgerLevels({ levels, total }: { levels: Levels; total: number }) {
  const cards = [
    { id: 'jf-ledger-in-community', label: '不出村（社区）化解', value: `${levels.settledInCommunity} 件`, rate: levels.communityRate },
    { id: 'jf-ledger-in-street', label: '不出街道化解', value: `${levels.settledInStreet} 件`, rate: levels.streetRate },
    { id: 'jf-ledger-passed-up', label: '上交上级调解', value: `${levels.passedUp} 件`, rate: null },
  ]
  return (
    <View className='jf-ledger-levels jf-col' id='jf-ledger-levels'>
      <View className='jf-ledger-cards'>
        {cards.map((c) => (
          <View key={c.id} className='jf-ledger-card jf-col is-ok' id={c.id} data-count={c.value}>
            <Text className='jf-ledger-card-label'>{c.label}</Text>
            <Text className='jf-ledger-card-value'>{c.value}</Text>
            {c.rate !== null && <Text className='jf-ledger-card-label'>占调解成功 {percentText(c.rate)}</Text>}
          </View>
        ))}
      </View>
      <LedgerTable
        id='jf-ledger-by-level'
        title='按调解层级（调解成功件数见括号）'
        keyTitle='层级'
        rows={levels.byLevel.map((x) => ({ key: x.key, label: `${x.label}（成功 ${x.succeeded}）`, count: x.count }))}
        total={total}
      />
    </View>
  )
}
