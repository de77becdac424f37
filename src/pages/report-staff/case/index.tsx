import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import PhotoGrid from '../../../components/PhotoGrid'
import StaffActSheet from '../../../components/StaffActSheet'
import { hasPending, publicStateText } from '../../../components/ModerationKit/logic'
import { actionLabel, actionTone, needsForm, shortId } from '../../../components/StaffKit/logic'
import StaffSla from '../../../components/StaffSla'
import StatusTag from '../../../components/StatusTag'
import Timeline from '../../../components/Timeline'
import type { ActInput, ActionView, StaffCaseView, TimelineView } from '../../../contracts/api'
import type { Failure } from '../../../core/outcome'
import type { Role } from '../../../core/roles'
import { formatFull } from '../../../core/time'
import { useSession } from '../../../hooks/useSession'
import { STAFF_MODERATION_URL } from '../../home/entries'
import './index.css'

type Loaded = { case: StaffCaseView; timeline: TimelineView[]; actions: ActionView[] }

const LEVEL_LABEL: Record<StaffCaseView['escalationLevel'], string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
  city: '市',
}

const CONFLICT_TEXT = '该事项已被他人更新，已刷新'

/** A handler's view of one case: everything needed to act, and exactly the moves the server allows now. */
export default function StaffCase() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const { state: session } = useSession()
  const roles: Role[] = session.status === 'ready' ? session.me.roles.map((r) => r.role) : []
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState('')
  const [sheet, setSheet] = useState<ActionView | null>(null)
  const [busy, setBusy] = useState('')
  const [actError, setActError] = useState('')

  const load = useCallback(async () => {
    if (!id) {
      setError('缺少事项编号')
      return false
    }
    const r = await api.call('cases.get', { id })
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setError('')
      return true
    }
    setError(r.message)
    return false
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  /** One cases.act round trip; the answer replaces what the page shows, a stale version reloads it. */
  const send = async (input: ActInput, label: string): Promise<Failure | null> => {
    setActError('')
    const r = await api.call('cases.act', input)
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setSheet(null)
      void Taro.showToast({ title: `${label}成功`, icon: 'success', duration: 1200 })
      return null
    }
    if (r.code === 'CONFLICT') {
      setSheet(null)
      await load()
      void Taro.showToast({ title: CONFLICT_TEXT, icon: 'none', duration: 2000 })
      setActError(CONFLICT_TEXT)
      return null
    }
    return r
  }

  const tap = async (a: ActionView) => {
    if (!data || busy) return
    if (needsForm(a)) {
      setActError('')
      setSheet(a)
      return
    }
    setBusy(a.action)
    const failure = await send({ id: data.case.id, action: a.action, version: data.case.version }, actionLabel(a, roles))
    setBusy('')
    if (failure) {
      const text = failure.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : failure.message
      setActError(text)
      void Taro.showToast({ title: text, icon: 'none' })
    }
  }

  if (!data)
    return (
      <View className='jf-page jf-center' id='jf-case-error'>
        <Text>{error || '正在加载…'}</Text>
        {error && (
          <View className='jf-staff-retry'>
            <Button size='small' onClick={() => void load()}>
              重试
            </Button>
          </View>
        )}
      </View>
    )

  const c = data.case
  const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  const copyId = () => void Taro.setClipboardData({ data: c.id }).catch(() => undefined)
  const handler = [c.assigneeName, c.departmentName].filter(Boolean).join(' · ')

  return (
    <View className='jf-page jf-staff-case' id='jf-staff-case' data-case-id={c.id} data-status={c.status} data-version={c.version}>
      <View className='jf-card jf-staff-head'>
        <View className='jf-staff-head-row'>
          <Text className='jf-staff-category'>{c.categoryName}</Text>
          <StatusTag status={c.status} label={c.statusLabel} />
        </View>
        <Text className='jf-staff-desc' id='jf-case-description'>
          {c.description}
        </Text>
        <PhotoGrid photos={c.photos} className='jf-staff-photos' />
        <View className='jf-staff-head-foot'>
          <StaffSla deadline={c.slaDeadline} status={c.status} overdue={c.overdue} />
          <Text className='jf-muted'>上报于 {formatFull(c.createdAt)}</Text>
        </View>
      </View>

      <View className='jf-card'>
        <CellGroup divider>
          <Cell
            title='事项编号'
            extra={
              <Text className='jf-staff-id' id='jf-case-id' onClick={copyId}>
                {shortId(c.id)}
              </Text>
            }
          />
          <Cell title='问题位置' description={c.location.address || '未填写地址'} extra={c.gridName} />
          <Cell title='负责单位' description={`当前层级：${LEVEL_LABEL[c.escalationLevel] ?? c.escalationLevel}`} extra={c.unitName} />
          <Cell title='处置人' extra={<Text id='jf-case-handler'>{handler || '未分派'}</Text>} />
          {c.slaDeadline && (
            <Cell
              title='办理时限'
              extra={<Text className={c.overdue ? 'jf-staff-overdue' : ''}>{formatFull(c.slaDeadline)}</Text>}
            />
          )}
          {c.mergedInto && <Cell title='已合并到' extra={shortId(c.mergedInto)} />}
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
        </CellGroup>
      </View>

      <View className='jf-card jf-reporter' id='jf-reporter' data-anonymous={c.reporter ? '0' : '1'}>
        <Text className='jf-section-title'>上报人</Text>
        {c.reporter ? (
          <View className='jf-reporter-body'>
            <View className='jf-reporter-line'>
              <Text className='jf-reporter-name' id='jf-reporter-name'>
                {c.reporter.name}
              </Text>
              {c.reporter.proxy && <Text className='jf-proxy-mark'>代办</Text>}
            </View>
            {c.reporter.phone ? (
              <Text className='jf-reporter-phone' id='jf-reporter-phone' onClick={() => call(c.reporter?.phone as string)}>
                {c.reporter.phone}
              </Text>
            ) : (
              <Text className='jf-muted'>未留电话</Text>
            )}
          </View>
        ) : (
          <View className='jf-reporter-body'>
            <Text className='jf-anon-mark' id='jf-reporter-anonymous'>
              匿名
            </Text>
            <Text className='jf-muted jf-reporter-anon-hint'>居民选择匿名上报，不显示身份信息</Text>
          </View>
        )}
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>办理过程</Text>
        <Timeline events={data.timeline} marks />
      </View>

      {actError && (
        <View className='jf-staff-act-error' id='jf-case-act-error'>
          <Text>{actError}</Text>
        </View>
      )}

      <View className='jf-act-bar-space' />
      <View className='jf-act-bar' id='jf-act-bar'>
        {data.actions.length ? (
          data.actions.map((a) => (
            <View key={a.action} className='jf-act-cell'>
              <Button
                className={`jf-act jf-act-${actionTone(a.action)}`}
                data-action={a.action}
                type={actionTone(a.action) === 'default' ? 'default' : actionTone(a.action) === 'danger' ? 'danger' : 'primary'}
                fill={actionTone(a.action) === 'danger' ? 'outline' : undefined}
                block
                loading={busy === a.action}
                onClick={() => void tap(a)}
              >
                {actionLabel(a, roles)}
              </Button>
            </View>
          ))
        ) : (
          <Text className='jf-muted' id='jf-act-none'>
            当前没有可办理的操作
          </Text>
        )}
      </View>

      <StaffActSheet
        caseRef={{ id: c.id, version: c.version }}
        action={sheet}
        label={sheet ? actionLabel(sheet, roles) : ''}
        onClose={() => setSheet(null)}
        onSubmit={(input) => send(input, sheet ? actionLabel(sheet, roles) : '')}
      />
    </View>
  )
}
