import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import PhotoGrid from '../../../components/PhotoGrid'
import PhotoPicker from '../../../components/PhotoPicker'
import { buildInspect, emptyMarks, inspectionErrors, type InspectionMarks } from '../../../components/RentalKit/logic'
import type { InspectionItemView, InspectionView } from '../../../contracts/rental'
import { formatFull } from '../../../core/time'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { randomId } from '../../../utils/id'
import '../../../components/RentalKit/kit.css'
import './index.css'
import { MAX_PHOTOS, RENTAL_NOTE_MAX } from '../../../contracts/limits'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The monthly fire-safety check of one building: each item passed or failed (failures become report cases), photos, and the history. */
export default function BuildingInspect() {
  const { params } = useRouter()
  const buildingId = params.id ? decodeURIComponent(params.id) : ''
  const [items, setItems] = useState<InspectionItemView[] | null>(null)
  const [loadError, setLoadError] = useState('')
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
    if (!r.ok) return setLoadError(r.message)
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

  return (
    <View className='jf-page jf-inspect' id='jf-inspect' data-building-id={buildingId}>
      {done ? (
        <View className='jf-card' id='jf-inspect-done' data-failed={done.failed} data-cases={done.caseIds.length}>
          <Text className='jf-section-title'>巡查已提交</Text>
          <Text className='jf-rental-notice'>
            {done.failed === 0
              ? `全部 ${done.items.length} 项合格。`
              : `${done.failed} 项不合格，已生成 ${done.caseIds.length} 件网格事件，进入所属网格的待办：`}
          </Text>
          {done.caseIds.map((id) => (
            <View key={id} className='jf-rental-row jf-inspect-case' data-id={id} onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${encodeURIComponent(id)}` })}>
              <Text className='jf-rental-row-title'>事项 {id}</Text>
            </View>
          ))}
          <View className='jf-rental-actions jf-rental-field'>
            <Button size='small' fill='outline' onClick={again}>
              再巡查一次
            </Button>
          </View>
        </View>
      ) : !items ? (
        <View className='jf-center' id={loadError ? 'jf-inspect-error' : undefined}>
          <Text>{loadError || '正在加载巡查项目…'}</Text>
          {loadError && (
            <View className='jf-rental-submit'>
              <Button size='small' onClick={() => void loadItems()}>
                重试
              </Button>
            </View>
          )}
        </View>
      ) : (
        <>
          <View className='jf-card' id='jf-inspect-items'>
            <Text className='jf-section-title'>巡查项目</Text>
            {items.map((i) => {
              const m = marks[i.code] ?? { passed: null, note: '' }
              return (
                <View key={i.code} className='jf-rental-row jf-inspect-item' data-code={i.code} data-passed={m.passed === null ? '' : m.passed ? '1' : '0'}>
                  <View className='jf-rental-row-top'>
                    <Text className='jf-rental-row-title jf-inspect-label'>{i.label}</Text>
                    <View className='jf-inspect-choice'>
                      <View className={`jf-rental-chip jf-inspect-pass ${m.passed === true ? 'is-active is-pass' : ''}`} onClick={() => mark(i.code, { passed: true })}>
                        <Text>合格</Text>
                      </View>
                      <View className={`jf-rental-chip jf-inspect-fail ${m.passed === false ? 'is-active' : ''}`} onClick={() => mark(i.code, { passed: false })}>
                        <Text>不合格</Text>
                      </View>
                    </View>
                  </View>
                  {m.passed === false && (
                    <View className='jf-rental-input jf-inspect-note'>
                      <Input value={m.note} onChange={(v) => mark(i.code, { note: v })} placeholder='不合格情况，如：3 楼灭火器过期' maxLength={RENTAL_NOTE_MAX} />
                    </View>
                  )}
                  <FieldError field={`item-${i.code}`} message={errors[i.code]} />
                </View>
              )
            })}
          </View>
          <View className='jf-card'>
            <Text className='jf-section-title'>
              现场照片 <Text className='jf-muted'>（选填，最多 {MAX_PHOTOS} 张）</Text>
            </Text>
            <PhotoPicker photos={uploads.photos} max={MAX_PHOTOS} onAdd={uploads.add} onRemove={uploads.remove} onRetry={uploads.retry} />
          </View>
          <View className='jf-rental-submit'>
            <Button id='jf-inspect-submit' type='primary' block loading={busy} onClick={() => void submit()}>
              提交巡查
            </Button>
          </View>
        </>
      )}

      <View className='jf-card' id='jf-inspect-history'>
        <Text className='jf-section-title'>巡查记录</Text>
        {history === null && <View className='jf-rental-empty'>正在加载…</View>}
        {history?.length === 0 && <View className='jf-rental-empty'>还没有巡查记录</View>}
        {history?.map((h) => (
          <View key={h.id} className='jf-rental-row jf-inspect-past' data-id={h.id} data-failed={h.failed}>
            <View className='jf-rental-row-top'>
              <Text className='jf-rental-row-title'>{formatFull(h.at)}</Text>
              <Text className={`jf-rental-flag ${h.failed ? '' : 'is-ok'}`}>{h.failed ? `${h.failed} 项不合格` : '全部合格'}</Text>
            </View>
            <Text className='jf-rental-row-sub'>
              巡查人 {h.inspectorName}
              {h.caseIds.length ? ` · 已生成 ${h.caseIds.length} 件事项` : ''}
            </Text>
            {h.items
              .filter((x) => !x.passed)
              .map((x) => (
                <Text key={x.code} className='jf-rental-row-sub'>
                  ✗ {x.label}
                  {x.note ? `：${x.note}` : ''}
                </Text>
              ))}
            {h.photos.length > 0 && <PhotoGrid photos={h.photos} />}
          </View>
        ))}
      </View>
    </View>
  )
}
