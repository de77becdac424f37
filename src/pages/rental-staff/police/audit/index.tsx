import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../../api'
import LoadState from '../../../../components/LoadState'
import type { AuditView } from '../../../../contracts/rental'
import { formatFull } from '../../../../core/time'
import { useOpenAndPullRefresh } from '../../../../hooks/useOpenAndPullRefresh'
import { a11y } from '../../../../utils/a11y'
import '../../../../components/RentalKit/kit.css'

const PAGE = 30
const ACTION_LABELS: Record<AuditView['action'], string> = { reveal: '查看完整号码', export: '导出 CSV', search: '按证件号码查询', read: '查看事项', moderate: '内容审核', erase: '注销账号', integration: '对外接口' }

/** Every reveal and export of the area, newest first: who, what, why, when. */
export default function PoliceAudit() {
  const [entries, setEntries] = useState<AuditView[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [more, setMore] = useState(false)

  const refresh = useCallback(async () => {
    setError('')
    const r = await api.call('rental.audit', { limit: PAGE })
    if (!r.ok) {
      setRetryable(r.retryable === true)
      return setError(r.message)
    }
    setEntries(r.entries)
    setNext(r.next)
  }, [])

  useOpenAndPullRefresh(refresh)

  const loadMore = async () => {
    if (!next || more) return
    setMore(true)
    const r = await api.call('rental.audit', { limit: PAGE, before: next })
    setMore(false)
    if (!r.ok) return void Taro.showToast({ title: r.message, icon: 'none' })
    setEntries((list) => [...(list ?? []), ...r.entries])
    setNext(r.next)
  }
  useReachBottom(() => void loadMore())

  if (!entries) return <LoadState error={error} errorId='jf-audit-error' onRetry={() => void refresh()} retryable={retryable} />

  return (
    <View className='jf-page' id='jf-audit' data-count={entries.length}>
      <View className='jf-card'>
        <Text className='jf-section-title'>查询与导出记录</Text>
        {entries.length === 0 && <View className='jf-rental-empty'>还没有查询或导出记录</View>}
        {entries.map((e) => (
          <View key={e.id} className='jf-rental-row jf-audit-row' data-id={e.id} data-action={e.action}>
            <View className='jf-rental-row-top'>
              <Text className='jf-rental-row-title'>{ACTION_LABELS[e.action] ?? '查阅'}</Text>
              <Text className='jf-rental-row-sub jf-muted'>{e.actorRoleLabel}</Text>
            </View>
            <Text className='jf-rental-row-sub jf-audit-sentence'>{e.sentence}</Text>
            <Text className='jf-rental-row-sub jf-muted'>{formatFull(e.at)}</Text>
          </View>
        ))}
        {entries.length > 0 && (
          <View className='jf-rental-more' {...a11y('button')} onClick={() => void loadMore()}>
            <Text>{more ? '正在加载…' : next ? '加载更多' : '没有更多了'}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
