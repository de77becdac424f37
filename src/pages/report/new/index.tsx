import { Button, Cell, CellGroup, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import PhotoPicker from '../../../components/PhotoPicker'
import type { CategoryView } from '../../../contracts/api'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
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
import { useLocationPicker, type PickedLocation } from './useLocationPicker'
import './index.css'

type Fields = Omit<ReportDraft, 'photos'>

export default function NewReport() {
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
  const idempotencyKey = useRef(randomId(26))

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setFields((f) => ({ ...f, [k]: v }))
    if (errors[k as keyof DraftErrors]) setErrors((e) => ({ ...e, [k]: undefined }))
  }

  const loadCategories = useCallback(async () => {
    setLoadError('')
    const r = await api.call('reports.categories', {})
    if (r.ok) setCategories(r.categories)
    else setLoadError(r.message)
  }, [])

  useEffect(() => {
    void loadCategories()
  }, [loadCategories])

  const onPicked = useCallback((loc: PickedLocation) => {
    setFields((f) => ({ ...f, point: loc.point, address: loc.address || f.address }))
    setGrid(loc.grid)
    setErrors((e) => ({ ...e, location: undefined, address: loc.address ? undefined : e.address }))
  }, [])
  const location = useLocationPicker(onPicked)

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const draft: ReportDraft = { ...fields, photos }
    const found = validateDraft(draft, categories ?? [])
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found)[0] as string, icon: 'none' })
      return
    }
    setSubmitting(true)
    const r = await api.call('reports.submit', {
      idempotencyKey: idempotencyKey.current,
      category: fields.category,
      description: fields.description.trim(),
      photos: photos.map((p) => p.fileId as string),
      location: toLocation(draft),
      anonymous: fields.anonymous,
    })
    setSubmitting(false)
    if (r.ok) {
      void Taro.showToast({ title: '上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/cases/detail/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    // The draft and its key stay as they are, so the next tap is a safe retry.
    setErrors(errorsFromDetails(r.details))
    setFormError(r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)
    void Taro.showToast({ title: r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message, icon: 'none' })
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
            clearable
          />
        </View>
        <FieldError field='address' message={errors.address} />
      </View>

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
