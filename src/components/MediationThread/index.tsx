import { Button } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { formatInstant } from '../../core/time'
import { MESSAGE_MAX } from '../../utils/mediation/thread'
import PhotoGrid from '../PhotoGrid'
import PhotoPicker from '../PhotoPicker'
import TextBox, { editing } from '../TextBox'
import { MAX_MSG_PHOTOS, useMediationThread, type Props } from './useMediationThread'
import { a11y } from '../../utils/a11y'
import '../MediationKit/kit.css'
import './index.css'

/** The case's message thread: every party and the mediator write here; new messages arrive by polling. */
export default function MediationThread({ caseId, active, canWrite, hint }: Props) {
  const { messages, phase, error, text, setText, sending, sendError, setSendError, photos, add, remove, retry, fetchNew, pick, send, last } = useMediationThread({ caseId, active, canWrite, hint })
  return (
    <View className='jf-card jf-thread' id='jf-thread' data-count={messages.length}>
      <View className='jf-col'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>调解沟通</Text>
        {hint && <Text className='jf-muted jf-thread-hint'>{hint}</Text>}
      </View>

      {phase === 'loading' && <Text className='jf-muted jf-thread-state jf-row-between'>正在加载消息…</Text>}
      {phase === 'error' && (
        <View className='jf-thread-state jf-row-between'>
          <Text className='jf-muted'>{error}</Text>
          <Button size='small' fill='none' onClick={() => void fetchNew(true)}>
            重试
          </Button>
        </View>
      )}
      {phase === 'ready' && !messages.length && (
        <Text className='jf-muted jf-thread-state jf-row-between' id='jf-thread-empty'>
          还没有消息。各方当事人和调解员都可以在这里沟通。
        </Text>
      )}

      {messages.length > 0 && (
        <ScrollView
          className={`jf-thread-list ${messages.length > 4 ? 'is-long' : ''}`}
          scrollY
          // Only a long thread scrolls inside itself; a short one would drag the whole page down to it.
          scrollIntoView={last && messages.length > 4 ? `jf-msg-${last.id}` : undefined}
          scrollWithAnimation
        >
          {messages.map((m) => (
            <View key={m.id} id={`jf-msg-${m.id}`} className={`jf-msg jf-col ${m.mine ? 'is-mine' : ''}`} data-mine={m.mine ? '1' : '0'} data-id={m.id}>
              <Text className='jf-msg-author'>
                {m.mine ? '我' : m.authorName}
                <Text className='jf-msg-role'> · {m.authorRoleLabel}</Text>
              </Text>
              <View className='jf-msg-bubble'>
                {m.text && <Text className='jf-msg-text jf-prose'>{m.text}</Text>}
                <PhotoGrid photos={m.photos} className='jf-msg-photos' />
              </View>
              <Text className='jf-msg-time'>{formatInstant(m.at)}</Text>
            </View>
          ))}
        </ScrollView>
      )}

      {canWrite ? (
        <View className='jf-composer jf-col' id='jf-composer'>
          <TextBox id='jf-msg-text' value={text} onChange={editing(setText, sendError, setSendError)} placeholder='输入消息，调解员和各方当事人都能看到' maxLength={MESSAGE_MAX} rows={2} />
          {photos.length > 0 && (
            <View className='jf-composer-photos'>
              <PhotoPicker photos={photos} max={MAX_MSG_PHOTOS} onAdd={add} onRemove={remove} onRetry={retry} />
            </View>
          )}
          {sendError && (
            <Text className='jf-composer-error' id='jf-msg-error'>
              {sendError}
            </Text>
          )}
          <View className='jf-composer-bar jf-row-between'>
            <View className='jf-composer-pic' id='jf-msg-photo' {...a11y('button', { label: '添加图片' })} onClick={() => void pick()}>
              <Text>＋ 图片</Text>
            </View>
            <Button id='jf-msg-send' type='primary' size='small' loading={sending} onClick={() => void send()}>
              发送
            </Button>
          </View>
        </View>
      ) : (
        <Text className='jf-muted jf-thread-closed' id='jf-thread-closed'>
          调解已结束，消息仅供查看
        </Text>
      )}
    </View>
  )
}
