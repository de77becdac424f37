import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { api } from '../../../api'
import { useReportForm } from '../../../components/ReportFields'
import { normalizePhone, proxyFieldOf, validateProxy, type ProxyErrors } from '../../../components/StaffKit/logic'
import { randomId } from '../../../utils/id'
import { errorsFromDetails, toLocation, validateDraft, type DraftErrors, type ReportDraft } from '../../../utils/report-draft'

type ProxyFields = { proxyName: string; proxyPhone: string }
type Errors = DraftErrors & ProxyErrors

/** 代办上报's state: the report's fields plus the resident's name and phone, checked here and by the server. */
export function useProxyReport() {
  const { fields, set, errors, setErrors, photos, voice, categories, fieldProps } = useReportForm<ProxyFields, Errors>({
    extra: { proxyName: '', proxyPhone: '' },
  })
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not file the resident's case twice.
  const idempotencyKey = useRef(randomId(26))

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const draft: ReportDraft = { ...fields, photos }
    const found: Errors = {
      ...validateProxy({ name: fields.proxyName, phone: fields.proxyPhone }),
      ...validateDraft(draft, categories ?? [], voice.voice.phase !== 'none'),
    }
    if (voice.uploading) found.voice = '语音正在上传，请稍候'
    else if (voice.voice.phase === 'failed') found.voice = '语音上传失败，请删除后重新录制'
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found)[0] as string, icon: 'none' })
      return
    }
    setSubmitting(true)
    const r = await api.call('cases.proxySubmit', {
      idempotencyKey: idempotencyKey.current,
      category: fields.category,
      description: fields.description.trim(),
      ...(voice.fileId ? { voiceFileId: voice.fileId } : {}),
      photos: photos.map((p) => p.fileId as string),
      location: toLocation(draft),
      anonymous: fields.anonymous,
      proxy: { name: fields.proxyName.trim(), phone: normalizePhone(fields.proxyPhone) },
    })
    setSubmitting(false)
    if (r.ok) {
      void Taro.showToast({ title: '代办上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    // The draft and its key stay as they are, so the next tap is a safe retry.
    const fromServer: Errors = errorsFromDetails(r.details)
    for (const [k, v] of Object.entries(r.details ?? {})) {
      const f = proxyFieldOf(k)
      if (f && !fromServer[f]) fromServer[f] = v
    }
    setErrors(fromServer)
    const text = r.message
    // A complaint about a field shows under that field, once; the form's foot says only what no field holds.
    setFormError(Object.keys(fromServer).length ? '' : text)
    void Taro.showToast({ title: text, icon: 'none' })
  }

  return { fields, set, errors, fieldProps, formError, submitting, submit }
}
