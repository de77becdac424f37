import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import AdminTable from '../../../components/AdminKit/AdminTable'
import FieldError from '../../../components/FieldError'
import type { SubscriptionView } from '../../../contracts/integrations'
import { PARTNER_NAME_MAX, WEBHOOK_URL_MAX } from '../../../contracts/limits'
import type { EventSelection } from '../../../core/caseEvents'
import EventPicker from './EventPicker'
import TextField from './TextField'
import type { Refusal } from './useIntegrations'

/** 事件订阅: subscribe an outside system to case events (its secret shown once), and the subscriptions with 停用. */
export default function SubscriptionsTab(props: {
  subscriptions: SubscriptionView[] | null
  onSubscribe: (name: string, url: string, events: EventSelection) => Promise<Refusal | null>
  onRevoke: (s: SubscriptionView) => void
}) {
  const { subscriptions, onSubscribe, onRevoke } = props
  const [name, setName] = useState('')
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<EventSelection>({})
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)

  const go = async () => {
    if (busy) return
    setBusy(true)
    const r = await onSubscribe(name, url, events)
    setBusy(false)
    setRefusal(r)
    if (!r) {
      setName('')
      setUrl('')
      setEvents({})
    }
  }
  // The server names a refused selection under `events` (or one kind under `events.<kind>`).
  const eventsError = refusal && Object.entries(refusal.fields).find(([k]) => k === 'events' || k.startsWith('events.'))?.[1]

  return (
    <View className='jf-ak-section' id='jf-int-subs'>
      <Text className='jf-ak-title'>事件订阅</Text>
      <Text className='jf-ak-help'>
        其他系统可以订阅事项的进展：选中的事件发生时，本系统把事项编号、类别、状态和时间发到对方的接收地址，不含当事人姓名、电话和描述。每条都用签名密钥签名，对方据此核对；发送失败会自动重试，多次失败后放弃，可在「发送记录」中查看。
      </Text>
      <View className='jf-ak-row jf-int-form'>
        <TextField id='jf-int-sub-name' field='sub-name' label='接收方名称' maxLength={PARTNER_NAME_MAX} value={name} onChange={setName} error={refusal?.fields.name} />
        <TextField id='jf-int-sub-url' field='sub-url' label='接收地址' wide placeholder='https://' maxLength={WEBHOOK_URL_MAX} value={url} onChange={setUrl} error={refusal?.fields.url} />
      </View>
      <EventPicker value={events} onChange={setEvents} />
      <FieldError field='sub-events' message={eventsError ?? undefined} />
      <View className='jf-ak-row'>
        <button type='button' className='jf-btn jf-btn-primary' id='jf-int-sub-go' disabled={busy} onClick={() => void go()}>
          {busy ? '正在提交…' : '订阅'}
        </button>
      </View>
      {refusal && (
        <Text className='jf-ak-notice is-error' id='jf-int-sub-error'>
          {refusal.text}
        </Text>
      )}
      {subscriptions === null && <Text className='jf-ak-help'>正在加载…</Text>}
      {subscriptions !== null && subscriptions.length === 0 && (
        <Text className='jf-ak-help' id='jf-int-subs-empty'>
          尚无事件订阅。
        </Text>
      )}
      {subscriptions !== null && subscriptions.length > 0 && (
        <AdminTable id='jf-int-subs-list' head={['接收方', '接收地址', '订阅的事件', '订阅时间', '状态', '操作']}>
          {subscriptions.map((s) => (
            <tr key={s.id} className='jf-int-sub' data-id={s.id} data-revoked={s.revoked ? '1' : '0'}>
              <td>{s.name}</td>
              <td className='jf-int-url'>{s.url}</td>
              <td>
                {s.events.map((e) => (
                  <Text key={e.kind} className='jf-int-sub-events'>
                    {e.text}
                  </Text>
                ))}
              </td>
              <td className='jf-int-nowrap'>{s.created}</td>
              <td className='jf-int-nowrap'>
                <Text className={`jf-ak-tag ${s.revoked ? 'is-bad' : 'is-ok'}`}>{s.statusLabel}</Text>
                {s.revoked && <Text className='jf-int-when'>{s.revoked}</Text>}
              </td>
              <td>
                {!s.revoked && (
                  <button type='button' className='jf-btn jf-int-revoke' aria-label={`停用「${s.name}」`} onClick={() => onRevoke(s)}>
                    停用
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </View>
  )
}
