import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { formatInstant } from '../../../core/time'
import { outbox, type OutboxItem } from '../../../outbox'
import '../../../components/QueueRow/index.css'

/**
 * Reports still on the phone, above the real cases: 待发送 ones go by themselves (the user may
 * push them with 立即重试); 发送失败 ones were refused by the server and wait for an edit or delete.
 */
export default function OutboxRows({ items }: { items: OutboxItem[] }) {
  const [sending, setSending] = useState<Record<string, boolean>>({})

  if (!items.length) return null

  const retry = async (key: string) => {
    if (sending[key]) return
    setSending((s) => ({ ...s, [key]: true }))
    const r = await outbox.resend(key)
    setSending((s) => ({ ...s, [key]: false }))
    if (r.kind === 'sent') void Taro.showToast({ title: '发送成功', icon: 'success' })
    else if (r.kind === 'retry' || r.kind === 'failed') void Taro.showToast({ title: r.message, icon: 'none' })
  }

  const remove = async (key: string) => {
    const r = await Taro.showModal({
      title: '删除这条上报？',
      content: '删除后无法恢复，问题不会发送给网格员。',
      confirmText: '删除',
      confirmColor: '#fa2c19',
      cancelText: '取消',
    })
    if (r.confirm) outbox.remove(key)
  }

  const edit = (key: string) => void Taro.navigateTo({ url: `/pages/report/new/index?outbox=${encodeURIComponent(key)}` })

  return (
    <View className='jf-outbox' id='jf-outbox'>
      <View className='jf-outbox-head'>
        <Text className='jf-outbox-head-title'>待发送 {items.length}</Text>
        {items.some((x) => x.state === 'pending') && <Text className='jf-muted'>网络恢复后自动发送</Text>}
      </View>
      {items.map((it) => {
        const failed = it.state === 'failed'
        const busy = !!sending[it.key] || outbox.isSending(it.key)
        return (
          <View key={it.key} className='jf-card jf-queue-row jf-case-row jf-outbox-row' data-key={it.key} data-state={it.state}>
            <View className='jf-queue-row-head jf-case-row-head'>
              <Text className='jf-queue-row-kind jf-case-row-type'>{it.categoryName}</Text>
              <View className='jf-status-tag jf-outbox-tag' data-status={failed ? 'outbox_failed' : 'outbox_pending'}>
                <Tag type={failed ? 'danger' : 'warning'}>
                  {failed ? '发送失败' : '待发送'}
                </Tag>
              </View>
            </View>
            <Text className='jf-queue-row-title jf-case-row-title'>{it.draft.description}</Text>
            {failed ? (
              <Text className='jf-outbox-error'>{it.error}</Text>
            ) : (
              <Text className='jf-outbox-note'>
                {busy ? '正在发送…' : it.attempts > 0 ? `已尝试 ${it.attempts} 次，将自动重试` : '等待网络恢复后发送'}
              </Text>
            )}
            <View className='jf-queue-row-foot jf-outbox-foot'>
              <Text className='jf-muted'>
                {[it.gridName, `保存于 ${formatInstant(it.createdAt)}`].filter(Boolean).join(' · ')}
              </Text>
              <View className='jf-outbox-actions'>
                <Button className='jf-outbox-delete' size='small' fill='none' onClick={() => void remove(it.key)}>
                  删除
                </Button>
                {failed ? (
                  <Button className='jf-outbox-edit' size='small' type='primary' fill='outline' onClick={() => edit(it.key)}>
                    修改
                  </Button>
                ) : (
                  <Button className='jf-outbox-retry' size='small' type='primary' fill='outline' loading={busy} onClick={() => void retry(it.key)}>
                    立即重试
                  </Button>
                )}
              </View>
            </View>
          </View>
        )
      })}
    </View>
  )
}
