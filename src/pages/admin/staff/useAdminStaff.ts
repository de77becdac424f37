import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import { useTableImport, type Notice } from '../../../components/AdminKit/useTableImport'
import type { StaffPlanView, StaffView } from '../../../contracts/admin'
import { type IssuedInvite } from './InvitePanel'

/** The staff page: the list, the invitation form and the invitations sent. */
export function useAdminStaff() {
  const [staff, setStaff] = useState<StaffView[]>([])
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState<Notice>(null)
  const [issued, setIssued] = useState<IssuedInvite | null>(null)

  const load = async () => {
    const r = await api.call('admin.staff', {})
    if (r.ok) setStaff(r.staff)
    else setNotice({ ok: false, text: r.message })
  }
  useEffect(() => {
    void load()
  }, [])

  const { file, allOrNothing, setAllOrNothing, plan, applied, pick, run } = useTableImport<StaffPlanView>({
    send: (input) => api.call('admin.importStaff', input),
    appliedText: (p, held) => (held ? `有 ${p.errors.length} 行错误，已按“全部成功才导入”放弃本次导入` : `已导入 ${p.applied} 人${p.errors.length ? `，${p.errors.length} 行有错误未导入` : ''}`),
    busy: busy !== '',
    setBusy,
    setNotice,
    onApplied: () => void load(),
  })

  const invite = async (s: StaffView) => {
    if (busy) return
    setBusy(`invite-${s.id}`)
    const r = await api.call('admin.invite', { userId: s.id })
    setBusy('')
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setIssued({ name: s.name, code: r.code, path: r.path, qr: r.qr, qrError: r.qrError, webLink: r.webLink, invitation: r.invitation })
    void load()
  }

  const revokeInvite = async () => {
    if (!issued) return
    const r = await api.call('admin.revokeInvitation', { id: issued.invitation.id })
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setIssued({ ...issued, invitation: r.invitation })
    void load()
  }

  const revokeStaff = async (s: StaffView) => {
    const { confirm } = await Taro.showModal({ title: '停用工作人员', content: `停用后 ${s.name} 立即失去所有工作权限，微信绑定也会解除。确定停用？` })
    if (!confirm) return
    const r = await api.call('admin.revokeStaff', { userId: s.id })
    setNotice(r.ok ? { ok: true, text: `已停用 ${s.name}` } : { ok: false, text: r.message })
    if (issued?.invitation.userId === s.id) setIssued(null)
    void load()
  }
  /** One person added by hand (AddStaffForm): said, and the list read again. */
  const added = (name: string) => {
    setNotice({ ok: true, text: `已添加 ${name}，可在下方列表中生成邀请` })
    void load()
  }
  return { staff, busy, notice, issued, setIssued, file, allOrNothing, setAllOrNothing, plan, applied, pick, run, invite, revokeInvite, revokeStaff, added }
}
