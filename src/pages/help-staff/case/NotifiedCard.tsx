import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NotifiedView } from '../../../contracts/api'
import { a11y } from '../../../utils/a11y'

const dial = (n: string) => void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)

/** The on-duty helpers the request went to; those no message reached first, with their phone to call. */
export default function NotifiedCard({ notified }: { notified: NotifiedView[] }) {
  const rows = [...notified].sort((a, b) => Number(a.reached) - Number(b.reached))
  return (
    <View className='jf-card jf-helpc-notified' id='jf-helpc-notified'>
      <Text className='jf-section-title'>已通知值班人员 {notified.length} 人</Text>
      {rows.length === 0 && <Text className='jf-helpc-body jf-muted'>本社区此时无人值班，已直接上报综治中心</Text>}
      {rows.map((n, i) => (
        <View key={`${n.name}-${i}`} className='jf-helpc-person' data-reached={n.reached ? '1' : '0'}>
          <View className='jf-col'>
            <Text className='jf-helpc-person-name'>
              {n.name} · {n.roleLabel}
            </Text>
            <Text className={n.reached ? 'jf-muted' : 'jf-helpc-unreached'}>{n.reached ? '已发送提醒' : `未能提醒：${n.reasonLabel ?? ''}`}</Text>
          </View>
          {n.phone && (
            <Text className='jf-helpc-dial' {...a11y('button', { label: `拨打${n.name}的电话 ${n.phone}` })} onClick={() => dial(n.phone as string)}>
              {n.phone}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
