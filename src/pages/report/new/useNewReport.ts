import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { useReportForm } from '../../../components/ReportFields'
import type { PublicCaseView } from '../../../contracts/api'
import { outbox, startOutbox, submitInput, type OutboxDraft } from '../../../outbox'
import { categoryPath, isSelectableCategory } from '../../../utils/categories'
import { randomId } from '../../../utils/id'
import { errorsFromDetails, toLocation, validateDraft, type ReportDraft } from '../../../utils/report-draft'
import { OUTBOX_SAVED, cachedCategories, isOfflinePhoto, keepCategories } from './offline'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import { useContactPhone } from './useContactPhone'

const MINE_URL = '/pages/report/mine/index'

/**
 * The resident's report form: the fields (useReportForm), the same problem nearby, and 提交, which
 * sends the report or, without network, keeps it in the outbox under the same key.
 */
export function useNewReport() {
  const { params } = useRouter()
  // Opened from 我的事项 to fix a report the server refused (发送失败): same key, fields filled in.
  const editKey = params.outbox ? decodeURIComponent(params.outbox) : ''
  const { fields, setFields, setErrors, photos, addPhotos: add, voice, grid, setGrid, categories, fieldProps } = useReportForm({
    keepCategories,
    cachedCategories,
  })
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not create a second case.
  const idempotencyKey = useRef(editKey || randomId(26))
  const [duplicates, setDuplicates] = useState<PublicCaseView[]>([])
  const dupSeq = useRef(0)
  const contact = useContactPhone()

  useEffect(() => {
    void preloadTemplates()
  }, [])

  // Prefill from the outbox item being edited, with the server's reason for refusing it.
  useEffect(() => {
    if (!editKey) return
    const item = outbox.get(editKey)
    if (!item) {
      setFormError('该上报已发送或已删除')
      return
    }
    const d = item.draft
    setFields({
      category: d.category,
      description: d.description,
      point: { lng: d.location.lng, lat: d.location.lat },
      address: d.location.address,
      anonymous: d.anonymous,
    })
    contact.fromDraft(d)
    setGrid(item.gridName ? { name: item.gridName, path: '' } : null)
    // Photos are uploaded again from the phone's copies; one that is gone shows 上传失败 to remove.
    if (d.photos.length) add(d.photos.map((p) => p.localPath))
    if (item.state === 'failed') {
      const fieldErrors = errorsFromDetails(item.errorDetails ?? undefined)
      setErrors(fieldErrors)
      if (item.errorDetails?.contactPhone) contact.setError(item.errorDetails.contactPhone)
      // Under the field it concerns, once; the foot only for what no field holds.
      setFormError(Object.keys(fieldErrors).length || item.errorDetails?.contactPhone ? '' : (item.error ?? ''))
    }
    // Only once per opening; `add` is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editKey])

  // Once both the leaf category and the point are known, look for the same problem nearby.
  const leaf = categories && fields.category && isSelectableCategory(categories, fields.category) ? fields.category : ''
  // Sensitive categories (family disputes, public-security tips) have no public view: nothing to suggest.
  const sensitive = !!leaf && categories?.find((c) => c.code === leaf)?.sensitive === true
  const lng = fields.point?.lng
  const lat = fields.point?.lat
  useEffect(() => {
    const seq = ++dupSeq.current
    if (!leaf || sensitive || lng === undefined || lat === undefined) {
      setDuplicates([])
      return
    }
    void api.call('reports.duplicates', { category: leaf, lng, lat }).then((r) => {
      // Only the answer to the latest choice counts; a failure just means no suggestion.
      if (seq === dupSeq.current) setDuplicates(r.ok ? r.cases : [])
    })
  }, [leaf, sensitive, lng, lat])

  /** Network trouble: the report waits in the outbox (same key), its photos copied to stay, and goes by itself later. */
  const saveToOutbox = async (input: OutboxDraft) => {
    await outbox.add(input, { categoryName: categoryPath(categories ?? [], input.category) || input.category, gridName: grid?.name ?? null })
    startOutbox()
    setSubmitting(false)
    setFormError(OUTBOX_SAVED)
    void Taro.showToast({ title: OUTBOX_SAVED, icon: 'none', duration: 2000 })
    setTimeout(() => {
      // Editing came from 我的事项: go back to it rather than stacking a second one.
      // If even the page cannot load offline, the form stays, already showing where the report went.
      const move = editKey && Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: MINE_URL })
      void Promise.resolve(move).catch(() => undefined)
    }, 1500)
  }

  const submit = async () => {
    if (submitting) return
    setFormError('')
    // A photo that failed only for want of network is not the user's fault: it travels with the
    // report into the outbox and is uploaded on resend.
    const offline = photos.filter(isOfflinePhoto)
    const draft: ReportDraft = { ...fields, photos: photos.map((p) => (isOfflinePhoto(p) ? { ...p, state: 'done' as const } : p)) }
    const found = validateDraft(draft, categories ?? [], voice.voice.phase !== 'none')
    if (voice.uploading) found.voice = '语音正在上传，请稍候'
    else if (voice.voice.phase === 'failed') found.voice = '语音上传失败，请删除后重新录制'
    const checked = contact.check()
    const firstError = Object.values(found)[0] ?? ('error' in checked ? checked.error : '')
    if (firstError) {
      setErrors(found)
      void Taro.showToast({ title: firstError, icon: 'none' })
      return
    }
    setSubmitting(true)
    // First, while still inside the tap: WeChat only shows the consent dialog for a user gesture.
    await askSubscribeConsent(['caseProgress'])
    const input: OutboxDraft = {
      idempotencyKey: idempotencyKey.current,
      category: fields.category,
      description: fields.description.trim(),
      ...(voice.fileId ? { voiceFileId: voice.fileId } : {}),
      photos: photos.map((p) => ({ localPath: p.localPath, fileId: p.fileId ?? null })),
      location: toLocation(draft),
      anonymous: fields.anonymous,
      ...('fields' in checked ? checked.fields : {}),
    }
    if (offline.length) {
      await saveToOutbox(input)
      return
    }
    const r = await api.call('reports.submit', submitInput(input))
    if (r.ok) {
      setSubmitting(false)
      if (editKey) outbox.remove(editKey)
      void Taro.showToast({ title: '上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    if (r.code === 'UNAVAILABLE') {
      await saveToOutbox(input)
      return
    }
    setSubmitting(false)
    // The draft and its key stay as they are, so the next tap is a safe retry.
    const fieldErrors = errorsFromDetails(r.details)
    setErrors(fieldErrors)
    if (r.details?.contactPhone) contact.setError(r.details.contactPhone)
    // A complaint about a field shows under that field, once; the form's foot says only what no field holds.
    setFormError(Object.keys(fieldErrors).length || r.details?.contactPhone ? '' : r.message)
    void Taro.showToast({ title: r.message, icon: 'none' })
  }

  return { fieldProps, contactProps: contact.props, sensitive, duplicates, point: fields.point ?? null, formError, submitting, submit }
}
