import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { QR_STATUS_LABELS } from '../../../utils/gridwork/labels'
import { overviewTotals, sortOverview } from '../../../utils/gridwork/overview'
import { formatFull } from '../../../core/time'
import { useGridOverview } from './useGridOverview'
import { MANAGE_URL, PUBLISH_URL } from '../../../utils/gridwork/links'
import { a11y } from '../../../utils/a11y'
import '../../../components/GridWorkKit/kit.css'
import './index.css'
import GridWorkStats from '../../../components/GridWorkKit/Stats'
import LoadState from '../../../components/LoadState'

/** 网格服务群总览 for the street's centre: per grid its members, waiting requests and whether its group QR still works. */
export default function GridOverview() {
  const { session, street, rows, error, retryable, sort, setSort, load } = useGridOverview()
  if (session.status === 'loading') return <View className='jf-page jf-center'>正在加载…</View>
  if (session.status !== 'ready' || !street)
    return (
      <View className='jf-page jf-center' id='jf-gw-ov-error'>
        <Text>{session.status === 'error' ? session.message : session.status === 'ready' ? '只有街道综治中心可以查看网格服务群总览' : '请先登录'}</Text>
      </View>
    )
  if (!rows) return <LoadState error={error} errorId='jf-gw-ov-error' onRetry={() => void load()} retryable={retryable} />

  const totals = overviewTotals(rows)
  const list = sortOverview(rows, sort)
  const open = (code: string) => void Taro.navigateTo({ url: `${MANAGE_URL}?code=${encodeURIComponent(code)}` })

  return (
    <View className='jf-page jf-gw-overview' id='jf-gw-overview' data-street={street.code}>
      <GridWorkStats
        id='jf-gw-ov-totals'
        className='jf-gw-ov-totals'
        stats={[
          { caption: '网格', value: totals.grids },
          { caption: '已入群居民', value: totals.members, id: 'jf-gw-ov-members' },
          { caption: '待审核申请', value: totals.pending, id: 'jf-gw-ov-pending', tone: totals.pending ? 'alert' : undefined },
          { caption: '二维码需更新', value: totals.qrAttention, id: 'jf-gw-ov-qr-attention', tone: totals.qrAttention ? 'alert' : undefined },
        ]}
      />

      <View className='jf-gw-ov-tools'>
        <View className='jf-gw-chips jf-gw-ov-sorts' {...a11y('radiogroup', { label: '排序' })}>
          {(
            [
              ['attention', '待处理优先'],
              ['name', '按网格编号'],
            ] as const
          ).map(([k, label]) => (
            <View key={k} className={`jf-gw-chip jf-gw-ov-sort ${sort === k ? 'is-active' : ''}`} data-sort={k} {...a11y('radio', { checked: sort === k })} onClick={() => setSort(k)}>
              <Text>{label}</Text>
            </View>
          ))}
        </View>
        <Button id='jf-gw-ov-publish' size='small' type='primary' onClick={() => void Taro.navigateTo({ url: PUBLISH_URL })}>
          发布公告
        </Button>
      </View>

      {error && (
        <View className='jf-gw-error'>
          <Text>{error}</Text>
        </View>
      )}

      <View className='jf-card jf-gw-ov-table' id='jf-gw-ov-table'>
        <View className='jf-gw-ov-row jf-gw-ov-headrow'>
          <Text className='jf-gw-ov-c-name'>网格</Text>
          <Text className='jf-gw-ov-c-num'>成员</Text>
          <Text className='jf-gw-ov-c-num'>待审核</Text>
          <Text className='jf-gw-ov-c-qr'>群二维码</Text>
        </View>
        {list.length ? (
          list.map((g) => (
            <View key={g.code} className='jf-gw-ov-row jf-gw-ov-grid' data-code={g.code} data-qr={g.qrStatus} data-pending={g.pending} {...a11y('link')} onClick={() => open(g.code)}>
              <View className='jf-gw-ov-c-name'>
                <Text className='jf-gw-ov-grid-name'>{g.name}</Text>
                <Text className='jf-gw-ov-grid-code'>{g.code}</Text>
              </View>
              <Text className='jf-gw-ov-c-num'>{g.members}</Text>
              <Text className={`jf-gw-ov-c-num ${g.pending ? 'is-alert' : ''}`}>{g.pending}</Text>
              <View className='jf-gw-ov-c-qr'>
                <Text className='jf-gw-qr-tag' data-status={g.qrStatus}>
                  {QR_STATUS_LABELS[g.qrStatus]}
                </Text>
                {g.qrExpiresAt && <Text className='jf-gw-ov-expiry'>至 {formatFull(g.qrExpiresAt)}</Text>}
              </View>
            </View>
          ))
        ) : (
          <View className='jf-gw-empty'>
            <Text>本街道暂无网格，请管理员在「单位与网格」中导入网格</Text>
          </View>
        )}
      </View>
    </View>
  )
}
