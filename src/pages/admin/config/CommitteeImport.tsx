import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { CHANGE_LABELS, MAX_TABLE_BYTES, readBase64 } from '../../../components/AdminKit/files'
import FilePick from '../../../components/AdminKit/FilePick'
import ImportColumns from '../../../components/AdminKit/ImportColumns'
import type { CommitteePlanView } from '../../../contracts/mediationLevels'
import { COMMITTEE_COLUMNS } from '../../../core/import/committees'
import { columnHelp } from '../../../utils/admin/importHelp'

const HELP = columnHelp(COMMITTEE_COLUMNS, {
  name: '必填，如 云景社区人民调解委员会',
  level: '必填：社区（村）、街道（镇）或区，应与单位的层级一致',
  unit: '必填，社区、街道或区的单位编码（见「单位与网格」）',
  types: '选填，受理的纠纷类型，用顿号分隔，如 邻里纠纷、物业纠纷；不填或填「全部」为全部类型',
  prefix: '选填，协议编号中的简称，如「云景」→（2026）白云云景调字第 1 号；不填按单位名称',
  code: '选填，同一单位有多个调解委员会时填写，用字母或数字区分',
})

/**
 * 导入调解委员会 (小事不出村、大事不出镇): the committees of communities, streets and the district, previewed
 * row by row, then saved as the next configuration version. All or nothing; the district-wide ones
 * (交调委, 商调委, 婚调委) stay in the configuration file.
 */
export default function CommitteeImport({ onApplied }: { onApplied: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const [plan, setPlan] = useState<CommitteePlanView | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)

  const pick = async (list: FileList | null) => {
    setPlan(null)
    setNotice(null)
    const f = list?.[0]
    if (!f) return setFile(null)
    if (f.size > MAX_TABLE_BYTES) return setNotice({ ok: false, text: '文件不能超过 2 MB' })
    setFile({ name: f.name, base64: await readBase64(f) })
  }

  const run = async (dryRun: boolean) => {
    if (!file || busy) return
    setBusy(true)
    setNotice(null)
    const r = await api.call('admin.importCommittees', { fileName: file.name, contentBase64: file.base64, dryRun })
    setBusy(false)
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setPlan(r.plan)
    if (dryRun) return
    if (r.plan.errors.length) return setNotice({ ok: false, text: `有 ${r.plan.errors.length} 处错误，未导入，请修改后重试` })
    if (!r.plan.applied) return setNotice({ ok: true, text: '表格与现有调解委员会一致，无需导入' })
    setNotice({ ok: true, text: `已导入，保存为第 ${r.plan.version} 版配置` })
    onApplied()
  }

  return (
    <View className='jf-ak-section' id='jf-committees-import'>
      <Text className='jf-ak-title'>导入社区、街道调解委员会（CSV / Excel）</Text>
      <Text className='jf-ak-help'>每行一个调解委员会。未导入的社区、街道按组织架构自动设立「××人民调解委员会」，受理全部类型；纠纷先由哪一级受理见上方「调解层级规则」。</Text>
      <ImportColumns id='jf-committees-columns' rows={HELP} />
      <View className='jf-ak-row'>
        <FilePick id='jf-committees-file' accept='.csv,.xlsx' chosen={file?.name} onPick={(f) => void pick(f)} />
        <button type='button' className='jf-btn' id='jf-committees-preview' disabled={!file || busy} onClick={() => void run(true)}>
          预览
        </button>
        <button type='button' className='jf-btn jf-btn-primary' id='jf-committees-apply' disabled={!file || busy} onClick={() => void run(false)}>
          导入
        </button>
      </View>
      {notice && <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`} id='jf-committees-notice'>{notice.text}</Text>}
      {plan && (
        <View id='jf-committees-plan' data-rows={plan.rows} data-errors={plan.errors.length} data-applied={plan.applied ? '1' : '0'}>
          <AdminTable>
            {plan.errors.map((e, i) => (
              <tr key={`e${i}`} className='jf-committee-error' data-row={e.row}>
                <td>第 {e.row} 行</td>
                <td>{e.column}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
            {plan.committees.map((c) => (
              <tr key={`${c.unitCode}-${c.name}`} className='jf-committee-row' data-change={c.change}>
                <td>
                  <Text className={`jf-ak-tag is-${c.change}`}>{CHANGE_LABELS[c.change]}</Text>
                </td>
                <td>{c.name}</td>
                <td>
                  {c.levelLabel} · {c.unitName}
                </td>
                <td>
                  受理：{c.disputeTypesLabel} · 编号前缀：{c.numberPrefix}
                </td>
              </tr>
            ))}
          </AdminTable>
        </View>
      )}
    </View>
  )
}
