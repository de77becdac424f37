import { Button, Input, Popup, Radio, Rate, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActInput, ActionView, NoteVisibility } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import FieldError from '../FieldError'
import PhotoPicker from '../PhotoPicker'
import StaffAssigneePicker from '../StaffAssigneePicker'
import { actFieldOf, buildActInput, emptyActForm, NOTE_VISIBILITY_OPTIONS, visibilityHint, type ActForm } from '../StaffKit/logic'
import './sheet.css'
import './index.css'
import { CASE_NOTE_MAX, MAX_PHOTOS } from '../../contracts/limits'

type Field = 'note' | 'attachments' | 'assignee' | 'target' | 'rating'
type Errors = Partial<Record<Field, string>>

interface Props {
  caseRef: { id: string; version: number }
  /** The move being filled in; null closes the sheet. */
  action: ActionView | null
  /** The label the page shows for it (上报街道 for a grid worker's escalation). */
  label: string
  onClose: () => void
  /** Sends cases.act; answers the failure to show, or null when done (the page closes the sheet). */
  onSubmit: (input: ActInput) => Promise<Failure | null>
}

const NOTE_LABEL: Record<string, { title: string; placeholder: string }> = {
  resolve: { title: '处置情况', placeholder: '请说明处置经过和结果' },
  reject: { title: '不予受理原因', placeholder: '请说明原因' },
  escalate: { title: '上报说明', placeholder: '请说明需要上级协调的原因' },
  assign: { title: '分派说明', placeholder: '选填：处置要求、注意事项' },
  merge: { title: '合并说明', placeholder: '选填' },
  note: { title: '备注内容', placeholder: '如：已电话联系、约定上门时间' },
}

/** The bottom sheet for a move that needs more than a tap: note, after-photos, assignee, target, rating. */
export default function StaffActSheet(props: Props) {
  return (
    <Popup
      visible={props.action !== null}
      position='bottom'
      round
      closeable
      destroyOnClose
      title={props.label}
      onClose={props.onClose}
      className='jf-act-popup'
    >
      {props.action && <ActFormBody key={props.action.action} {...props} action={props.action} />}
    </Popup>
  )
}

function ActFormBody({ caseRef, action, label, onSubmit }: Props & { action: ActionView }) {
  const [form, setForm] = useState<ActForm>(emptyActForm)
  const { photos, add, remove, retry } = usePhotoUploads()
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const needs = new Set(action.needs)
  const note = NOTE_LABEL[action.action] ?? { title: '备注', placeholder: '请填写说明' }

  const set = <K extends keyof ActForm>(k: K, v: ActForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setFormError('')
    const field = actFieldOf(k === 'targetCaseId' ? 'target' : k === 'comment' ? 'rating' : k)
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const submit = async () => {
    if (busy) return
    setFormError('')
    const found: Errors = {}
    if (needs.has('attachments')) {
      if (photos.some((p) => p.state === 'uploading')) found.attachments = '照片还在上传，请稍候'
      else if (photos.some((p) => p.state === 'failed')) found.attachments = '有照片上传失败，请重试或删除'
    }
    if (needs.has('assignee') && !form.assignee) found.assignee = '请选择处置人或部门'
    if (Object.keys(found).length) {
      setErrors(found)
      return
    }
    const input = buildActInput(caseRef, action, { ...form, attachments: photos.map((p) => p.fileId as string) })
    setBusy(true)
    const failure = await onSubmit(input)
    setBusy(false)
    if (!failure) return
    // The server's own words, plus the field it complained about.
    const fields: Errors = {}
    const details = Object.entries(failure.details ?? {})
    for (const [k, v] of details) {
      const f = actFieldOf(k)
      // One complaint: the message says it best ("请填写原因"); several: each field's own note.
      if (f && !fields[f]) fields[f] = details.length === 1 ? failure.message : v
    }
    setErrors(fields)
    setFormError(failure.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : failure.message)
  }

  return (
    <View className='jf-act-sheet' id='jf-act-sheet' data-action={action.action}>
      {needs.has('assignee') && (
        <View className='jf-act-field'>
          <Text className='jf-act-label jf-required'>分派给</Text>
          <StaffAssigneePicker value={form.assignee} onChange={(a) => set('assignee', a)} />
          <FieldError field='assignee' message={errors.assignee} />
        </View>
      )}

      {needs.has('target') && (
        <View className='jf-act-field'>
          <Text className='jf-act-label jf-required'>合并到事项编号</Text>
          <View id='jf-act-target' className='jf-act-input'>
            <Input
              value={form.targetCaseId}
              onChange={(v) => set('targetCaseId', v)}
              placeholder='请输入重复事项所合并到的事项编号'
              maxLength={40}
              clearable
            />
          </View>
          <FieldError field='target' message={errors.target} />
        </View>
      )}

      {needs.has('rating') && (
        <View className='jf-act-field' id='jf-act-rating'>
          <Text className='jf-act-label jf-required'>评价</Text>
          <Rate value={form.rating} onChange={(v) => set('rating', v)} />
          <FieldError field='rating' message={errors.rating} />
        </View>
      )}

      {needs.has('note') && (
        <View className='jf-act-field'>
          <Text className={`jf-act-label ${['resolve', 'reject', 'note'].includes(action.action) ? 'jf-required' : ''}`}>{note.title}</Text>
          <View id='jf-act-note' className='jf-act-note'>
            <TextArea value={form.note} onChange={(v) => set('note', v)} placeholder={note.placeholder} maxLength={CASE_NOTE_MAX} rows={3} showCount />
          </View>
          <FieldError field='note' message={errors.note} />
          <View className='jf-act-visibility' id='jf-act-visibility' data-visibility={form.noteVisibility}>
            <Radio.Group
              value={form.noteVisibility}
              direction='horizontal'
              shape='button'
              onChange={(v) => set('noteVisibility', v as NoteVisibility)}
            >
              {NOTE_VISIBILITY_OPTIONS.map((o) => (
                <Radio key={o.value} value={o.value} className={`jf-act-vis jf-act-vis-${o.value}`}>
                  {o.label}
                </Radio>
              ))}
            </Radio.Group>
            <Text className={`jf-act-vis-hint ${form.noteVisibility === 'public' ? 'is-public' : ''}`} id='jf-act-vis-hint'>
              {visibilityHint(form.noteVisibility)}
            </Text>
          </View>
        </View>
      )}

      {needs.has('attachments') && (
        <View className='jf-act-field'>
          <Text className={`jf-act-label ${action.action === 'resolve' ? 'jf-required' : ''}`}>
            {action.action === 'resolve' ? '处置后照片' : '附件照片'}
          </Text>
          <View id='jf-act-photos' className='jf-act-photos'>
            <PhotoPicker
              photos={photos}
              max={MAX_PHOTOS}
              onAdd={(paths) => (add(paths), setFormError(''), setErrors((e) => ({ ...e, attachments: undefined })))}
              onRemove={remove}
              onRetry={retry}
            />
          </View>
          <FieldError field='attachments' message={errors.attachments} />
        </View>
      )}

      {formError && (
        <View className='jf-act-error' id='jf-act-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-act-footer'>
        <Button id='jf-act-submit' type={action.action === 'reject' ? 'danger' : 'primary'} block loading={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : `确认${label}`}
        </Button>
      </View>
    </View>
  )
}
