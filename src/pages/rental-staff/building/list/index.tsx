import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../../api'
import FieldError from '../../../../components/FieldError'
import {
  INSPECTION_LABELS,
  buildRegisterBuilding,
  buildingFieldOf,
  emptyBuilding,
  roomsFor,
  validateBuilding,
  type BuildingDraft,
  type BuildingErrors,
} from '../../../../components/RentalKit/logic'
import type { BuildingView } from '../../../../contracts/rental'
import { formatFull } from '../../../../core/time'
import { randomId } from '../../../../utils/id'
import { useLocationPicker, type PickedLocation } from '../../../../hooks/useLocationPicker'
import '../../../../components/RentalKit/kit.css'
import './index.css'
import TextBox from '../../../../components/TextBox'
import { ADDRESS_MAX, BUILDING_NAME_MAX } from '../../../../contracts/limits'

export const DETAIL_URL = '/pages/rental-staff/building/detail/index'

type Load = { phase: 'loading' } | { phase: 'ready'; items: BuildingView[] } | { phase: 'error'; message: string }

/** 楼栋管理: the manager's buildings with their counts and fire-check state, and registering a new one. */
export default function BuildingList() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [registering, setRegistering] = useState(false)

  const refresh = useCallback(async () => {
    const r = await api.call('rental.myBuildings', {})
    if (r.ok) setLoad({ phase: 'ready', items: r.buildings })
    else setLoad((s) => (s.phase === 'ready' ? (void Taro.showToast({ title: r.message, icon: 'none' }), s) : { phase: 'error', message: r.message }))
  }, [])

  // Counts change with every confirmation on the detail page: reload on each show.
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const registered = (b: BuildingView) => {
    setRegistering(false)
    setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: [b, ...s.items.filter((x) => x.id !== b.id)] } : { phase: 'ready', items: [b] }))
    void Taro.showToast({ title: '楼栋已登记', icon: 'success' })
  }

  return (
    <View className='jf-page jf-buildings' id='jf-buildings' data-phase={load.phase}>
      {registering ? (
        <RegisterForm onDone={registered} onCancel={() => setRegistering(false)} />
      ) : (
        <View className='jf-rental-submit'>
          <Button id='jf-building-new' type='primary' block onClick={() => setRegistering(true)}>
            登记新楼栋
          </Button>
        </View>
      )}

      {load.phase === 'loading' && <View className='jf-center'>正在加载…</View>}
      {load.phase === 'error' && (
        <View className='jf-center' id='jf-buildings-error'>
          <Text>{load.message}</Text>
          <View className='jf-rental-submit'>
            <Button size='small' onClick={() => void refresh()}>
              重试
            </Button>
          </View>
        </View>
      )}
      {load.phase === 'ready' && load.items.length === 0 && !registering && (
        <View className='jf-card jf-rental-empty' id='jf-buildings-empty'>
          <Text>还没有登记楼栋。登记后可打印楼栋二维码，租户扫码即可实名登记。</Text>
        </View>
      )}
      {load.phase === 'ready' &&
        load.items.map((b) => (
          <View key={b.id} className='jf-card jf-building' data-id={b.id} data-code={b.code} onClick={() => void Taro.navigateTo({ url: `${DETAIL_URL}?id=${encodeURIComponent(b.id)}` })}>
            <View className='jf-rental-row'>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>{b.name}</Text>
                <Text className={`jf-rental-flag jf-building-inspection ${b.inspectionState === 'ok' ? 'is-ok' : b.inspectionState === 'due_soon' ? 'is-warn' : ''}`} data-state={b.inspectionState}>
                  {INSPECTION_LABELS[b.inspectionState]}
                </Text>
              </View>
              <Text className='jf-rental-row-sub'>
                {b.address} · {b.gridName}
              </Text>
              <Text className='jf-rental-row-sub'>
                <Text className='jf-building-pending' data-count={b.pending}>
                  待确认 {b.pending}
                </Text>
                {' · '}
                <Text className='jf-building-active' data-count={b.active}>
                  在住 {b.active}
                </Text>
                {' · '}
                {b.floors} 层 {b.rooms.length} 户{b.lastInspectionAt ? ` · 上次巡查 ${formatFull(b.lastInspectionAt)}` : ''}
              </Text>
            </View>
          </View>
        ))}
    </View>
  )
}

function RegisterForm({ onDone, onCancel }: { onDone: (b: BuildingView) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<BuildingDraft>(emptyBuilding)
  const [grid, setGrid] = useState<PickedLocation['grid']>(null)
  const [errors, setErrors] = useState<BuildingErrors>({})
  const [busy, setBusy] = useState(false)
  const [key] = useState(() => randomId())

  const set = <K extends keyof BuildingDraft>(k: K, v: BuildingDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const onPicked = useCallback((loc: PickedLocation) => {
    setDraft((d) => ({ ...d, point: loc.point, address: d.address || loc.address || '' }))
    setGrid(loc.grid)
    setErrors((e) => ({ ...e, location: undefined }))
  }, [])
  const location = useLocationPicker(onPicked)

  const floors = Number(draft.floors)
  const perFloor = Number(draft.perFloor)
  const preview = floors > 0 && perFloor > 0 && floors <= 99 && perFloor <= 30 ? roomsFor(floors, perFloor) : []

  const submit = async () => {
    if (busy) return
    const e = validateBuilding(draft, !!grid)
    setErrors(e)
    const first = Object.values(e).find(Boolean)
    if (first) return void Taro.showToast({ title: first, icon: 'none' })
    setBusy(true)
    const r = await api.call('rental.registerBuilding', buildRegisterBuilding(draft, key))
    setBusy(false)
    if (r.ok) return onDone(r.building)
    const fe: BuildingErrors = {}
    for (const [k, v] of Object.entries(r.details ?? {})) {
      const f = buildingFieldOf(k)
      if (f && !fe[f]) fe[f] = v
    }
    setErrors(fe)
    void Taro.showToast({ title: Object.values(fe)[0] || r.message, icon: 'none' })
  }

  return (
    <View className='jf-card jf-building-form' id='jf-building-form'>
      <Text className='jf-section-title'>登记新楼栋</Text>
      <TextBox label='楼栋名称' labelClass='jf-rental-label' required id='jf-building-name' className='jf-rental-input' value={draft.name} onChange={(v) => set('name', v)} placeholder='如：云景花园 3 栋' maxLength={BUILDING_NAME_MAX} field='name' error={errors.name} />

      <Text className='jf-rental-label jf-required'>楼栋位置</Text>
      <View className='jf-rental-field jf-building-loc'>
        <Button id='jf-building-loc-current' size='small' fill='outline' type='primary' loading={location.busy} onClick={() => void location.fromDevice()}>
          使用当前位置
        </Button>
        <Button id='jf-building-loc-pick' size='small' fill='outline' onClick={() => void location.fromMap()}>
          在地图上选点
        </Button>
      </View>
      {draft.point && (
        <Text className='jf-rental-notice' id='jf-building-grid' data-found={grid ? '1' : '0'}>
          {grid ? `所属网格：${grid.name}（${grid.path}）` : '已选位置，暂未匹配到网格'}
        </Text>
      )}
      <FieldError field='location' message={errors.location || location.error} />

      <TextBox label='地址' labelClass='jf-rental-label' required id='jf-building-address' className='jf-rental-input' value={draft.address} onChange={(v) => set('address', v)} placeholder='如：白云区云景路 12 号' maxLength={ADDRESS_MAX} field='address' error={errors.address} />

      <View className='jf-building-sizes'>
        <View className='jf-building-size'>
          <TextBox label='楼层数' labelClass='jf-rental-label' required id='jf-building-floors' className='jf-rental-input' value={draft.floors} type='number' onChange={(v) => set('floors', v)} placeholder='如：6' maxLength={2} field='floors' error={errors.floors} />
        </View>
        <View className='jf-building-size'>
          <TextBox label='每层户数' labelClass='jf-rental-label' required id='jf-building-per-floor' className='jf-rental-input' value={draft.perFloor} type='number' onChange={(v) => set('perFloor', v)} placeholder='如：4' maxLength={2} field='perFloor' error={errors.perFloor} />
        </View>
      </View>
      {preview.length > 0 && (
        <Text className='jf-rental-notice' id='jf-building-rooms' data-count={preview.length}>
          共 {preview.length} 户：{preview.length > 8 ? `${preview.slice(0, 4).join('、')} … ${preview.slice(-2).join('、')}` : preview.join('、')}
        </Text>
      )}

      <View className='jf-rental-sheet-actions jf-rental-field'>
        <Button size='small' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='jf-building-submit' size='small' type='primary' loading={busy} onClick={() => void submit()}>
          登记楼栋
        </Button>
      </View>
    </View>
  )
}
