import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import StatusTag from '../../../components/StatusTag'
import type { CaseSummary } from '../../../contracts/api'
import { formatInstant } from '../../../core/time'
import { flushOnShow, outbox, type OutboxItem } from '../../../outbox'
import OutboxRows from './OutboxRows'
import './index.css'

const PAGE = 20

type Phase = 'loading' | 'ready' | 'error'

export default function MyCases() {
  const [cases, setCases] = useState<CaseSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('loading')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const firstShow = useRef(true)
  // Read inside callbacks that Taro may hold on to from an earlier render.
  const shownList = useRef(false)
  const [pending, setPending] = useState<OutboxItem[]>(() => outbox.items())

  const refresh = useCallback(async () => {
    const r = await api.call('reports.mine', { limit: PAGE })
    if (r.ok) {
      setCases(r.cases)
      setNext(r.next)
      setPhase('ready')
      setError('')
      shownList.current = true
    } else if (shownList.current) {
      // Keep the list the user is looking at; just say why it did not refresh.
      void Taro.showToast({ title: r.message, icon: 'none' })
    } else {
      setError(r.message)
      setPhase('error')
    }
  }, [])

  // A queued report that went through becomes a real case: show it in place of the 待发送 row.
  useEffect(
    () =>
      outbox.onChange((items, result) => {
        setPending(items)
        if (result?.kind === 'sent') void refresh()
      }),
    [refresh],
  )

  // Statuses change while the user looks at a case, so the list reloads every time it is shown;
  // showing the list is also a good moment to send what is waiting.
  useDidShow(() => {
    if (firstShow.current) setPhase('loading')
    firstShow.current = false
    setPending(outbox.items())
    flushOnShow()
    void refresh()
  })

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const loadMore = async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    const r = await api.call('reports.mine', { before: next, limit: PAGE })
    setLoadingMore(false)
    if (r.ok) {
      setCases((list) => [...list, ...r.cases.filter((c) => !list.some((x) => x.id === c.id))])
      setNext(r.next)
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }

  useReachBottom(() => void loadMore())

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(id)}` })
  const report = () => void Taro.navigateTo({ url: '/pages/report/new/index' })

  // The 待发送 rows stay on top whatever the list is doing: offline is exactly when they matter.
  const outboxRows = <OutboxRows items={pending} />

  if (phase === 'loading')
    return (
      <View className='jf-page jf-mine'>
        {outboxRows}
        <View className='jf-center'>正在加载…</View>
      </View>
    )

  if (phase === 'error')
    return (
      <View className='jf-page jf-mine'>
        {outboxRows}
        <View className='jf-center' id='jf-cases-error'>
          <Text>{error}</Text>
          <View className='jf-mine-retry'>
            <Button size='small' onClick={() => void refresh()}>
              重试
            </Button>
          </View>
        </View>
      </View>
    )

  if (!cases.length && !pending.length)
    return (
      <View className='jf-page jf-mine-empty' id='jf-cases-empty'>
        <Empty title='还没有事项' description='发现身边的问题，随手上报给网格员' />
        <View className='jf-mine-empty-action'>
          <Button id='jf-empty-report' type='primary' onClick={report}>
            上报问题
          </Button>
        </View>
      </View>
    )

  return (
    <View className='jf-page jf-mine'>
      {outboxRows}
      {pending.length > 0 && cases.length > 0 && <Text className='jf-mine-section'>已上报</Text>}
      <View id='jf-case-list'>
        {cases.map((c) => (
          <View key={c.id} className='jf-card jf-case-row' data-case-id={c.id} data-status={c.status} onClick={() => open(c.id)}>
            <View className='jf-case-row-head'>
              <Text className='jf-case-row-category'>{c.categoryName}</Text>
              <StatusTag status={c.status} label={c.statusLabel} />
            </View>
            <Text className='jf-case-row-title'>{c.title}</Text>
            <View className='jf-case-row-foot'>
              <Text className='jf-muted'>{c.gridName}</Text>
              <Text className='jf-muted'>{formatInstant(c.createdAt)}</Text>
            </View>
          </View>
        ))}
      </View>
      <View className='jf-mine-more'>
        {!cases.length ? null : next ? (
          <Button id='jf-load-more' size='small' fill='none' loading={loadingMore} onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : (
          <Text className='jf-muted'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
