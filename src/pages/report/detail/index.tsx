import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import PhotoGrid from '../../../components/PhotoGrid'
import PublicCase from '../../../components/PublicCase'
import { followingText, moderationLines } from '../../../components/PublicCase/logic'
import StatusTag from '../../../components/StatusTag'
import Stars from '../../../components/Stars'
import Timeline from '../../../components/Timeline'
import type { ApiOut, CaseView, PublicCaseView, TimelineView } from '../../../contracts/api'
import type { Failure } from '../../../core/outcome'
import { formatFull } from '../../../core/time'
import DecidePanel from './DecidePanel'
import { canDecide, decideDeadline, isOverdue, ratingOf } from './logic'
import './index.css'

/** The reporter (and staff) get the full case; a follower or neighbour only its public view. */
type Loaded = { view: 'full'; case: CaseView; timeline: TimelineView[] } | { view: 'public'; case: PublicCaseView }

function loadedOf(r: Extract<ApiOut<'reports.get'>, { ok: true }>): Loaded {
  return r.view === 'public' ? { view: 'public', case: r.case } : { view: 'full', case: r.case, timeline: r.timeline }
}

export default function CaseDetail() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  // Opened from the duplicate suggestion: the case is someone else's until the user follows it.
  const fromDuplicate = params.from === 'duplicate'
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [following, setFollowing] = useState(params.from === 'follow')
  const [followBusy, setFollowBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) {
      setError({ ok: false, code: 'VALIDATION', message: '缺少事项编号' })
      return
    }
    const r = await api.call('reports.get', { id })
    if (r.ok) {
      setData(loadedOf(r))
      setError(null)
    } else if (data) void Taro.showToast({ title: r.message, icon: 'none' })
    else setError(r)
  }, [id, data])

  useEffect(() => {
    void load()
    // Only on open; later reloads are explicit (pull down, after an action).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const follow = async () => {
    if (followBusy) return
    setFollowBusy(true)
    const r = await api.call('reports.follow', { id })
    setFollowBusy(false)
    if (!r.ok) {
      void Taro.showToast({ title: r.message, icon: 'none' })
      return
    }
    setFollowing(true)
    setData({ view: 'public', case: r.case })
    setError(null)
    void Taro.showToast({ title: '已关注，进展会通知您', icon: 'none' })
  }

  if (!data)
    return (
      <View className='jf-page jf-center' id='jf-case-error' data-code={error?.code ?? ''}>
        {error && fromDuplicate && error.code === 'NOT_FOUND' ? (
          <View className='jf-card jf-detail-follow-gate' id='jf-follow-gate'>
            <Text className='jf-detail-gate-title'>这是其他居民上报的事项</Text>
            <Text className='jf-muted jf-detail-gate-text'>关注后即可查看办理进度，并在状态变化时收到通知</Text>
            <Button id='jf-follow' type='primary' loading={followBusy} onClick={() => void follow()}>
              关注此事项
            </Button>
          </View>
        ) : (
          <>
            <Text>{error ? error.message : '正在加载…'}</Text>
            {error && (
              <View className='jf-detail-retry'>
                <Button size='small' onClick={() => void load()}>
                  重试
                </Button>
              </View>
            )}
          </>
        )}
      </View>
    )

  // Only a follower is given the public view, so it always reads as followed.
  if (data.view === 'public')
    return (
      <PublicCase c={data.case}>
        <View className='jf-detail-banner' id='jf-following'>
          <Text>{followingText(data.case.status)}</Text>
        </View>
      </PublicCase>
    )

  const c = data.case
  const visibleToOthers = moderationLines(c.moderation)
  const overdue = isOverdue(c)
  const rated = ratingOf(c)
  const deciding = canDecide(c, data.timeline)
  const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

  return (
    <View className='jf-page jf-case-detail' id='jf-case-detail' data-case-id={c.id} data-status={c.status} data-version={c.version}>
      {following && !deciding && (
        <View className='jf-detail-banner' id='jf-following'>
          <Text>已关注此事项，办理进展会通过消息通知您</Text>
        </View>
      )}

      <View className='jf-card jf-detail-head'>
        <View className='jf-detail-head-row'>
          <Text className='jf-detail-category'>{c.categoryName}</Text>
          <StatusTag status={c.status} label={c.statusLabel} />
        </View>
        <Text className='jf-detail-desc' id='jf-case-description'>
          {c.description}
        </Text>
        <PhotoGrid photos={c.photos} className='jf-detail-photos' />
        <Text className='jf-muted jf-detail-time'>
          上报于 {formatFull(c.createdAt)}
          {c.anonymous ? ' · 匿名上报' : ''}
        </Text>
      </View>

      {deciding && <DecidePanel c={c} deadline={decideDeadline(data.timeline)} onDone={load} />}

      {rated && (
        <View className='jf-card jf-detail-rating' id='jf-rating' data-rating={rated.rating}>
          <Text className='jf-section-title'>{c.status === 'closed' ? '办结评价' : '评价'}</Text>
          <View className='jf-detail-rating-body'>
            <Stars value={rated.rating} readOnly />
            {rated.comment && <Text className='jf-detail-rating-comment'>{rated.comment}</Text>}
          </View>
        </View>
      )}

      <View className='jf-card'>
        <CellGroup divider>
          <Cell title='问题位置' description={c.location.address || '未填写地址'} extra={c.gridName} />
          <Cell
            title='负责单位'
            extra={
              <View className='jf-detail-unit' id='jf-unit'>
                <Text>{c.unitName}</Text>
                {c.unitPhone && (
                  <View className='jf-detail-phone' id='jf-unit-phone' onClick={() => call(c.unitPhone as string)}>
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
      </View>

      {visibleToOthers.length > 0 && (
        <View className='jf-card jf-detail-visibility' id='jf-detail-visibility'>
          <Text className='jf-section-title'>其他居民可见的内容</Text>
          {visibleToOthers.map((line) => (
            <Text key={line} className='jf-detail-visibility-line'>
              {line}
            </Text>
          ))}
          <Text className='jf-muted jf-detail-visibility-hint'>您的姓名、电话和详细地址不会向其他居民公开</Text>
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title'>办理进度</Text>
        <Timeline events={data.timeline} />
      </View>
    </View>
  )
}
