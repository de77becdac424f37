import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { hasPending, publicStateText } from '../../../components/ModerationKit/logic'
import type { StaffCaseView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import { STAFF_MODERATION_URL } from '../../home/entries'
import { a11y } from '../../../utils/a11y'

const LEVEL_LABEL: Record<StaffCaseView['escalationLevel'], string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
  city: '市',
}

/** The case's facts as a handler needs them: number, place, who is responsible, deadline, public state, rating. */
export default function CaseFacts({ c }: { c: StaffCaseView }) {
  const copyNumber = () => void (c.number && Taro.setClipboardData({ data: c.number }).catch(() => undefined))
  const handler = [c.assigneeName, c.departmentName].filter(Boolean).join(' · ')
  return (
    <CellGroup divider>
      <Cell
        title='事项编号'
        extra={
          <Text className='jf-staff-id' id='jf-case-id' {...a11y('button', { label: `复制事项编号 ${c.number ?? ''}` })} onClick={copyNumber}>
            {c.number ?? '—'}
          </Text>
        }
      />
      <Cell title='问题位置' description={c.location.address || '未填写地址'} extra={c.gridName} />
      <Cell title='负责单位' description={`当前层级：${LEVEL_LABEL[c.escalationLevel] ?? c.escalationLevel}`} extra={c.unitName} />
      <Cell title='处置人' extra={<Text id='jf-case-handler'>{handler || '未分派'}</Text>} />
      {c.slaDeadline && <Cell title='办理时限' extra={<Text className={c.overdue ? 'jf-staff-overdue' : ''}>{formatFull(c.slaDeadline)}</Text>} />}
      {c.mergedInto && <Cell title='已合并到' extra={c.mergedIntoNumber ?? '另一事项'} />}
      {c.moderation && (
        <Cell
          title='公开内容'
          description={hasPending(c.moderation) ? '审核后附近居民和关注者才能看到' : undefined}
          extra={<Text id='jf-case-public-state'>{publicStateText(c.moderation)}</Text>}
          onClick={hasPending(c.moderation) ? () => void Taro.navigateTo({ url: STAFF_MODERATION_URL }) : undefined}
        />
      )}
      {c.rating !== null && (
        <Cell title='居民评价' description={c.ratingComment || undefined} extra={`${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)}`} />
      )}
      {c.followUp && <Cell title='12345 回访' description={`记录于 ${formatFull(c.followUp.at)}`} extra={<Text id='jf-case-follow-up'>{c.followUp.satisfactionLabel}</Text>} />}
    </CellGroup>
  )
}
