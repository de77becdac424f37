import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadState from '../../../../components/LoadState'
import { INSPECTION_LABELS } from '../../../../utils/rental/labels'
import RentalReasonSheet from '../../../../components/RentalReasonSheet'
import { formatFull } from '../../../../core/time'
import RegistrationRow from './RegistrationRow'
import { TABS, useBuildingDetail } from './useBuildingDetail'
import { a11y } from '../../../../utils/a11y'
import '../../../../components/RentalKit/kit.css'
import '../../../../components/TabStrip/tabs.css'
import './index.css'

export const QR_URL = '/pages/rental-staff/building/qr/index'
export const INSPECT_URL = '/pages/rental-staff/building/inspect/index'

/** One building: check-ins to confirm or refuse, the roster (人在管理) with masked numbers, check-outs. */
export default function BuildingDetail() {
  const { building, buildingError, buildingRetryable, tab, load, busy, refusing, setRefusing, loadBuilding, loadTab, pick, approve, refuse, checkOut } = useBuildingDetail()
  if (!building)
    return <LoadState error={buildingError} errorId='jf-building-error' loadingText='正在加载楼栋…' onRetry={() => void loadBuilding()} retryable={buildingRetryable} />

  const go = (url: string) => void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(building.id)}` })

  return (
    <View className='jf-page' id='jf-building-detail' data-id={building.id} data-code={building.code}>
      <View className='jf-rental-head'>
        <Text className='jf-rental-head-title'>{building.name}</Text>
        <Text className='jf-rental-head-sub'>
          {building.address} · {building.gridName} · 待确认 {building.pending} · 在住 {building.active}
        </Text>
        <Text className='jf-rental-head-sub' id='jf-building-inspection' data-state={building.inspectionState}>
          消防安全巡查：{INSPECTION_LABELS[building.inspectionState]}
          {building.lastInspectionAt ? `（上次 ${formatFull(building.lastInspectionAt)}）` : ''}
        </Text>
        <View className='jf-rental-actions jf-building-links'>
          <Button id='jf-building-go-qr' size='small' fill='outline' type='primary' onClick={() => go(QR_URL)}>
            楼栋二维码
          </Button>
          <Button id='jf-building-go-inspect' size='small' type='primary' fill={building.inspectionState === 'ok' ? 'outline' : 'solid'} onClick={() => go(INSPECT_URL)}>
            消防巡查
          </Button>
        </View>
      </View>

      <View className='jf-tabs jf-rental-tabs' id='jf-building-tabs' {...a11y('tablist')}>
        {TABS.map((t) => (
          <View key={t.key} id={`jf-building-tab-${t.key}`} className={`jf-tab jf-rental-tab ${tab === t.key ? 'is-active' : ''}`} data-tab={t.key} {...a11y('tab', { selected: tab === t.key })} onClick={() => pick(t.key)}>
            <Text>
              {t.label}
              {t.key === 'pending' && building.pending > 0 ? ` ${building.pending}` : ''}
              {t.key === 'active' && building.active > 0 ? ` ${building.active}` : ''}
            </Text>
          </View>
        ))}
      </View>

      {load.phase !== 'ready' && <LoadState className='jf-center' error={load.phase === 'error' ? load.message : ''} errorId='jf-building-list-error' onRetry={() => void loadTab(tab)} retryable={load.phase !== 'error' || load.retryable} />}
      {load.phase === 'ready' && load.items.length === 0 && (
        <View className='jf-card jf-rental-empty' id='jf-building-list-empty'>
          <Text>{tab === 'pending' ? '暂无待确认的登记。租户扫描楼栋二维码登记后，会出现在这里等您确认' : tab === 'active' ? '暂无在住租户。确认租户的登记后，会显示在这里' : '暂无退租记录'}</Text>
        </View>
      )}
      {load.phase === 'ready' && load.items.length > 0 && (
        <View className='jf-card' id={`jf-building-${tab}`} data-count={load.items.length}>
          {load.items.map((reg) => (
            <RegistrationRow key={reg.id} reg={reg} busy={busy === reg.id} onApprove={() => void approve(reg)} onRefuse={() => setRefusing(reg)} onCheckOut={() => void checkOut(reg)} />
          ))}
        </View>
      )}

      <RentalReasonSheet
        title={refusing ? `驳回 ${refusing.room} 的登记` : null}
        hint={refusing?.alerts.length ? '租户会看到驳回原因。请勿在原因中透露该证件在别处的登记情况。' : '租户会看到驳回原因，可修改后重新扫码登记。'}
        placeholder={refusing?.alerts.length ? '如：证件信息需本人持证件到楼栋长处当面核实' : '如：房号填写错误，本户 502 无此租户'}
        confirmText='驳回'
        check={(v) => (v.trim() ? '' : '请填写驳回原因')}
        onSubmit={refuse}
        onClose={() => setRefusing(null)}
      />
    </View>
  )
}
