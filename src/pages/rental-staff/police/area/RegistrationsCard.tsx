import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { RegistrationAlerts, RegistrationHead } from '../../../../components/RentalKit/RegistrationParts'
import type { RegistrationView } from '../../../../contracts/rental'
import { formatInstant } from '../../../../core/time'
import type { PoliceAreaState } from './usePoliceArea'
import { a11y } from '../../../../utils/a11y'

/** One masked registration of the area, with 查看完整号码 where there is a number to show. */
function RegistrationRow({ reg, onReveal }: { reg: RegistrationView; onReveal: () => void }) {
  return (
    <View className='jf-rental-row jf-police-reg' data-id={reg.id} data-status={reg.status}>
      <RegistrationHead reg={reg} title={`${reg.name ?? '（已清除）'} · ${reg.buildingName} ${reg.room}`} />
      {reg.docNumberMasked && (
        <Text className='jf-rental-row-sub'>
          {reg.docTypeLabel} <Text className='jf-rental-doc jf-police-doc'>{reg.docNumberMasked}</Text>
          {reg.phone ? ` · ${reg.phone}` : ''}
        </Text>
      )}
      <RegistrationAlerts reg={reg} prefix='jf-police' />
      <Text className='jf-rental-row-sub'>
        {reg.gridName} · 入住 {reg.moveInDate} · 租约至 {reg.leaseEnd} · {formatInstant(reg.createdAt)}登记
      </Text>
      {reg.docNumberMasked && (
        <View className='jf-rental-actions'>
          <Button className='jf-police-reveal' size='small' fill='outline' type='primary' onClick={onReveal}>
            查看完整号码
          </Button>
        </View>
      )}
    </View>
  )
}

/** The area's registrations as filtered, with their count and 加载更多 at the foot. */
export default function RegistrationsCard({ s }: { s: PoliceAreaState }) {
  const { items, total, more, next, loadMore, setSheet } = s
  return (
    <View className='jf-card' id='jf-police-list' data-count={items.length}>
      <Text className='jf-section-title'>共 {total} 条</Text>
      {items.length === 0 && <View className='jf-rental-empty'>没有符合条件的登记</View>}
      {items.map((reg) => (
        <RegistrationRow key={reg.id} reg={reg} onReveal={() => setSheet({ kind: 'reveal', reg })} />
      ))}
      {items.length > 0 && (
        <View className='jf-rental-more' id='jf-police-more' {...a11y('button')} onClick={() => void loadMore()}>
          <Text>{more ? '正在加载…' : next ? '加载更多' : '没有更多了'}</Text>
        </View>
      )}
    </View>
  )
}
