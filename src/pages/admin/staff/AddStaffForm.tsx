import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import { STAFF_ROLES } from '../../../core/import/roster'
import { HELPER_KIND_LABELS, HELPER_KINDS, ROLE_LABELS, type Role } from '../../../core/roles'
import './addStaff.css'

type Extra = 'committee' | 'department' | 'helperKind'
/** The one more cell a role needs: a mediator's committee, a department's name, a helper's 类别. */
const EXTRA: Partial<Record<Role, { key: Extra; label: string }>> = {
  mediator: { key: 'committee', label: '调解委员会' },
  department: { key: 'department', label: '部门' },
  helper: { key: 'helperKind', label: '类别' },
}

/**
 * One person added by hand (a new 驻村法律顾问, a replacement grid worker): the same checks as a roster
 * row; a refusal names its column, as the import's error table does.
 */
export default function AddStaffForm({ onAdded }: { onAdded: (name: string) => void }) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [role, setRole] = useState<Role>('helper')
  const [unitCode, setUnitCode] = useState('')
  const [extra, setExtra] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ text: string; fields: Record<string, string> } | null>(null)
  const need = EXTRA[role]

  const add = async () => {
    if (busy) return
    setBusy(true)
    const r = await api.call('admin.addStaff', { name, phone, role, unitCode, ...(need && extra.trim() ? { [need.key]: extra.trim() } : {}) })
    setBusy(false)
    if (!r.ok) return setProblem({ text: r.message, fields: (r.details as Record<string, string> | undefined) ?? {} })
    setProblem(null)
    setName('')
    setPhone('')
    setExtra('')
    onAdded(name.trim())
  }

  return (
    <View className='jf-ak-section' id='jf-staff-add'>
      <Text className='jf-ak-title'>添加一位工作人员</Text>
      <Text className='jf-ak-help'>与名单中的一行相同：协助调解人（驻村法律顾问、党员、街坊）填所在社区的编码，调解员填调解委员会，职能部门人员填部门。</Text>
      <View className='jf-ak-row'>
        <label className='jf-sa-field'>
          姓名 <input className='jf-sa-input' id='jf-staff-add-name' value={name} onChange={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label className='jf-sa-field'>
          手机 <input className='jf-sa-input' id='jf-staff-add-phone' value={phone} onChange={(e) => setPhone((e.target as HTMLInputElement).value)} />
        </label>
        <label className='jf-sa-field'>
          角色{' '}
          <select
            className='jf-sa-select'
            id='jf-staff-add-role'
            value={role}
            onChange={(e) => {
              setRole((e.target as HTMLSelectElement).value as Role)
              setExtra('')
            }}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className='jf-sa-field'>
          单位编码 <input className='jf-sa-input is-wide' id='jf-staff-add-unit' value={unitCode} onChange={(e) => setUnitCode((e.target as HTMLInputElement).value)} />
        </label>
        {need?.key === 'helperKind' && (
          <label className='jf-sa-field'>
            类别{' '}
            <select className='jf-sa-select' id='jf-staff-add-kind' value={extra} onChange={(e) => setExtra((e.target as HTMLSelectElement).value)}>
              <option value=''>请选择</option>
              {HELPER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {HELPER_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        )}
        {need && need.key !== 'helperKind' && (
          <label className='jf-sa-field'>
            {need.label} <input className='jf-sa-input is-wide' id='jf-staff-add-extra' value={extra} onChange={(e) => setExtra((e.target as HTMLInputElement).value)} />
          </label>
        )}
        <button type='button' className='jf-btn jf-btn-primary' id='jf-staff-add-go' disabled={busy} onClick={() => void add()}>
          {busy ? '正在添加…' : '添加'}
        </button>
      </View>
      {problem && (
        <Text className='jf-ak-notice is-error' id='jf-staff-add-error' data-fields={Object.keys(problem.fields).join(',')}>
          {problem.text}
        </Text>
      )}
    </View>
  )
}
