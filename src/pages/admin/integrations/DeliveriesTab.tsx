import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import AdminTable from '../../../components/AdminKit/AdminTable'
import CaseNumber from '../../../components/CaseNumber'
import EmptyState from '../../../components/EmptyState'
import PagedList from '../../../components/PagedList'
import type { PartnerView, SubscriptionView } from '../../../contracts/integrations'
import { useDeliveries, type TargetKey } from './useDeliveries'

/** Every place deliveries go: the door-access system first, then subscriptions and 12345 platforms (stopped ones marked). */
function targets(subscriptions: SubscriptionView[], partners: PartnerView[]): Array<{ key: TargetKey; label: string }> {
  const stopped = (revoked: string | null) => (revoked ? '（已停用）' : '')
  return [
    { key: 'access', label: '门禁系统（出租屋实名登记）' },
    ...subscriptions.map((s) => ({ key: `sub:${s.id}` as const, label: `事件订阅：${s.name}${stopped(s.revoked)}` })),
    ...partners.filter((p) => p.kind === 'hotline').map((p) => ({ key: `hotline:${p.id}` as const, label: `12345 热线：${p.name}${stopped(p.revoked)}` })),
  ]
}

/** 发送记录: every attempt to deliver to one target, newest first, paged, in words (成功, 失败 and why, 已放弃). */
export default function DeliveriesTab({ subscriptions, partners }: { subscriptions: SubscriptionView[]; partners: PartnerView[] }) {
  const [key, setKey] = useState<TargetKey>('access')
  const d = useDeliveries(key)
  const options = targets(subscriptions, partners)
  return (
    <View className='jf-ak-section' id='jf-int-log' data-target={key}>
      <Text className='jf-ak-title'>发送记录</Text>
      <Text className='jf-ak-help'>每一次发送都有一行记录：对方没有确认收到的，会自动重试，间隔逐次加长；多次仍失败即放弃，该行标为「已放弃」。</Text>
      <View className='jf-ak-row'>
        <label className='jf-int-label'>
          查看
          <select id='jf-int-log-target' value={key} onChange={(e) => setKey((e.target as HTMLSelectElement).value as TargetKey)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type='button' className='jf-btn' id='jf-int-log-refresh' onClick={() => void d.refresh()}>
          刷新
        </button>
      </View>
      <PagedList
        phase={d.phase}
        error={d.error}
        empty={d.rows.length === 0}
        next={d.next}
        loadingMore={d.loadingMore}
        onRetry={() => void d.refresh()}
        onMore={() => void d.loadMore()}
        emptyView={<EmptyState title='暂无发送记录' description='有事件发给对方后，每次发送的结果会列在这里。' />}
        ids={{ error: 'jf-int-log-error', empty: 'jf-int-log-empty', list: 'jf-int-log-list', more: 'jf-int-log-more' }}
      >
        <AdminTable head={['时间', '事件', '事项编号', '第几次', '结果', '状态码']}>
          {d.rows.map((r) => (
            <tr key={r.id} className='jf-int-delivery' data-ok={r.ok ? '1' : '0'} data-dead={r.dead ? '1' : '0'}>
              <td className='jf-int-nowrap'>{r.at}</td>
              <td>{r.event}</td>
              <td className='jf-int-nowrap'>{r.caseNumber ? <CaseNumber value={r.caseNumber} /> : '—'}</td>
              <td className='jf-int-nowrap'>{r.attemptText}</td>
              <td className='jf-int-result'>
                <Text className={`jf-ak-tag ${r.ok ? 'is-ok' : 'is-bad'}`}>{r.result}</Text>
                {r.deadLabel && <Text className='jf-ak-tag is-warn jf-int-dead'>{r.deadLabel}</Text>}
              </td>
              <td className='jf-int-nowrap'>{r.httpStatus ?? '—'}</td>
            </tr>
          ))}
        </AdminTable>
      </PagedList>
      {d.phase === 'ready' && d.error && <Text className='jf-ak-notice is-error'>{d.error}</Text>}
    </View>
  )
}
