import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../../api'
import { buildInspect, emptyMarks, inspectionErrors, type InspectionMarks } from '../../../../utils/rental/inspection'
import type { InspectionItemView, InspectionView } from '../../../../contracts/rental'
import { usePhotoUploads } from '../../../../hooks/usePhotoUploads'
import { randomId } from '../../../../utils/id'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The inspection page's state: the checklist and its marks, the photos, sending it, and the building's past inspections. */
export function useInspection() {
  const { params } = useRouter()
  const buildingId = params.id ? decodeURIComponent(params.id) : ''
  const [items, setItems] = useState<InspectionItemView[] | null>(null)
  const [loadError, setLoadError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [loadRetryable, setLoadRetryable] = useState(false)
  const [marks, setMarks] = useState<InspectionMarks>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [history, setHistory] = useState<InspectionView[] | null>(null)
  const [done, setDone] = useState<InspectionView | null>(null)
  const [busy, setBusy] = useState(false)
  const [key, setKey] = useState(() => randomId())
  const uploads = usePhotoUploads()

  const loadItems = useCallback(async () => {
    setLoadError('')
    const r = await api.call('rental.inspectionItems', {})
    if (!r.ok) {
      setLoadRetryable(r.retryable === true)
      return setLoadError(r.message)
    }
    setItems(r.items)
    setMarks(emptyMarks(r.items))
  }, [])

  const loadHistory = useCallback(async () => {
    const r = await api.call('rental.inspections', { buildingId })
    setHistory(r.ok ? r.inspections : [])
    if (!r.ok) toast(r.message)
  }, [buildingId])

  useEffect(() => {
    void loadItems()
    void loadHistory()
  }, [loadItems, loadHistory])

  const mark = (code: string, patch: Partial<InspectionMarks[string]>) => {
    setMarks((m) => ({ ...m, [code]: { ...m[code]!, ...patch } }))
    setErrors((e) => (e[code] ? { ...e, [code]: '' } : e))
  }

  const submit = async () => {
    if (busy || !items) return
    const e = inspectionErrors(items, marks)
    setErrors(e)
    const first = Object.values(e).find(Boolean)
    if (first) return toast('请逐项填写巡查结果')
    if (uploads.photos.some((p) => p.state === 'uploading')) return toast('照片正在上传，请稍候')
    if (uploads.photos.some((p) => p.state === 'failed')) return toast('有照片上传失败，请重试或删除')
    setBusy(true)
    const photos = uploads.photos.map((p) => p.fileId!).filter(Boolean)
    const r = await api.call('rental.inspect', buildInspect(buildingId, items, marks, photos, key))
    setBusy(false)
    if (!r.ok) return toast(r.message)
    setDone(r.inspection)
    setHistory((h) => [r.inspection, ...(h ?? []).filter((x) => x.id !== r.inspection.id)])
    void Taro.showToast({ title: '巡查已提交', icon: 'success' })
  }

  const again = () => {
    setDone(null)
    setKey(randomId())
    if (items) setMarks(emptyMarks(items))
    for (const p of uploads.photos) uploads.remove(p.key)
  }

  return { buildingId, items, loadError, loadRetryable, marks, errors, history, done, busy, uploads, loadItems, mark, submit, again }
}

export type InspectionState = ReturnType<typeof useInspection>
