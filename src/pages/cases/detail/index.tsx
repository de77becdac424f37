import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import PhotoGrid from '../../../components/PhotoGrid'
import StatusTag from '../../../components/StatusTag'
import Timeline from '../../../components/Timeline'
import type { CaseView, TimelineView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import './index.css'

type Loaded = { case: CaseView; timeline: TimelineView[] }

export default function CaseDetail() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    if (!id) {
      setError('缺少事项编号')
      return
    }
    const r = await api.call('reports.get', { id })
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline })
      setError('')
    } else setError(r.message)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data)
    return (
      <View className='jf-page jf-center' id='jf-case-error'>
        <Text>{error || '正在加载…'}</Text>
        {error && (
          <View className='jf-detail-retry'>
            <Button size='small' onClick={() => void load()}>
              重试
            </Button>
          </View>
        )}
      </View>
    )

  const c = data.case
  const overdue = c.slaDeadline !== null && Date.parse(c.slaDeadline) < Date.now()
  const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

  return (
    <View className='jf-page jf-case-detail' id='jf-case-detail' data-case-id={c.id} data-status={c.status}>
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

      <View className='jf-card'>
        <CellGroup divider>
          <Cell title='问题位置' description={c.location.address || '未填写地址'} extra={c.gridName} />
          <Cell
            title='负责单位'
            description={c.assigneeName ? `处置人：${c.assigneeName}` : undefined}
            extra={
              <View className='jf-detail-unit'>
                <Text>{c.unitName}</Text>
                {c.unitPhone && (
                  <Text className='jf-detail-phone' onClick={() => call(c.unitPhone as string)}>
                    {c.unitPhone}
                  </Text>
                )}
              </View>
            }
          />
          {c.slaDeadline && (
            <Cell
              title='办理时限'
              extra={
                <Text className={overdue ? 'jf-detail-overdue' : ''}>
                  {formatFull(c.slaDeadline)}
                  {overdue ? '（已超时）' : ''}
                </Text>
              }
            />
          )}
        </CellGroup>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>办理进度</Text>
        <Timeline events={data.timeline} />
      </View>
    </View>
  )
}
