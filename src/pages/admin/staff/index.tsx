import { Text, View } from '@tarojs/components'
import { AdminDesk } from '../../../components/AdminHeader'
import { CHANGE_LABELS } from '../../../components/AdminKit/files'
import FilePick from '../../../components/AdminKit/FilePick'
import ImportColumns from '../../../components/AdminKit/ImportColumns'
import { ROSTER_HELP } from '../../../utils/admin/importHelp'
import AddStaffForm from './AddStaffForm'
import InvitePanel from './InvitePanel'
import { useAdminStaff } from './useAdminStaff'
import AdminTable from '../../../components/AdminKit/AdminTable'
import '../../../components/AdminKit/kit.css'

/** 工作人员与邀请 (H5, admin): roster import with a row-by-row report, the staff and their WeChat binding, invitations. */
export default function AdminStaff() {
  const { staff, busy, notice, issued, setIssued, file, allOrNothing, setAllOrNothing, plan, applied, pick, run, invite, revokeInvite, revokeStaff, added } = useAdminStaff()
  return (
    <AdminDesk id='jf-admin-staff' current='staff'>
      <View className='jf-ak-section' id='jf-staff-import'>
        <Text className='jf-ak-title'>导入人员名单（CSV / Excel）</Text>
        <Text className='jf-ak-help'>每行一人一个角色。可直接上传电子表格（.xlsx），或另存为 CSV 后上传（常见的两种中文编码都能识别）。先预览，逐行列出问题，确认后再导入。</Text>
        <ImportColumns id='jf-staff-columns' rows={ROSTER_HELP} />
        <View className='jf-ak-row'>
          <FilePick id='jf-staff-file' accept='.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' chosen={file?.name} onPick={(f) => void pick(f)} />
          <label>
            <input id='jf-staff-aon' type='checkbox' checked={allOrNothing} onChange={(e) => setAllOrNothing((e.target as HTMLInputElement).checked)} /> 全部成功才导入
          </label>
          <button type='button' className='jf-btn' id='jf-staff-preview' disabled={!file || busy !== ''} onClick={() => void run(true)}>
            {busy === 'preview' ? '正在校验…' : '预览'}
          </button>
          <button type='button' className='jf-btn jf-btn-primary' id='jf-staff-apply' disabled={!file || busy !== ''} onClick={() => void run(false)}>
            {busy === 'import' ? '正在导入…' : '导入'}
          </button>
        </View>
        {notice && (
          <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`} id={notice.ok ? 'jf-staff-applied' : 'jf-staff-notice'}>
            {notice.text}
          </Text>
        )}
        {plan && (
          <View id='jf-staff-plan' data-rows={plan.rows} data-good={plan.goodRows} data-errors={plan.errors.length} data-applied={applied ? plan.applied : -1}>
            <Text className='jf-ak-help'>
              共 {plan.rows} 行，{plan.goodRows} 行可导入，{plan.errors.length} 处错误
            </Text>
            {plan.errors.length > 0 && (
              <AdminTable id='jf-staff-errors' head={['行号', '列', '原因']}>
                {plan.errors.map((e, i) => (
                  <tr key={i} className='jf-staff-error' data-row={e.row}>
                    <td>第 {e.row} 行</td>
                    <td>{e.column}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </AdminTable>
            )}
            <AdminTable id='jf-staff-people'>
              {plan.people.map((p) => (
                <tr key={p.phone} className='jf-staff-person' data-change={p.change}>
                  <td>
                    <Text className={`jf-ak-tag is-${p.change}`}>{CHANGE_LABELS[p.change]}</Text>
                  </td>
                  <td>{p.name}</td>
                  <td className='jf-ak-phone'>{p.phone}</td>
                  <td>{p.roles.map((r) => `${r.roleLabel} · ${r.unitName}`).join('；')}</td>
                </tr>
              ))}
            </AdminTable>
          </View>
        )}
      </View>

      <AddStaffForm onAdded={added} />

      {issued && <InvitePanel issued={issued} onRevoke={() => void revokeInvite()} onClose={() => setIssued(null)} />}

      <View className='jf-ak-section'>
        <Text className='jf-ak-title'>工作人员（{staff.length}）</Text>
        <AdminTable id='jf-staff-list' head={['姓名', '手机', '角色与单位', '微信绑定', '邀请', '操作']}>
          {staff.map((s) => (
            <tr key={s.id} className='jf-staff-row' data-user-id={s.id} data-name={s.name} data-bound={s.bound ? 'yes' : 'no'}>
              <td>{s.name}</td>
              <td className='jf-ak-phone'>{s.phone ?? ''}</td>
              <td>{s.roles.map((r) => `${r.roleLabel} · ${r.unitName}`).join('；')}</td>
              <td>
                <Text className={`jf-ak-tag ${s.bound ? 'is-ok' : ''}`}>{s.bound ? '已绑定' : '未绑定'}</Text>
              </td>
              <td>{s.invitation ? s.invitation.statusLabel : '—'}</td>
              <td>
                <button type='button' className='jf-btn jf-staff-invite' disabled={busy !== ''} onClick={() => void invite(s)}>
                  {s.bound ? '重新邀请' : '生成邀请'}
                </button>{' '}
                <button type='button' className='jf-btn jf-staff-revoke' onClick={() => void revokeStaff(s)}>
                  停用
                </button>
              </td>
            </tr>
          ))}
        </AdminTable>
      </View>
    </AdminDesk>
  )
}
