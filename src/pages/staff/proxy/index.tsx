import { Button, Cell, CellGroup, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import PhotoPicker from '../../../components/PhotoPicker'
import { normalizePhone, proxyFieldOf, validateProxy, type ProxyErrors } from '../../../components/StaffKit/logic'
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
// The resident's form pieces, reused as they are so both forms ask the same questions the same way.
import CategoryChips from '../../report/new/CategoryChips'
import { useLocationPicker, type PickedLocation } from '../../report/new/useLocationPicker'
import '../../report/new/index.css'
import './index.css'

type Fields = Omit<ReportDraft, 'photos'> & { proxyName: string; proxyPhone: string }
type Errors = DraftErrors & ProxyErrors

/** 代办上报: a grid worker files a report for a resident without a phone, naming that resident. */
export default function ProxyReport() {
  const [fields, setFields] = useState<Fields>(() => {
    const { photos: _unused, ...rest } = emptyDraft()
    return { ...rest, proxyName: '', proxyPhone: '' }
  })
  const { photos, add, remove, retry } = usePhotoUploads()
  const [grid, setGrid] = useState<PickedLocation['grid']>(null)
  const [categories, setCategories] = useState<CategoryView[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not file the resident's case twice.
  const idempotencyKey = useRef(randomId(26))

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setFields((f) => ({ ...f, [k]: v }))
    if (errors[k as keyof Errors]) setErrors((e) => ({ ...e, [k]: undefined }))
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
    const found: Errors = {
      ...validateProxy({ name: fields.proxyName, phone: fields.proxyPhone }),
      ...validateDraft(draft, categories ?? []),
    }
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
      photos: photos.map((p) => p.fileId as string),
      location: toLocation(draft),
      anonymous: fields.anonymous,
      proxy: { name: fields.proxyName.trim(), phone: normalizePhone(fields.proxyPhone) },
    })
    setSubmitting(false)
    if (r.ok) {
      void Taro.showToast({ title: '代办上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/staff/case/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    // The draft and its key stay as they are, so the next tap is a safe retry.
    const fromServer: Errors = errorsFromDetails(r.details)
    for (const [k, v] of Object.entries(r.details ?? {})) {
      const f = proxyFieldOf(k)
      if (f && !fromServer[f]) fromServer[f] = v
    }
    setErrors(fromServer)
    const text = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
    setFormError(text)
    void Taro.showToast({ title: text, icon: 'none' })
  }

  const descLen = Array.from(fields.description).length

  return (
    <View className='jf-page jf-report-new jf-proxy'>
      <View className='jf-proxy-banner'>
        <Text className='jf-proxy-banner-title'>为居民代办上报</Text>
        <Text className='jf-proxy-banner-sub'>适用于没有智能手机的居民，办理结果将电话告知居民</Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>居民信息</Text>
        <Text className='jf-proxy-label jf-required'>居民姓名</Text>
        <View id='jf-proxy-name' className='jf-address'>
          <Input value={fields.proxyName} onChange={(v) => set('proxyName', v)} placeholder='请填写居民姓名' maxLength={20} />
        </View>
        <FieldError field='proxyName' message={errors.proxyName} />
        <Text className='jf-proxy-label jf-required'>联系电话</Text>
        <View id='jf-proxy-phone' className='jf-address'>
          <Input
            value={fields.proxyPhone}
            onChange={(v) => set('proxyPhone', v)}
            placeholder='手机号或固定电话，如 020-87700000'
            maxLength={20}
            type='text'
          />
        </View>
        <FieldError field='proxyPhone' message={errors.proxyPhone} />
      </View>

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
            placeholder='请记录居民反映的情况，如：时间、现象、影响（至少 5 个字）'
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

      <View className='jf-card'>
        <CellGroup divider={false}>
          <Cell
            title='匿名上报'
            description='处置人员看不到居民的身份'
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
          {submitting ? '正在提交…' : '提交代办'}
        </Button>
      </View>
    </View>
  )
}
