import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import GridWorkReceipts from '../../../components/GridWorkReceipts'
import type { AnnouncementView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import TypeTag from '../../../components/GridWorkKit/TypeTag'
import '../../../components/GridWorkKit/kit.css'
import './index.css'

/** One announcement I published and its 阅读回执. */
export default function GridReceiptsPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [announcement, setAnnouncement] = useState<AnnouncementView | null>(null)
  const [refreshKey, setRefreshKey] = useState(0)

  // The receipts carry no title: find it among what I published (a new one is at the top).
  useEffect(() => {
    if (!id) return
    void api.call('grid.published', {}).then((r) => {
      if (r.ok) setAnnouncement(r.items.find((a) => a.id === id) ?? null)
    })
  }, [id])

  usePullDownRefresh(() => {
    setRefreshKey((k) => k + 1)
    setTimeout(() => void Taro.stopPullDownRefresh(), 600)
  })

  if (!id)
    return (
      <View className='jf-page jf-center' id='jf-gw-receipts-error'>
        <Text>未找到这条公告，请从公告列表中打开</Text>
      </View>
    )

  return (
    <View className='jf-page jf-gw-receipts-page'>
      {announcement && (
        <View className='jf-card jf-col jf-gw-ann' id='jf-gw-ann' data-id={announcement.id} data-type={announcement.type}>
          <View className='jf-row jf-gw-ann-head'>
            <TypeTag ann={announcement} />
            <Text className='jf-grow jf-gw-ann-title'>{announcement.title}</Text>
          </View>
          <Text className='jf-gw-ann-meta'>
            {announcement.scopeLabel} · {announcement.authorName} · {formatFull(announcement.publishedAt)}
          </Text>
          <Text className='jf-gw-ann-body'>{announcement.body}</Text>
        </View>
      )}
      <GridWorkReceipts id={id} announcement={announcement} refreshKey={refreshKey} />
    </View>
  )
}
