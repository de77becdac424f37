import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadState from '../../../../components/LoadState'
import { INSPECTION_LABELS } from '../../../../utils/rental/labels'
import { formatFull } from '../../../../core/time'
import RegisterForm from './RegisterForm'
import { useBuildingList } from './useBuildingList'
import { a11y } from '../../../../utils/a11y'
import '../../../../components/RentalKit/kit.css'
import './index.css'

export const DETAIL_URL = '/pages/rental-staff/building/detail/index'

/** 楼栋管理: the manager's buildings with their counts and fire-check state, and registering a new one. */
export default function BuildingList() {
  const { load, registering, setRegistering, refresh, registered } = useBuildingList()

  return (
    <View className='jf-page jf-buildings' id='jf-buildings' data-phase={load.phase}>
      {registering ? (
        <RegisterForm onDone={registered} onCancel={() => setRegistering(false)} />
      ) : (
        <View className='jf-rental-submit'>
          <Button id='jf-building-new' type='primary' block onClick={() => setRegistering(true)}>
            登记新楼栋
          </Button>
        </View>
      )}

      {load.phase !== 'ready' && <LoadState className='jf-center' error={load.phase === 'error' ? load.message : ''} errorId='jf-buildings-error' onRetry={() => void refresh()} retryable={load.phase !== 'error' || load.retryable} />}
      {load.phase === 'ready' && load.items.length === 0 && !registering && (
        <View className='jf-card jf-rental-empty' id='jf-buildings-empty'>
          <Text>还没有登记楼栋。登记后可打印楼栋二维码，租户扫码即可实名登记。</Text>
        </View>
      )}
      {load.phase === 'ready' &&
        load.items.map((b) => (
          <View key={b.id} className='jf-card jf-building' data-id={b.id} data-code={b.code} {...a11y('link')} onClick={() => void Taro.navigateTo({ url: `${DETAIL_URL}?id=${encodeURIComponent(b.id)}` })}>
            <View className='jf-rental-row'>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>{b.name}</Text>
                <Text className={`jf-rental-flag jf-building-inspection ${b.inspectionState === 'ok' ? 'is-ok' : b.inspectionState === 'due_soon' ? 'is-warn' : ''}`} data-state={b.inspectionState}>
                  {INSPECTION_LABELS[b.inspectionState]}
                </Text>
              </View>
              <Text className='jf-rental-row-sub'>
                {b.address} · {b.gridName}
              </Text>
              <Text className='jf-rental-row-sub'>
                <Text className='jf-building-pending' data-count={b.pending}>
                  待确认 {b.pending}
                </Text>
                {' · '}
                <Text className='jf-building-active' data-count={b.active}>
                  在住 {b.active}
                </Text>
                {' · '}
                {b.floors} 层 {b.rooms.length} 户{b.lastInspectionAt ? ` · 上次巡查 ${formatFull(b.lastInspectionAt)}` : ''}
              </Text>
            </View>
          </View>
        ))}
    </View>
  )
}
