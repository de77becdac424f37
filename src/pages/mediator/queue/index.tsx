import { Button, Empty, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { queueTabsFor, type MedQueueTab } from '../../../utils/mediation/queue'
import { deadlineInfo } from '../../../utils/mediation/status'
import MediationStatusTag from '../../../components/MediationStatusTag'
import type { MediationSummary } from '../../../contracts/api'
import { formatInstant } from '../../../core/time'
import { useSession } from '../../../hooks/useSession'
import '../../../components/MediationKit/kit.css'
import '../../../components/TabStrip/tabs.css'
import './index.css'

const PAGE = 20
export const LEDGER_URL = '/pages/mediator/ledger/index'

type Query = { tab: MedQueueTab['key']; mine: boolean }

/** The mediation queue: a mediator's committee (or only their own cases), the centre's whole street; deadline first. */
export default function MediatorQueue() {
  const { state: session } = useSession()
  const roles = session.status === 'ready' ? session.me.roles.map((r) => r.role) : []
  const isDispatcher = roles.includes('dispatcher')
  const isMediator = roles.includes('mediator')
  const tabs = queueTabsFor(isDispatcher)
  const [query, setQuery] = useState<Query | null>(null)
  const [cases, setCases] = useState<MediationSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [total, setTotal] = useState(0)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const [loadingMore, setLoadingMore] = useState(false)
  const seq = useRef(0)
  // Page events may hold an older render's closures: they read the current query from here.
  const queryRef = useRef<Query | null>(null)
  queryRef.current = query
  const shown = useRef(false)

  const inputOf = (q: Query) => {
    const t = tabs.find((x) => x.key === q.tab) ?? tabs[0]!
    return { statuses: t.statuses, ...(q.mine ? { mine: true } : {}) }
  }

  const load = async (q: Query, quiet = false) => {
    const mine = ++seq.current
    if (!quiet) setPhase('loading')
    const r = await api.call('mediation.queue', { ...inputOf(q), limit: PAGE })
    if (mine !== seq.current) return
    if (r.ok) {
      setCases(r.cases)
      setNext(r.next)
      setTotal(r.total)
      setPhase('ready')
    } else if (quiet && shown.current) void Taro.showToast({ title: r.message, icon: 'none' })
    else {
      setError(r.message)
      setPhase('error')
    }
    if (r.ok) shown.current = true
  }

  // The first tab depends on who is signed in: the centre starts with new applications.
  useEffect(() => {
    if (session.status !== 'ready' || query) return
    const q: Query = { tab: isDispatcher ? 'applied' : 'open', mine: false }
    setQuery(q)
    void load(q)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.status])

  useDidShow(() => {
    // Back from a case the user just acted on: reload quietly so the list stays in place.
    if (queryRef.current && shown.current) void load(queryRef.current, true)
  })

  usePullDownRefresh(() => {
    const q = queryRef.current
    if (!q) return void Taro.stopPullDownRefresh()
    void load(q, true).finally(() => Taro.stopPullDownRefresh())
  })

  const loadMore = async () => {
    const q = queryRef.current
    if (!q || !next || loadingMore) return
    setLoadingMore(true)
    const mine = seq.current
    const r = await api.call('mediation.queue', { ...inputOf(q), before: next, limit: PAGE })
    setLoadingMore(false)
    if (mine !== seq.current) return
    if (r.ok) {
      setCases((list) => [...list, ...r.cases.filter((c) => !list.some((x) => x.id === c.id))])
      setNext(r.next)
    } else void Taro.showToast({ title: r.message, icon: 'none' })
  }
  useReachBottom(() => void loadMore())

  const change = (q: Query) => {
    setQuery(q)
    void load(q)
  }

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/mediator/case/index?id=${encodeURIComponent(id)}` })
  const now = new Date()

  if (session.status === 'loading' || (session.status === 'ready' && !query))
    return <View className='jf-page jf-center'>正在加载…</View>
  if (session.status !== 'ready')
    return (
      <View className='jf-page jf-center' id='jf-medq-error'>
        <Text>{session.status === 'error' ? session.message : '请先登录'}</Text>
      </View>
    )

  return (
    <View className='jf-page jf-medq' id='jf-medq'>
      <View className='jf-tabs jf-medq-tabs' id='jf-medq-tabs'>
        {tabs.map((t) => (
          <View
            key={t.key}
            id={`jf-medq-tab-${t.key}`}
            className={`jf-tab jf-medq-tab ${query?.tab === t.key ? 'is-active' : ''}`}
            data-tab={t.key}
            onClick={() => query && query.tab !== t.key && change({ ...query, tab: t.key })}
          >
            <Text>{t.label}</Text>
            {query?.tab === t.key && phase === 'ready' && <Text className='jf-tab-count jf-medq-tab-count'>{total}</Text>}
          </View>
        ))}
      </View>

      {(isMediator || (isDispatcher && process.env.TARO_ENV === 'h5')) && (
        <View className='jf-medq-tools'>
          {isMediator ? (
            <View className='jf-medq-mine' id='jf-medq-mine' data-on={query?.mine ? '1' : '0'}>
              <Text className='jf-medq-mine-label'>仅看我承办的</Text>
              <Switch checked={!!query?.mine} onChange={(v) => query && change({ ...query, mine: v })} />
            </View>
          ) : (
            <View />
          )}
          {isDispatcher && process.env.TARO_ENV === 'h5' && (
            <Text className='jf-medq-ledger' id='jf-medq-ledger' onClick={() => void Taro.navigateTo({ url: LEDGER_URL })}>
              调解台账 ›
            </Text>
          )}
        </View>
      )}

      {phase === 'loading' && <View className='jf-center'>正在加载…</View>}

      {phase === 'error' && (
        <View className='jf-center' id='jf-medq-load-error'>
          <Text>{error}</Text>
          <View className='jf-medq-retry'>
            <Button size='small' onClick={() => query && void load(query)}>
              重试
            </Button>
          </View>
        </View>
      )}

      {phase === 'ready' && !cases.length && (
        <View className='jf-medq-empty' id='jf-medq-empty'>
          <Empty
            title={query?.tab === 'applied' ? '暂无待受理的调解申请' : query?.tab === 'open' ? '暂无进行中的调解' : '暂无已结束的调解'}
            description='案件按调解期限排序，临近期限的排在前面'
          />
        </View>
      )}

      {phase === 'ready' && cases.length > 0 && (
        <>
          <View id='jf-medq-list'>
            {cases.map((c) => {
              const dl = deadlineInfo(c.deadline, c.status, now, c.overdue)
              return (
                <View
                  key={c.id}
                  className={`jf-card jf-medq-row ${dl?.overdue ? 'is-overdue' : ''}`}
                  data-case-id={c.id}
                  data-status={c.status}
                  data-overdue={dl?.overdue ? '1' : '0'}
                  onClick={() => open(c.id)}
                >
                  <View className='jf-medq-row-head'>
                    <Text className='jf-medq-row-type'>{c.disputeTypeLabel}</Text>
                    <MediationStatusTag status={c.status} label={c.statusLabel} />
                  </View>
                  <Text className='jf-medq-row-title'>{c.title}</Text>
                  <View className='jf-medq-row-foot'>
                    <Text className='jf-muted'>
                      {c.committeeName ?? '未分配调解组织'}
                      {c.mediatorName ? ` · ${c.mediatorName}` : ''}
                    </Text>
                    {dl ? (
                      <View className='jf-medq-dl'>
                        {dl.overdue && <Text className='jf-medq-overdue-badge'>超期</Text>}
                        <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>
                      </View>
                    ) : (
                      <Text className='jf-muted'>申请于 {formatInstant(c.createdAt)}</Text>
                    )}
                  </View>
                </View>
              )
            })}
          </View>
          <View className='jf-medq-more'>
            {next ? (
              <Button id='jf-medq-more' size='small' fill='none' loading={loadingMore} onClick={() => void loadMore()}>
                加载更多
              </Button>
            ) : (
              <Text className='jf-muted'>没有更多了</Text>
            )}
          </View>
        </>
      )}
    </View>
  )
}
