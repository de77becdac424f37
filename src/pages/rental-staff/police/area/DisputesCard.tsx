import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import CaseNumber from '../../../../components/CaseNumber'
import type { MisuseView } from '../../../../contracts/rental'
import { formatInstant } from '../../../../core/time'

/** The open 证件冒用反映 of the area, each with the area's registrations of that document and 核实处理. */
export default function DisputesCard({ disputes, onClose }: { disputes: MisuseView[]; onClose: (d: MisuseView) => void }) {
  return (
    <View className='jf-card' id='jf-police-disputes' data-count={disputes.length}>
      <Text className='jf-section-title'>证件冒用反映（{disputes.length}）</Text>
      {disputes.map((d) => (
        <View key={d.id} className='jf-rental-row jf-police-dispute' data-id={d.id}>
          <View className='jf-rental-row-top'>
            <Text className='jf-rental-row-title'>
              {d.docTypeLabel} <Text className='jf-rental-doc'>{d.docNumberMasked}</Text>
            </Text>
            <Text className='jf-rental-flag is-warn'>{d.statusLabel}</Text>
          </View>
          <Text className='jf-rental-row-sub'>
            {d.reporterName} 在 {d.buildingName}（{d.gridName}）扫码反映 · {formatInstant(d.createdAt)}
          </Text>
          <CaseNumber value={d.number} label='编号' />
          <Text className='jf-rental-row-sub'>“{d.note}”</Text>
          <Text className='jf-rental-row-sub jf-muted'>{d.related.length > 0 ? `辖区内该证件的登记 ${d.related.length} 条：` : '辖区内暂无该证件的登记'}</Text>
          {d.related.map((r) => (
            <Text key={r.id} className='jf-rental-row-sub jf-police-dispute-reg' data-id={r.id}>
              · {r.name ?? '（已清除）'} · {r.buildingName} {r.room} · {r.statusLabel} · {formatInstant(r.createdAt)}登记
            </Text>
          ))}
          <View className='jf-rental-actions'>
            <Button className='jf-police-dispute-close' size='small' type='primary' fill='outline' onClick={() => onClose(d)}>
              核实处理
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
