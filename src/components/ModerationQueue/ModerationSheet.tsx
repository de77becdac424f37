import { Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ModerateInput, ModerationItemView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import FieldError from '../FieldError'
import { LimitedTextArea } from '../TextBox'
import SheetFoot from '../StaffActSheet/SheetFoot'
import {
  describeInput,
  moderationFieldOf,
  photoInput,
  PHOTO_REASONS,
  REASON_MAX,
  REDACT_MAX,
  reportInput,
  validateDecision,
  type ModerationErrors,
} from '../ModerationKit/logic'
import { a11y } from '../../utils/a11y'

/** A decision that needs words: a redaction (new text and why) or a hide (why). */
export type SheetTask =
  | { mode: 'redact'; item: ModerationItemView }
  | { mode: 'hide-description'; item: ModerationItemView }
  | { mode: 'hide-photo'; item: ModerationItemView; fileId: string }
  | { mode: 'hide-report'; item: ModerationItemView }

const TITLES: Record<SheetTask['mode'], string> = {
  redact: '编辑后公开',
  'hide-description': '隐藏描述',
  'hide-photo': '隐藏照片',
  'hide-report': '对公众隐藏整条事项',
}

const HINTS: Record<SheetTask['mode'], string> = {
  redact: '删去姓名、电话、门牌等不宜公开的内容。原文仍保留，仅办理人员可见；上报人会收到通知。',
  'hide-description': '其他居民将看不到描述；上报人会收到通知，原因会记入办理过程。',
  'hide-photo': '其他居民将看不到这张照片；上报人会收到通知，原因会记入办理过程。',
  'hide-report': '其他居民将看不到此事项（附近相似问题、关注都不再显示）；上报人会收到通知。',
}

interface Props {
  task: SheetTask | null
  onClose: () => void
  /** Sends cases.moderate; answers the failure to show, or null when done. */
  onSubmit: (input: ModerateInput) => Promise<Failure | null>
}

/** The bottom sheet for a redaction or a hide: the reason is required, and so is a redaction's new text. */
export default function ModerationSheet({ task, onClose, onSubmit }: Props) {
  return (
    <Popup visible={task !== null} position='bottom' round closeable destroyOnClose title={task ? TITLES[task.mode] : ''} onClose={onClose} className='jf-mod-popup'>
      {task && <SheetBody key={`${task.mode}-${task.item.case.id}`} task={task} onSubmit={onSubmit} />}
    </Popup>
  )
}

function SheetBody({ task, onSubmit }: { task: SheetTask; onSubmit: Props['onSubmit'] }) {
  const original = task.item.description.text
  const [text, setText] = useState(task.mode === 'redact' ? task.item.description.publicText ?? original : '')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<ModerationErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const ref = { id: task.item.case.id, version: task.item.version }

  const submit = async () => {
    if (busy) return
    const found = validateDecision(task.mode === 'redact' ? 'redact' : 'hide', { text, reason }, original)
    setErrors(found)
    setFormError('')
    if (Object.keys(found).length) return
    const input =
      task.mode === 'redact'
        ? describeInput(ref, 'redact', { text, reason })
        : task.mode === 'hide-description'
          ? describeInput(ref, 'hide', { reason })
          : task.mode === 'hide-photo'
            ? photoInput(ref, task.fileId, 'hide', reason)
            : reportInput(ref, true, reason)
    setBusy(true)
    const failure = await onSubmit(input)
    setBusy(false)
    if (!failure) return
    const fields: ModerationErrors = {}
    for (const [k, v] of Object.entries(failure.details ?? {})) {
      const f = moderationFieldOf(k)
      if (f && !fields[f]) fields[f] = v
    }
    setErrors(fields)
    setFormError(failure.message)
  }

  return (
    <View className='jf-mod-sheet' id='jf-mod-sheet' data-mode={task.mode}>
      <Text className='jf-muted jf-mod-sheet-hint'>{HINTS[task.mode]}</Text>

      {task.mode === 'redact' && (
        <View className='jf-mod-field'>
          <Text className='jf-mod-label'>原文（仅办理人员可见）</Text>
          <Text className='jf-mod-original' id='jf-mod-original'>
            {original}
          </Text>
          <Text className='jf-mod-label jf-required'>公开的描述</Text>
          <View className='jf-mod-input' id='jf-mod-text'>
            <LimitedTextArea value={text} onChange={(v) => (setText(v), setErrors((e) => ({ ...e, text: undefined })))} maxLength={REDACT_MAX} rows={4} showCount />
          </View>
          <FieldError field='mod-text' message={errors.text} />
        </View>
      )}

      {task.mode === 'hide-photo' && (
        <View className='jf-mod-quick-row' id='jf-mod-quick'>
          {PHOTO_REASONS.map((r) => (
            <View
              key={r}
              className={`jf-mod-quick ${reason === r ? 'is-active' : ''}`}
              data-reason={r}
              {...a11y('radio', { checked: reason === r })}
              onClick={() => (setReason(r), setErrors((e) => ({ ...e, reason: undefined })))}
            >
              <Text>{r}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='jf-mod-field'>
        <Text className='jf-mod-label jf-required'>{task.mode === 'redact' ? '编辑原因' : '隐藏原因'}</Text>
        <View className='jf-mod-input' id='jf-mod-reason'>
          <LimitedTextArea
            value={reason}
            onChange={(v) => (setReason(v), setErrors((e) => ({ ...e, reason: undefined })))}
            placeholder={task.mode === 'redact' ? '如：含住户姓名和门牌' : '如：含人脸、含车牌、与事项无关'}
            maxLength={REASON_MAX}
            rows={2}
          />
        </View>
        <FieldError field='mod-reason' message={errors.reason} />
      </View>

      <SheetFoot
        prefix='jf-mod'
        formError={formError}
        busy={busy}
        danger={task.mode !== 'redact'}
        label={task.mode === 'redact' ? '公开编辑后的描述' : '确认隐藏'}
        onSubmit={() => void submit()}
      />
    </View>
  )
}
