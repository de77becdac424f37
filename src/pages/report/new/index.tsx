import { Button, Cell, CellGroup, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import PhotoPicker from '../../../components/PhotoPicker'
import type { CaseSummary, CategoryView } from '../../../contracts/api'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { outbox, startOutbox, submitInput, type OutboxDraft } from '../../../outbox'
import { categoryPath, isSelectableCategory } from '../../../utils/categories'
import { randomId } from '../../../utils/id'
import {
  DESCRIPTION_MAX,
  MAX_PHOTOS,
  emptyDraft,
  errorsFromDetails,
  toLocation,
  validateDraft,
  type DraftErrors,
  type ReportDraft,
} from '../../../utils/report-draft'
import CategoryChips from './CategoryChips'
import DuplicateCard from './DuplicateCard'
import { OUTBOX_SAVED, cachedCategories, isOfflinePhoto, keepCategories } from './offline'
import { askSubscribeConsent, preloadTemplates } from './subscribe'
import { useLocationPicker, type PickedLocation } from './useLocationPicker'
import './index.css'

type Fields = Omit<ReportDraft, 'photos'>

const MINE_URL = '/pages/cases/mine/index'

export default function NewReport() {
  const { params } = useRouter()
  // Opened from 我的事项 to fix a report the server refused (发送失败): same key, fields filled in.
  const editKey = params.outbox ? decodeURIComponent(params.outbox) : ''
  const [fields, setFields] = useState<Fields>(() => {
    const { photos: _unused, ...rest } = emptyDraft()
    return rest
  })
  const { photos, add, remove, retry } = usePhotoUploads()
  const [grid, setGrid] = useState<PickedLocation['grid']>(null)
  const [categories, setCategories] = useState<CategoryView[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<DraftErrors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not create a second case.
  const idempotencyKey = useRef(editKey || randomId(26))
  const [duplicates, setDuplicates] = useState<CaseSummary[]>([])
  const dupSeq = useRef(0)

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setFields((f) => ({ ...f, [k]: v }))
    if (errors[k as keyof DraftErrors]) setErrors((e) => ({ ...e, [k]: undefined }))
  }

  const loadCategories = useCallback(async () => {
    setLoadError('')
    const r = await api.call('reports.categories', {})
    if (r.ok) {
      setCategories(r.categories)
      keepCategories(r.categories)
      return
    }
    // Offline: the last list seen still lets the resident write the report into the outbox.
    const kept = r.code === 'UNAVAILABLE' ? cachedCategories() : null
    if (kept) setCategories(kept)
    else setLoadError(r.message)
  }, [])

  useEffect(() => {
    void loadCategories()
    void preloadTemplates()
  }, [loadCategories])

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
    setGrid(item.gridName ? { name: item.gridName, path: '' } : null)
    // Photos are uploaded again from the phone's copies; one that is gone shows 上传失败 to remove.
    if (d.photos.length) add(d.photos.map((p) => p.localPath))
    if (item.state === 'failed') {
      setFormError(item.error ?? '')
      setErrors(errorsFromDetails(item.errorDetails ?? undefined))
    }
    // Only once per opening; `add` is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editKey])

  // Once both the leaf category and the point are known, look for the same problem nearby.
  const leaf = categories && fields.category && isSelectableCategory(categories, fields.category) ? fields.category : ''
  const lng = fields.point?.lng
  const lat = fields.point?.lat
  useEffect(() => {
    const seq = ++dupSeq.current
    if (!leaf || lng === undefined || lat === undefined) {
      setDuplicates([])
      return
    }
    void api.call('reports.duplicates', { category: leaf, lng, lat }).then((r) => {
      // Only the answer to the latest choice counts; a failure just means no suggestion.
      if (seq === dupSeq.current) setDuplicates(r.ok ? r.cases : [])
    })
  }, [leaf, lng, lat])

  const onPicked = useCallback((loc: PickedLocation) => {
    setFields((f) => ({ ...f, point: loc.point, address: loc.address || f.address }))
    setGrid(loc.grid)
    setErrors((e) => ({ ...e, location: undefined, address: loc.address ? undefined : e.address }))
  }, [])
  const location = useLocationPicker(onPicked)

  /** Network trouble: the report waits in the outbox (same key) and goes by itself later. */
  const saveToOutbox = (input: OutboxDraft) => {
    outbox.add(input, { categoryName: categoryPath(categories ?? [], input.category) || input.category, gridName: grid?.name ?? null })
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
    const found = validateDraft(draft, categories ?? [])
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found)[0] as string, icon: 'none' })
      return
    }
    setSubmitting(true)
    // First, while still inside the tap: WeChat only shows the consent dialog for a user gesture.
    await askSubscribeConsent()
    const input: OutboxDraft = {
      idempotencyKey: idempotencyKey.current,
      category: fields.category,
      description: fields.description.trim(),
      photos: photos.map((p) => ({ localPath: p.localPath, fileId: p.fileId ?? null })),
      location: toLocation(draft),
      anonymous: fields.anonymous,
    }
    if (offline.length) {
      saveToOutbox(input)
      return
    }
    const r = await api.call('reports.submit', submitInput(input))
    if (r.ok) {
      setSubmitting(false)
      if (editKey) outbox.remove(editKey)
      void Taro.showToast({ title: '上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/cases/detail/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    if (r.code === 'UNAVAILABLE') {
      saveToOutbox(input)
      return
    }
    setSubmitting(false)
    // The draft and its key stay as they are, so the next tap is a safe retry.
    setErrors(errorsFromDetails(r.details))
    setFormError(r.message)
    void Taro.showToast({ title: r.message, icon: 'none' })
  }

  const descLen = Array.from(fields.description).length

  return (
    <View className='jf-page jf-report-new'>
      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>问题类别</Text>
        {categories ? (
          <CategoryChips categories={categories} value={fields.category} onChange={(c) => set('category', c)} />
        ) : (
          <View className='jf-cats-loading'>
            <Text className='jf-muted'>{loadError || '正在加载类别…'}</Text>
            {loadError && (
              <Button size='small' onClick={() => void loadCategories()}>
                重试
              </Button>
            )}
          </View>
        )}
        <FieldError field='category' message={errors.category} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>问题描述</Text>
        <View id='jf-description' className='jf-description'>
          <TextArea
            value={fields.description}
            onChange={(v) => set('description', v)}
            placeholder='请描述问题的具体情况，如：时间、现象、影响（至少 5 个字）'
            maxLength={DESCRIPTION_MAX}
            rows={4}
            autoSize
          />
          <Text className='jf-counter' id='jf-description-count'>
            {descLen}/{DESCRIPTION_MAX}
          </Text>
        </View>
        <FieldError field='description' message={errors.description} />

        <Text className='jf-section-title'>
          现场照片 <Text className='jf-muted'>（选填，最多 {MAX_PHOTOS} 张）</Text>
        </Text>
        <PhotoPicker photos={photos} max={MAX_PHOTOS} onAdd={add} onRemove={remove} onRetry={retry} />
        <FieldError field='photos' message={errors.photos} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>问题位置</Text>
        <View className='jf-loc-actions'>
          <Button id='jf-loc-current' size='small' fill='outline' type='primary' loading={location.busy} onClick={() => void location.fromDevice()}>
            使用当前位置
          </Button>
          <Button id='jf-loc-pick' size='small' fill='outline' onClick={() => void location.fromMap()}>
            在地图上选点
          </Button>
        </View>
        {fields.point && (
          <View className='jf-loc-grid' id='jf-loc-grid'>
            {grid ? (
              <>
                <Text className='jf-loc-grid-name'>所属网格：{grid.name}</Text>
                <Text className='jf-muted'>{grid.path}</Text>
              </>
            ) : (
              <Text className='jf-muted'>已选位置，暂未匹配到网格</Text>
            )}
          </View>
        )}
        <FieldError field='location' message={errors.location || location.error} />
        <View id='jf-address' className='jf-address'>
          <Input
            value={fields.address}
            onChange={(v) => set('address', v)}
            placeholder='详细地址，如：云景路 12 号东门'
            maxLength={200}
          />
        </View>
        <FieldError field='address' message={errors.address} />
      </View>

      <DuplicateCard cases={duplicates} />

      <View className='jf-card'>
        <CellGroup divider={false}>
          <Cell
            title='匿名上报'
            description='处置人员看不到您的身份'
            extra={
              <View id='jf-anonymous'>
                <Switch checked={fields.anonymous} onChange={(v) => set('anonymous', v)} />
              </View>
            }
          />
        </CellGroup>
      </View>

      {formError && (
        <View className='jf-form-error' id='jf-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-submit-bar'>
        <Button id='jf-submit' type='primary' block size='large' loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交'}
        </Button>
      </View>
    </View>
  )
}
