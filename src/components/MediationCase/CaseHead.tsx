import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { MediationView } from '../../contracts/api'
import { formatFull } from '../../core/time'
import { dialable } from '../../utils/mediation/phone'
import { deadlineInfo, statusHint } from '../../utils/mediation/status'
import CaseNumber from '../CaseNumber'
import MediationStatusTag from '../MediationStatusTag'
import { call } from './device'
import { a11y } from '../../utils/a11y'

/** The dispute type and status with what happens next. */
export function CaseHead({ c }: { c: MediationView }) {
  const hint = statusHint(c.status, c.myRole)
  return (
    <View className='jf-card jf-med-head jf-col'>
      <View className='jf-med-head-row jf-row-between'>
        <Text className='jf-med-type' id='jf-med-type'>
          {c.disputeTypeLabel}
        </Text>
        <MediationStatusTag status={c.status} label={c.statusLabel} />
      </View>
      {hint && (
        <Text className='jf-med-hint' id='jf-med-hint'>
          {hint}
        </Text>
      )}
      <Text className='jf-muted jf-med-head-meta'>
        申请于 {formatFull(c.createdAt)} · 希望{c.preferredWay === 'online' ? '线上调解' : '到社区调解室调解'}
      </Text>
    </View>
  )
}

/** Who handles the case and until when (司法确认 has its own card, HandoffCards). */
export function CaseFacts({ c }: { c: MediationView }) {
  const dl = deadlineInfo(c.deadline, c.status, new Date(), c.overdue)
  return (
    <View className='jf-card'>
      <CellGroup divider>
        {c.number && <Cell title='案件编号' extra={<CaseNumber value={c.number} id='jf-med-number' />} />}
        <Cell title='受理街道' extra={<Text id='jf-med-street'>{c.streetName}</Text>} />
        <Cell title='调解组织' extra={<Text id='jf-med-committee'>{c.committee?.name ?? '待受理后确定'}</Text>} />
        <Cell
          title='调解员'
          extra={
            <View className='jf-med-mediator-cell jf-col'>
              <Text id='jf-med-mediator'>{c.mediatorName ?? '待指派'}</Text>
              {c.mediatorPhone && (
                <Text id='jf-med-mediator-phone' className={dialable(c.mediatorPhone) ? 'jf-med-phone' : 'jf-muted'} {...a11y('button', { label: `拨打调解员电话 ${c.mediatorPhone}` })} onClick={() => call(c.mediatorPhone)}>
                  ☎ {c.mediatorPhone}
                </Text>
              )}
            </View>
          }
        />
        {c.deadline && (
          <Cell
            title='调解期限'
            extra={
              <View className='jf-med-mediator-cell jf-col' id='jf-med-deadline' data-overdue={dl?.overdue ? '1' : '0'}>
                <Text>{formatFull(c.deadline)}</Text>
                {dl && <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>}
              </View>
            }
          />
        )}
      </CellGroup>
    </View>
  )
}
