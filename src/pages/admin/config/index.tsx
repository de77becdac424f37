import { Text, View } from '@tarojs/components'
import { AdminDesk } from '../../../components/AdminHeader'
import { formatFull } from '../../../core/time'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { DeadLetters } from './DeadLetters'
import { useAdminConfig } from './useAdminConfig'
import '../../../components/AdminKit/kit.css'

const show = (v: unknown) => (v === null || v === undefined ? '（无）' : typeof v === 'string' ? v : JSON.stringify(v))

/**
 * 区级配置 (H5, district admin): categories and who handles them, SLA hours, committees and
 * the other per-district rules, edited as the JSON the server validates, with every save kept.
 */
export default function AdminConfig() {
  const { text, setText, version, history, errors, notice, busy, load, save } = useAdminConfig()

  return (
    <AdminDesk id='jf-admin-config' current='config'>
      <View className='jf-ak-grid'>
        <View className='jf-ak-section'>
          <Text className='jf-ak-title'>区级配置（当前第 {version} 版{version === 0 ? '，来自配置文件' : ''}）</Text>
          <Text className='jf-ak-help'>事件分类与处置单位、办理时限（slaHours、acceptHours）、升级宽限、调解委员会与受理类型、各类保留期限等。保存前会完整校验，错误逐项列出。</Text>
          <textarea id='jf-config-editor' className='jf-ak-textarea' value={text} spellCheck={false} onChange={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          <View className='jf-ak-row' style={{ marginTop: '10PX' }}>
            <button type='button' className='jf-btn jf-btn-primary' id='jf-config-save' disabled={busy} onClick={() => void save()}>
              {busy ? '正在保存…' : '校验并保存'}
            </button>
            <button type='button' className='jf-btn' onClick={() => void load()}>
              放弃修改
            </button>
          </View>
          {notice && (
            <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`} id={notice.ok ? 'jf-config-saved' : 'jf-config-notice'}>
              {notice.text}
            </Text>
          )}
          {errors.length > 0 && (
            <AdminTable id='jf-config-errors'>
              {errors.map(([path, msg]) => (
                <tr key={path} className='jf-config-error' data-path={path}>
                  <td>{path}</td>
                  <td>{msg}</td>
                </tr>
              ))}
            </AdminTable>
          )}
        </View>
        <View className='jf-ak-section' id='jf-config-history'>
          <Text className='jf-ak-title'>修改记录</Text>
          {history.length === 0 && <Text className='jf-ak-help'>尚无修改，使用配置文件中的设置。</Text>}
          {history.map((v) => (
            <View key={v.version} className='jf-config-version' data-version={v.version}>
              <Text className='jf-ak-help'>
                第 {v.version} 版 · {v.authorName} · {formatFull(v.at)}
              </Text>
              <AdminTable>
                {v.changes.map((c) => (
                  <tr key={c.path} className='jf-config-change' data-path={c.path}>
                    <td>{c.path}</td>
                    <td>
                      {show(c.before)} → {show(c.after)}
                    </td>
                  </tr>
                ))}
              </AdminTable>
            </View>
          ))}
        </View>
        <DeadLetters />
      </View>
    </AdminDesk>
  )
}
