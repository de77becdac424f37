import { Text } from '@tarojs/components'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { RATE_LIMIT_LABELS } from '../../../contracts/configFields'
import { CellNumber, type FieldProps } from './ConfigField'

type Limits = Record<string, { max?: unknown; windowMinutes?: unknown }>

/** 提交次数限制: how many of each create one person may make in a window of minutes. */
export default function RateLimits({ limits, errors, set }: Omit<FieldProps, 'path'> & { limits: Limits }) {
  return (
    <AdminTable id='jf-config-rate-limits' head={['操作', '次数上限', '统计时段（分钟）']}>
      {Object.entries(limits).map(([key, l]) => (
        <tr key={key} className='jf-config-rate' data-key={key}>
          <td>
            <Text>{RATE_LIMIT_LABELS[key] ?? '其他操作'}</Text>
          </td>
          <td>
            <CellNumber label='次数上限' path={['rateLimits', key, 'max']} value={l.max} errors={errors} set={set} />
          </td>
          <td>
            <CellNumber label='统计时段（分钟）' path={['rateLimits', key, 'windowMinutes']} value={l.windowMinutes} errors={errors} set={set} />
          </td>
        </tr>
      ))}
    </AdminTable>
  )
}
