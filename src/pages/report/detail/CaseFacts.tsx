import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import { isOverdue } from './logic'
import { a11y } from '../../../utils/a11y'

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

/** Where, who is responsible (with their phone), who handles it and by when, as the reporter reads it. */
export default function CaseFacts({ c }: { c: CaseView }) {
  const overdue = isOverdue(c)
  return (
    <CellGroup divider>
      <Cell title='问题位置' description={c.location.address || '未填写地址'} extra={c.gridName} />
      <Cell
        title='负责单位'
        extra={
          <View className='jf-detail-unit' id='jf-unit'>
            <Text>{c.unitName}</Text>
            {c.unitPhone && (
              <View className='jf-detail-phone' id='jf-unit-phone' {...a11y('button', { label: `拨打承办单位电话 ${c.unitPhone}` })} onClick={() => call(c.unitPhone as string)}>
                <Text>☎ {c.unitPhone}</Text>
              </View>
            )}
          </View>
        }
      />
      <Cell title='处置人' extra={<Text id='jf-assignee'>{c.assigneeName ?? (c.status === 'submitted' ? '待受理' : '由负责单位处理')}</Text>} />
      {c.slaDeadline && (
        <Cell
          title='预计完成'
          extra={
            <Text id='jf-sla' className={overdue ? 'jf-detail-overdue' : ''} data-overdue={overdue ? '1' : '0'}>
              {formatFull(c.slaDeadline)}
              {overdue ? '（已超时）' : ''}
            </Text>
          }
        />
      )}
    </CellGroup>
  )
}
