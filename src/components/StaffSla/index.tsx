import { Text, View } from '@tarojs/components'
import { slaInfo } from '../StaffKit/logic'
import './index.css'

interface Props {
  deadline: string | null
  status: string
  overdue?: boolean
  now?: Date
}

/** The SLA at a glance: a red 超时 badge plus "已超时 2 小时", or "还剩 3 小时" (orange when close). */
export default function StaffSla({ deadline, status, overdue, now }: Props) {
  const sla = slaInfo(deadline, status, now ?? new Date(), overdue)
  if (!sla) return null
  return (
    <View className={`jf-sla ${sla.overdue ? 'is-overdue' : sla.urgent ? 'is-urgent' : ''}`} data-overdue={sla.overdue ? '1' : '0'}>
      {sla.overdue && <Text className='jf-overdue-badge'>超时</Text>}
      <Text className='jf-sla-text'>{sla.text}</Text>
    </View>
  )
}
