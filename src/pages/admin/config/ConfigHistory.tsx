import { Text, View } from '@tarojs/components'
import AdminTable from '../../../components/AdminKit/AdminTable'
import type { ConfigVersionView } from '../../../contracts/admin'
import { configPathLabel, configValueText } from '../../../contracts/configFields'
import { formatFull } from '../../../core/time'
import type { ConfigDraft } from '../../../utils/admin/configDraft'

/**
 * 修改记录: who saved each version, when (Shanghai time), and what changed, each field named in
 * words (「垃圾堆积」办理时限（小时）24 → 12). Items are named by the configuration in force.
 */
export default function ConfigHistory({ history, config }: { history: ConfigVersionView[]; config: ConfigDraft | null }) {
  const names = (config ?? {}) as Parameters<typeof configPathLabel>[1]
  return (
    <View className='jf-ak-section' id='jf-config-history'>
      <Text className='jf-ak-title'>修改记录</Text>
      {history.length === 0 && <Text className='jf-ak-help'>尚无修改，使用配置文件中的设置。</Text>}
      {history.map((v) => (
        <View key={v.version} className='jf-config-version' data-version={v.version}>
          <Text className='jf-ak-help jf-config-version-head'>
            第 {v.version} 版 · {v.authorName} · {formatFull(v.at)} · {v.changes.length} 处修改
          </Text>
          <AdminTable>
            {v.changes.map((c) => (
              <tr key={c.path} className='jf-config-change' data-path={c.path}>
                <td>{configPathLabel(c.path, names)}</td>
                <td>
                  {configValueText(c.before)} → {configValueText(c.after)}
                </td>
              </tr>
            ))}
          </AdminTable>
        </View>
      ))}
    </View>
  )
}
