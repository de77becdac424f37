import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { api } from '../../../../api'
import LoadState from '../../../../components/LoadState'
import { INSPECTION_LABELS } from '../../../../utils/rental/labels'
import type { BuildingView } from '../../../../contracts/rental'
import { formatFull } from '../../../../core/time'
import { useOpenAndPullRefresh } from '../../../../hooks/useOpenAndPullRefresh'
import '../../../../components/RentalKit/kit.css'

/** The street's buildings whose monthly fire-safety check is overdue or was never done. */
export default function OverdueInspections() {
  const [buildings, setBuildings] = useState<BuildingView[] | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)

  const refresh = useCallback(async () => {
    setError('')
    const r = await api.call('rental.overdueInspections', {})
    if (r.ok) setBuildings(r.buildings)
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [])

  useOpenAndPullRefresh(refresh)

  if (!buildings) return <LoadState error={error} errorId='jf-overdue-error' onRetry={() => void refresh()} retryable={retryable} />

  return (
    <View className='jf-page' id='jf-overdue' data-count={buildings.length}>
      <View className='jf-card'>
        <Text className='jf-section-title'>消防安全巡查逾期 {buildings.length} 栋</Text>
        {buildings.length === 0 && <View className='jf-rental-empty'>本街道出租屋楼栋均已按月巡查</View>}
        {buildings.map((b) => (
          <View key={b.id} className='jf-rental-row jf-overdue-row' data-id={b.id} data-state={b.inspectionState}>
            <View className='jf-rental-row-top'>
              <Text className='jf-rental-row-title'>{b.name}</Text>
              <Text className='jf-rental-flag'>{INSPECTION_LABELS[b.inspectionState]}</Text>
            </View>
            <Text className='jf-rental-row-sub'>
              {b.address} · {b.gridName}
            </Text>
            <Text className='jf-rental-row-sub'>
              楼栋长 {b.managerName} · 在住 {b.active} 户 · {b.lastInspectionAt ? `上次巡查 ${formatFull(b.lastInspectionAt)}` : '从未巡查'}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
