import { Text, View } from '@tarojs/components'
import { AdminDesk } from '../../../components/AdminHeader'
import { CHANGE_LABELS } from '../../../components/AdminKit/files'
import GridMap from '../../../components/AdminKit/GridMap'
import FilePick from '../../../components/AdminKit/FilePick'
import ImportColumns from '../../../components/AdminKit/ImportColumns'
import { GEOJSON_HELP } from '../../../utils/admin/importHelp'
import type { UnitRowView } from '../../../contracts/admin'
import BuildingImport from './BuildingImport'
import { useAdminOrg } from './useAdminOrg'
import AdminTable from '../../../components/AdminKit/AdminTable'
import '../../../components/AdminKit/kit.css'

function DiffRows({ kind, rows }: { kind: 'added' | 'changed' | 'removed'; rows: UnitRowView[] }) {
  return (
    <>
      {rows.map((u) => (
        <tr key={`${kind}-${u.code}`} className='jf-org-diff-row' data-kind={kind} data-code={u.code}>
          <td>
            <Text className={`jf-ak-tag is-${kind}`}>{CHANGE_LABELS[kind]}</Text>
          </td>
          <td>{u.levelLabel}</td>
          <td>{u.code}</td>
          <td>{u.name}</td>
          <td>{u.fields?.join('、') ?? ''}</td>
        </tr>
      ))}
    </>
  )
}

/** 单位与网格 (H5, district admin): the org tree and grid map, and GeoJSON import with a dry run before anything is written. */
export default function AdminOrg() {
  const { units, loadError, files, plan, busy, notice, pick, preview, apply, changes, grids } = useAdminOrg()
  return (
    <AdminDesk id='jf-admin-org' current='org'>
      <View className='jf-ak-section' id='jf-org-import'>
        <Text className='jf-ak-title'>导入网格边界（GeoJSON）</Text>
        <Text className='jf-ak-help'>
          一个 GeoJSON 文件（要素集合）：每个网格一个多边形要素，带下表的属性；街道和社区可作为不带边界的要素放在同一文件，或另附一个文件。先预览，确认后才写入；同一文件再次导入不会有变化。调解委员会在「区级配置」页查看。
        </Text>
        <ImportColumns id='jf-org-columns' rows={GEOJSON_HELP} lead='要素属性：每项可用下表中任一名称；也接受地理信息软件导出的英文属性名。' />
        <View className='jf-ak-row'>
          <FilePick id='jf-org-file' accept='.geojson,.json,application/geo+json,application/json' multiple chosen={files?.names.join('，')} onPick={(f) => void pick(f)} />
          <button type='button' id='jf-org-preview' className='jf-btn' disabled={!files || busy !== ''} onClick={() => void preview()}>
            {busy === 'plan' ? '正在校验…' : '预览变更'}
          </button>
        </View>
        {notice && (
          <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`} id={notice.ok ? 'jf-org-applied' : 'jf-org-notice'}>
            {notice.text}
          </Text>
        )}
        {plan && (
          <View id='jf-org-plan' data-errors={plan.errors.length} data-added={plan.added.length} data-changed={plan.changed.length} data-removed={plan.removed.length}>
            {plan.errors.length > 0 && (
              <View id='jf-org-errors'>
                <Text className='jf-ak-notice is-error'>文件有 {plan.errors.length} 处错误，改正后再导入：</Text>
                <AdminTable>
                  {plan.errors.map((e, i) => (
                    <tr key={i} className='jf-org-error' data-code={e.code ?? ''}>
                      <td>{e.feature > 0 ? `第 ${e.feature} 个要素` : '文件'}</td>
                      <td>{e.code ?? ''}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </AdminTable>
              </View>
            )}
            {plan.warnings.map((w, i) => (
              <Text key={i} className='jf-ak-notice is-warn'>
                {w.reason}
              </Text>
            ))}
            {plan.errors.length === 0 && (
              <>
                <Text className='jf-ak-notice is-ok' id='jf-org-summary'>
                  校验通过：新增 {plan.added.length}，变更 {plan.changed.length}，删除 {plan.removed.length}，无变化 {plan.unchanged}
                </Text>
                {changes > 0 && (
                  <AdminTable id='jf-org-diff' head={['变更', '层级', '编码', '名称', '变化字段']}>
                    <DiffRows kind='added' rows={plan.added} />
                    <DiffRows kind='changed' rows={plan.changed} />
                    <DiffRows kind='removed' rows={plan.removed} />
                  </AdminTable>
                )}
                <View className='jf-ak-row' style={{ marginTop: '10PX' }}>
                  <button type='button' id='jf-org-apply' className='jf-btn jf-btn-primary' disabled={changes === 0 || busy !== ''} onClick={() => void apply()}>
                    {busy === 'apply' ? '正在导入…' : changes === 0 ? '没有需要导入的变更' : '确认导入'}
                  </button>
                </View>
              </>
            )}
          </View>
        )}
      </View>

      <BuildingImport />

      <View className='jf-ak-section'>
        <Text className='jf-ak-title'>组织架构（{units.length} 个单位，{grids.length} 个网格）</Text>
        {loadError && <Text className='jf-ak-notice is-error'>{loadError}</Text>}
        <View className='jf-ak-grid'>
          <AdminTable id='jf-org-units' head={['层级', '编码', '名称', '上级', '边界']}>
            {units.map((u) => (
              <tr key={u.code} className='jf-org-unit' data-code={u.code} data-level={u.level}>
                <td>{u.levelLabel}</td>
                <td>{u.code}</td>
                <td>{u.name}</td>
                <td>{u.parentCode ?? ''}</td>
                <td>{u.hasPolygon ? '有' : '—'}</td>
              </tr>
            ))}
          </AdminTable>
          <GridMap grids={grids} />
        </View>
      </View>
    </AdminDesk>
  )
}
