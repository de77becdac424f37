import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import { CHANGE_LABELS } from '../../../components/AdminKit/files'
import { useTableImport, type ImportBusy, type Notice } from '../../../components/AdminKit/useTableImport'
import type { BuildingPlanView } from '../../../contracts/admin'
import AdminTable from '../../../components/AdminKit/AdminTable'
import FilePick from '../../../components/AdminKit/FilePick'
import ImportColumns from '../../../components/AdminKit/ImportColumns'
import { BUILDING_HELP } from '../../../utils/admin/importHelp'

/** 导入楼栋: buildings for the rental check-in, each with its grid and building manager. */
export default function BuildingImport() {
  const [busy, setBusy] = useState<ImportBusy>('')
  const [notice, setNotice] = useState<Notice>(null)
  const { file, allOrNothing, setAllOrNothing, plan, applied, pick, run } = useTableImport<BuildingPlanView>({
    send: (input) => api.call('admin.importBuildings', input),
    appliedText: (p, held) => (held ? `有 ${p.errors.length} 处错误，已按“全部成功才导入”放弃本次导入` : `已登记 ${p.applied} 栋${p.errors.length ? `，${p.errors.length} 处错误未导入` : ''}`),
    busy: busy !== '',
    setBusy,
    setNotice,
  })

  return (
    <View className='jf-ak-section' id='jf-buildings-import'>
      <Text className='jf-ak-title'>导入楼栋（CSV / Excel）</Text>
      <Text className='jf-ak-help'>每行一栋楼。可直接上传电子表格（.xlsx），或另存为 CSV 后上传。楼栋长须先在人员名单中。</Text>
      <ImportColumns id='jf-buildings-columns' rows={BUILDING_HELP} />
      <View className='jf-ak-row'>
        <FilePick id='jf-buildings-file' accept='.csv,.xlsx' chosen={file?.name} onPick={(f) => void pick(f)} />
        <label>
          <input type='checkbox' checked={allOrNothing} onChange={(e) => setAllOrNothing((e.target as HTMLInputElement).checked)} /> 全部成功才导入
        </label>
        <button type='button' className='jf-btn' id='jf-buildings-preview' disabled={!file || busy !== ''} onClick={() => void run(true)}>
          预览
        </button>
        <button type='button' className='jf-btn jf-btn-primary' id='jf-buildings-apply' disabled={!file || busy !== ''} onClick={() => void run(false)}>
          导入
        </button>
      </View>
      {notice && <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`}>{notice.text}</Text>}
      {plan && (
        <View id='jf-buildings-plan' data-rows={plan.rows} data-errors={plan.errors.length} data-applied={applied ? plan.applied : -1}>
          <AdminTable>
            {plan.errors.map((e, i) => (
              <tr key={`e${i}`} className='jf-building-error' data-row={e.row}>
                <td>第 {e.row} 行</td>
                <td>{e.column}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
            {plan.buildings.map((b) => (
              <tr key={`b${b.row}`} className='jf-building-row' data-change={b.change}>
                <td>
                  <Text className={`jf-ak-tag is-${b.change}`}>{b.change === 'added' ? CHANGE_LABELS.added : '已有'}</Text>
                </td>
                <td>{b.name}</td>
                <td>{b.gridName}</td>
                <td>
                  {b.floors} 层 {b.rooms} 间 · 楼栋长 {b.managerName}
                </td>
              </tr>
            ))}
          </AdminTable>
        </View>
      )}
    </View>
  )
}
