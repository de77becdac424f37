import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../../api'
import LoadState from '../../../../components/LoadState'
import { INSPECTION_LABELS } from '../../../../components/RentalKit/logic'
import RentalReasonSheet from '../../../../components/RentalReasonSheet'
import RentalStatusTag from '../../../../components/RentalStatusTag'
import type { BuildingView, CheckinStatus, RegistrationView } from '../../../../contracts/rental'
import { formatFull, formatInstant } from '../../../../core/time'
import '../../../../components/RentalKit/kit.css'
import '../../../../components/TabStrip/tabs.css'
import './index.css'

export const QR_URL = '/pages/rental-staff/building/qr/index'
export const INSPECT_URL = '/pages/rental-staff/building/inspect/index'

type Tab = 'pending' | 'active' | 'ended'
const TABS: Array<{ key: Tab; label: string; statuses: CheckinStatus[] }> = [
  { key: 'pending', label: '待确认', statuses: ['pending'] },
  { key: 'active', label: '在住', statuses: ['active'] },
  // Refusals and purged stays are kept here too, so nothing a manager once saw disappears.
  { key: 'ended', label: '已退租', statuses: ['checked_out', 'refused', 'purged'] },
]

type Load = { phase: 'loading' } | { phase: 'ready'; items: RegistrationView[] } | { phase: 'error'; message: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** One building: check-ins to confirm or refuse, the roster (人在管理) with masked numbers, check-outs. */
export default function BuildingDetail() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [building, setBuilding] = useState<BuildingView | null>(null)
  const [buildingError, setBuildingError] = useState('')
  const [tab, setTab] = useState<Tab>('pending')
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [busy, setBusy] = useState<string | null>(null)
  const [refusing, setRefusing] = useState<RegistrationView | null>(null)
  const tabRef = useRef(tab)
  tabRef.current = tab

  const loadBuilding = useCallback(async () => {
    const r = await api.call('rental.myBuildings', {})
    if (!r.ok) return setBuildingError(r.message)
    const b = r.buildings.find((x) => x.id === id)
    setBuilding(b ?? null)
    setBuildingError(b ? '' : '没有找到该楼栋，或您不是它的楼栋长')
  }, [id])

  const loadTab = useCallback(
    async (t: Tab) => {
      setLoad({ phase: 'loading' })
      const statuses = TABS.find((x) => x.key === t)!.statuses
      const r = await api.call('rental.registrations', { buildingId: id, statuses })
      // A late answer for a tab the manager already left must not overwrite the one shown.
      if (tabRef.current !== t) return
      setLoad(r.ok ? { phase: 'ready', items: r.registrations } : { phase: 'error', message: r.message })
    },
    [id],
  )

  const refresh = useCallback(() => Promise.all([loadBuilding(), loadTab(tabRef.current)]), [loadBuilding, loadTab])
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const pick = (t: Tab) => {
    if (t === tab) return
    setTab(t)
    tabRef.current = t
    void loadTab(t)
  }

  const drop = (regId: string) => setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: s.items.filter((x) => x.id !== regId) } : s))

  const approve = async (reg: RegistrationView) => {
    if (busy) return
    setBusy(reg.id)
    const r = await api.call('rental.decide', { id: reg.id, version: reg.version, approve: true })
    setBusy(null)
    if (!r.ok) return toast(r.message)
    drop(reg.id)
    void loadBuilding()
    void Taro.showToast({ title: `已确认 ${reg.room}`, icon: 'success' })
  }

  const refuse = async (reason: string): Promise<string> => {
    const reg = refusing!
    const r = await api.call('rental.decide', { id: reg.id, version: reg.version, approve: false, reason })
    if (!r.ok) return r.details?.reason ?? r.message
    setRefusing(null)
    drop(reg.id)
    void loadBuilding()
    toast('已驳回')
    return ''
  }

  const checkOut = async (reg: RegistrationView) => {
    if (busy) return
    const m = await Taro.showModal({ title: '办理退租', content: `确认 ${reg.name ?? ''}（${reg.room}）已搬离吗？注销后将从在住名单中移除。`, confirmText: '确认退租' })
    if (!m.confirm) return
    setBusy(reg.id)
    const r = await api.call('rental.checkOut', { id: reg.id, version: reg.version, note: '楼栋长办理退租' })
    setBusy(null)
    if (!r.ok) return toast(r.message)
    drop(reg.id)
    void loadBuilding()
    void Taro.showToast({ title: '已办理退租', icon: 'success' })
  }

  if (!building)
    return <LoadState error={buildingError} errorId='jf-building-error' loadingText='正在加载楼栋…' onRetry={() => void loadBuilding()} />

  const go = (url: string) => void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(building.id)}` })

  return (
    <View className='jf-page' id='jf-building-detail' data-id={building.id} data-code={building.code}>
      <View className='jf-rental-head'>
        <Text className='jf-rental-head-title'>{building.name}</Text>
        <Text className='jf-rental-head-sub'>
          {building.address} · {building.gridName} · 待确认 {building.pending} · 在住 {building.active}
        </Text>
        <Text className='jf-rental-head-sub' id='jf-building-inspection' data-state={building.inspectionState}>
          消防安全巡查：{INSPECTION_LABELS[building.inspectionState]}
          {building.lastInspectionAt ? `（上次 ${formatFull(building.lastInspectionAt)}）` : ''}
        </Text>
        <View className='jf-rental-actions jf-building-links'>
          <Button id='jf-building-go-qr' size='small' fill='outline' type='primary' onClick={() => go(QR_URL)}>
            楼栋二维码
          </Button>
          <Button id='jf-building-go-inspect' size='small' type='primary' fill={building.inspectionState === 'ok' ? 'outline' : 'solid'} onClick={() => go(INSPECT_URL)}>
            消防巡查
          </Button>
        </View>
      </View>

      <View className='jf-tabs jf-rental-tabs' id='jf-building-tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`jf-building-tab-${t.key}`} className={`jf-tab jf-rental-tab ${tab === t.key ? 'is-active' : ''}`} data-tab={t.key} onClick={() => pick(t.key)}>
            <Text>
              {t.label}
              {t.key === 'pending' && building.pending > 0 ? ` ${building.pending}` : ''}
              {t.key === 'active' && building.active > 0 ? ` ${building.active}` : ''}
            </Text>
          </View>
        ))}
      </View>

      {load.phase === 'loading' && <View className='jf-center'>正在加载…</View>}
      {load.phase === 'error' && (
        <View className='jf-center' id='jf-building-list-error'>
          <Text>{load.message}</Text>
          <View className='jf-rental-submit'>
            <Button size='small' onClick={() => void loadTab(tab)}>
              重试
            </Button>
          </View>
        </View>
      )}
      {load.phase === 'ready' && load.items.length === 0 && (
        <View className='jf-card jf-rental-empty' id='jf-building-list-empty'>
          <Text>{tab === 'pending' ? '暂无待确认的登记' : tab === 'active' ? '暂无在住租户' : '暂无退租记录'}</Text>
        </View>
      )}
      {load.phase === 'ready' && load.items.length > 0 && (
        <View className='jf-card' id={`jf-building-${tab}`} data-count={load.items.length}>
          {load.items.map((reg) => (
            <View key={reg.id} className='jf-rental-row jf-building-reg' data-id={reg.id} data-status={reg.status} data-overdue={reg.leaseOverdue ? '1' : '0'}>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>
                  {reg.room} {reg.name ?? '（已清除）'}
                  {reg.leaseOverdue && <Text className='jf-rental-flag jf-reg-overdue'>租约逾期</Text>}
                </Text>
                <RentalStatusTag status={reg.status} label={reg.statusLabel} />
              </View>
              {reg.docNumberMasked && (
                <Text className='jf-rental-row-sub'>
                  {reg.docTypeLabel} <Text className='jf-rental-doc jf-reg-doc'>{reg.docNumberMasked}</Text>
                </Text>
              )}
              {reg.alerts.length > 0 && (
                <View className='jf-rental-alerts jf-reg-alerts' data-count={reg.alerts.length}>
                  {reg.alerts.map((a) => (
                    <Text key={a} className='jf-rental-flag jf-reg-alert'>
                      {a}
                    </Text>
                  ))}
                  <Text className='jf-rental-row-sub jf-muted'>请当面核对本人证件后再确认；如不是本人，请驳回并写明原因。</Text>
                </View>
              )}
              <Text className='jf-rental-row-sub'>
                {reg.phone ? `手机 ${reg.phone} · ` : ''}入住 {reg.moveInDate} · 租约至 {reg.leaseEnd}
              </Text>
              {reg.cohabitants.length > 0 && <Text className='jf-rental-row-sub'>同住 {reg.cohabitants.map((c) => `${c.name}（${c.relation}）`).join('、')}</Text>}
              {reg.refusedReason && <Text className='jf-rental-row-sub'>驳回原因：{reg.refusedReason}</Text>}
              <Text className='jf-rental-row-sub jf-muted'>
                {formatInstant(reg.createdAt)}登记{reg.checkedOutAt ? ` · ${formatFull(reg.checkedOutAt)} 退租` : ''}
              </Text>
              {reg.status === 'pending' && (
                <View className='jf-rental-actions'>
                  <Button className='jf-reg-refuse' size='small' fill='outline' disabled={busy === reg.id} onClick={() => setRefusing(reg)}>
                    驳回
                  </Button>
                  <Button className='jf-reg-approve' size='small' type='primary' loading={busy === reg.id} onClick={() => void approve(reg)}>
                    确认入住
                  </Button>
                </View>
              )}
              {reg.status === 'active' && (
                <View className='jf-rental-actions'>
                  <Button className='jf-reg-checkout' size='small' fill='outline' type='primary' loading={busy === reg.id} onClick={() => void checkOut(reg)}>
                    办理退租
                  </Button>
                </View>
              )}
            </View>
          ))}
        </View>
      )}

      <RentalReasonSheet
        title={refusing ? `驳回 ${refusing.room} 的登记` : null}
        hint={refusing?.alerts.length ? '租户会看到驳回原因。请勿在原因中透露该证件在别处的登记情况。' : '租户会看到驳回原因，可修改后重新扫码登记。'}
        placeholder={refusing?.alerts.length ? '如：证件信息需本人持证件到楼栋长处当面核实' : '如：房号填写错误，本户 502 无此租户'}
        confirmText='驳回'
        check={(v) => (v.trim() ? '' : '请填写驳回原因')}
        onSubmit={refuse}
        onClose={() => setRefusing(null)}
      />
    </View>
  )
}
