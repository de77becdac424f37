import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { api } from '../../../api'
import LoadState from '../../../components/LoadState'
import FieldError from '../../../components/FieldError'
import { cleanPhone, leaseEndError, phoneError } from '../../../components/RentalKit/logic'
import RentalStatusTag from '../../../components/RentalStatusTag'
import type { RegistrationView } from '../../../contracts/rental'
import { formatFull } from '../../../core/time'
import '../../../components/RentalKit/kit.css'
import './index.css'
import TextBox from '../../../components/TextBox'

type Load = { phase: 'loading' } | { phase: 'ready'; items: RegistrationView[] } | { phase: 'error'; message: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** The tenant's own registrations: status, masked number, update phone / lease end, 人走注销. */
export default function RentalMine() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })

  const refresh = useCallback(async () => {
    const r = await api.call('rental.mine', {})
    if (r.ok) setLoad({ phase: 'ready', items: r.registrations })
    else setLoad((s) => (s.phase === 'ready' ? (toast(r.message), s) : { phase: 'error', message: r.message }))
  }, [])

  // Statuses change when the building manager confirms: read them every time the page shows.
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  const replace = (reg: RegistrationView) =>
    setLoad((s) => (s.phase === 'ready' ? { phase: 'ready', items: s.items.map((x) => (x.id === reg.id ? reg : x)) } : s))

  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在加载…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-rental-mine-error' onRetry={() => void refresh()} />

  return (
    <View className='jf-page' id='jf-rental-mine' data-count={load.items.length}>
      {load.items.length === 0 && (
        <View className='jf-card jf-rental-empty' id='jf-rental-mine-empty'>
          <Text>还没有租住登记。{'\n'}请扫描出租屋楼栋门口张贴的「实名登记」二维码，按提示填写登记。</Text>
        </View>
      )}
      {load.items.map((reg) => (
        <Registration key={reg.id} reg={reg} onChanged={replace} />
      ))}
    </View>
  )
}

function Registration({ reg, onChanged }: { reg: RegistrationView; onChanged: (r: RegistrationView) => void }) {
  const [editing, setEditing] = useState(false)
  const [phone, setPhone] = useState(reg.phone ?? '')
  const [leaseEnd, setLeaseEnd] = useState(reg.leaseEnd)
  const [errors, setErrors] = useState<{ phone?: string; leaseEnd?: string }>({})
  const [busy, setBusy] = useState(false)
  const open = reg.status === 'pending' || reg.status === 'active'

  const save = async () => {
    if (busy) return
    const e = { phone: phoneError(phone) || undefined, leaseEnd: leaseEndError(reg.moveInDate, leaseEnd) || undefined }
    setErrors(e)
    if (e.phone || e.leaseEnd) return
    const patch: { phone?: string; leaseEnd?: string } = {}
    if (cleanPhone(phone) !== reg.phone) patch.phone = cleanPhone(phone)
    if (leaseEnd !== reg.leaseEnd) patch.leaseEnd = leaseEnd
    if (!patch.phone && !patch.leaseEnd) return setEditing(false)
    setBusy(true)
    const r = await api.call('rental.update', { id: reg.id, version: reg.version, ...patch })
    setBusy(false)
    if (!r.ok) {
      setErrors({ phone: r.details?.phone, leaseEnd: r.details?.leaseEnd })
      return toast(r.message)
    }
    onChanged(r.registration)
    setEditing(false)
    void Taro.showToast({ title: '已更新', icon: 'success' })
  }

  const checkOut = async () => {
    if (busy) return
    const m = await Taro.showModal({ title: '人走注销', content: `确认已从 ${reg.buildingName} ${reg.room} 搬离吗？注销后楼栋长和派出所将看到您已退租。`, confirmText: '确认注销' })
    if (!m.confirm) return
    setBusy(true)
    const r = await api.call('rental.checkOut', { id: reg.id, version: reg.version })
    setBusy(false)
    if (!r.ok) return toast(r.message)
    onChanged(r.registration)
    void Taro.showToast({ title: '已注销', icon: 'success' })
  }

  return (
    <View className='jf-card jf-rental-reg' data-id={reg.id} data-status={reg.status}>
      <View className='jf-rental-row'>
        <View className='jf-rental-row-top'>
          <Text className='jf-rental-row-title'>
            {reg.buildingName} {reg.room}
          </Text>
          <RentalStatusTag status={reg.status} label={reg.statusLabel} />
        </View>
        <Text className='jf-rental-row-sub'>
          {reg.buildingAddress} · {reg.gridName}
        </Text>
        {reg.status === 'refused' && reg.refusedReason && (
          <Text className='jf-rental-row-sub jf-rental-refused'>驳回原因：{reg.refusedReason}</Text>
        )}
        {reg.status === 'purged' ? (
          <Text className='jf-rental-row-sub'>保存期限已到，您的个人信息已清除</Text>
        ) : (
          <>
            <Text className='jf-rental-row-sub'>
              {reg.name} · {reg.docTypeLabel} <Text className='jf-rental-doc jf-rental-mine-doc'>{reg.docNumberMasked}</Text>
            </Text>
            <Text className='jf-rental-row-sub'>
              手机 {reg.phone} · 入住 {reg.moveInDate} · 租约至 {reg.leaseEnd}
              {reg.leaseOverdue && <Text className='jf-rental-flag'>租约已到期</Text>}
            </Text>
            {reg.cohabitants.length > 0 && (
              <Text className='jf-rental-row-sub'>同住人：{reg.cohabitants.map((c) => `${c.name}（${c.relation}）`).join('、')}</Text>
            )}
          </>
        )}
        {reg.checkedOutAt && <Text className='jf-rental-row-sub'>{formatFull(reg.checkedOutAt)} 已退租</Text>}

        {open && editing && (
          <View className='jf-rental-edit'>
            <TextBox label='手机号码' labelClass='jf-rental-label' className='jf-rental-input jf-rental-edit-phone' value={phone} type='tel' onChange={(v) => (setPhone(v), setErrors((e) => ({ ...e, phone: undefined })))} maxLength={13} field='phone' error={errors.phone} />
            <Text className='jf-rental-label'>预计租约到期</Text>
            <Picker mode='date' value={leaseEnd} start={reg.moveInDate} onChange={(e) => (setLeaseEnd(String(e.detail.value)), setErrors((x) => ({ ...x, leaseEnd: undefined })))}>
              <View className='jf-rental-picker jf-rental-edit-lease'>
                <Text>{leaseEnd}</Text>
              </View>
            </Picker>
            <FieldError field='leaseEnd' message={errors.leaseEnd} />
          </View>
        )}
        {open && (
          <View className='jf-rental-actions'>
            {editing ? (
              <>
                <Button size='small' fill='outline' onClick={() => setEditing(false)}>
                  取消
                </Button>
                <Button className='jf-rental-save' size='small' type='primary' loading={busy} onClick={() => void save()}>
                  保存
                </Button>
              </>
            ) : (
              <>
                <Button className='jf-rental-edit-open' size='small' fill='outline' onClick={() => setEditing(true)}>
                  修改手机 / 租期
                </Button>
                <Button className='jf-rental-checkout' size='small' type='primary' fill='outline' loading={busy} onClick={() => void checkOut()}>
                  人走注销
                </Button>
              </>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
