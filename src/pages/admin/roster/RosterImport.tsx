import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import AdminTable from '../../../components/AdminKit/AdminTable'
import FilePick from '../../../components/AdminKit/FilePick'
import ImportColumns from '../../../components/AdminKit/ImportColumns'
import { useTableImport, type ImportBusy, type Notice } from '../../../components/AdminKit/useTableImport'
import type { RosterImportPlan } from '../../../contracts/help'
import { DUTY_COLUMNS } from '../../../core/import/dutyRoster'
import { columnHelp } from '../../../utils/admin/importHelp'

const COLUMNS = columnHelp(DUTY_COLUMNS, {
  community: '必填，如 440111010001',
  phone: '必填，工作人员名单中的手机号或座机（如 020-87701001）',
  name: '选填，便于核对',
  days: '必填，如 周一至周五、周六、周日、每天',
  from: '必填，如 08:30',
  to: '必填，如 17:30；全天写 00:00 至 24:00；早于开始即跨夜到次日',
})

/** 值班表 from a table: previewed, then applied whole (any bad row writes nothing). */
export default function RosterImport({ onApplied }: { onApplied: () => void }) {
  const [busy, setBusy] = useState<ImportBusy>('')
  const [notice, setNotice] = useState<Notice>(null)
  const { file, plan, applied, pick, run } = useTableImport<RosterImportPlan>({
    send: ({ fileName, contentBase64, dryRun }) => api.call('help.importRoster', { fileName, contentBase64, dryRun }),
    appliedText: (p) => (p.errors.length ? `有 ${p.errors.length} 处错误，未导入` : `已更新 ${p.applied} 个社区的值班表`),
    busy: busy !== '',
    setBusy,
    setNotice,
    onApplied,
  })
  return (
    <View className='jf-ak-section' id='jf-roster-import'>
      <Text className='jf-ak-title'>导入值班表（CSV / Excel）</Text>
      <Text className='jf-ak-help'>每行一个班次，同一人可写多行。表中出现的社区，其值班表整体替换为表中内容；有任何一行出错则不导入。</Text>
      <ImportColumns id='jf-roster-columns' rows={COLUMNS} />
      <View className='jf-ak-row'>
        <FilePick id='jf-roster-file' accept='.csv,.xlsx' chosen={file?.name} onPick={(f) => void pick(f)} />
        <button type='button' className='jf-btn' id='jf-roster-preview' disabled={!file || busy !== ''} onClick={() => void run(true)}>
          预览
        </button>
        <button type='button' className='jf-btn jf-btn-primary' id='jf-roster-apply' disabled={!file || busy !== ''} onClick={() => void run(false)}>
          导入
        </button>
      </View>
      {notice && <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`}>{notice.text}</Text>}
      {plan && (
        <View id='jf-roster-plan' data-errors={plan.errors.length} data-applied={applied ? plan.applied : -1}>
          <AdminTable>
            {plan.errors.map((e) => (
              <tr key={`e${e.row}`} className='jf-roster-error'>
                <td>第 {e.row} 行</td>
                <td>{e.message}</td>
              </tr>
            ))}
            {plan.communities.map((c) => (
              <tr key={c.communityCode} className='jf-roster-community'>
                <td>{c.communityName}</td>
                <td>
                  {c.people} 人，{c.shifts} 个班次
                </td>
              </tr>
            ))}
          </AdminTable>
        </View>
      )}
    </View>
  )
}
