import { useState } from 'react'
import type { ActInput, ActionView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { actErrorsFromFailure, actFieldOf, buildActInput, emptyActForm, noteRequired, type ActErrors, type ActForm } from '../StaffKit/logic'

export type { ActErrors }
type Errors = ActErrors

const NOTE_LABEL: Record<string, { title: string; placeholder: string }> = {
  resolve: { title: '处置情况', placeholder: '请说明处置经过和结果' },
  reject: { title: '不予受理原因', placeholder: '请说明原因' },
  escalate: { title: '上报说明', placeholder: '请说明需要上级协调的原因' },
  assign: { title: '分派说明', placeholder: '选填：处置要求、注意事项' },
  merge: { title: '合并说明', placeholder: '选填' },
  note: { title: '备注内容', placeholder: '如：已电话联系、约定上门时间' },
  follow_up: { title: '回访情况', placeholder: '选填：来电人的意见；选「公开回复」才会发回 12345 平台' },
}

/**
 * One move's form in the sheet: its fields, photos and errors; submit checks what it can here and
 * shows the server's complaint next to the field it names.
 */
export function useActForm(caseRef: { id: string; version: number }, action: ActionView, onSubmit: (input: ActInput) => Promise<Failure | null>) {
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
    if (needs.has('satisfaction') && !form.satisfaction) found.satisfaction = '请选择回访结果'
    if (needs.has('note') && noteRequired(action) && !form.note.trim()) found.note = `请填写${note.title}`
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
    const fields = actErrorsFromFailure(failure)
    setErrors(fields)
    // A complaint about a field shows under that field, once; the foot says only what no field holds.
    setFormError(Object.keys(fields).length ? '' : failure.message)
  }

  const addPhotos = (paths: string[]) => {
    add(paths)
    setFormError('')
    setErrors((e) => ({ ...e, attachments: undefined }))
  }

  return { form, set, errors, formError, busy, needs, note, submit, photos: { photos, add: addPhotos, remove, retry } }
}
