import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import { cleanPhone, leaseEndError, phoneError } from '../../../utils/rental/checkin'
import type { RegistrationView } from '../../../contracts/rental'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** One registration's edit of phone and lease end, and 人走注销; the changed registration goes back to the list. */
export function useRegistration(reg: RegistrationView, onChanged: (r: RegistrationView) => void) {
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

  return { editing, setEditing, phone, setPhone, leaseEnd, setLeaseEnd, errors, setErrors, busy, open, save, checkOut }
}
