import { Text, View } from '@tarojs/components'
import { AdminDesk } from '../../../components/AdminHeader'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { shiftText } from '../../../core/dutyRoster'
import RosterImport from './RosterImport'
import ShiftForm from './ShiftForm'
import { useDutyRoster } from './useDutyRoster'
import '../../../components/AdminKit/kit.css'
import './index.css'

/**
 * 一键求助值班 (H5, district admin): per community, who of its grid workers, mediators and 协助调解人
 * is on duty when — a request raised there goes to everyone on duty at that moment, at once. Edited
 * here and saved whole, or imported from a table for many communities at once.
 */
export default function AdminRoster() {
  const r = useDutyRoster()
  const people = new Map([...(r.roster?.entries ?? []).map((e) => [e.userId, e] as const)])
  const candidates = new Map((r.roster?.candidates ?? []).map((c) => [c.userId, c] as const))
  return (
    <AdminDesk id='jf-admin-roster' current='roster'>
      <View className='jf-ak-section' id='jf-roster'>
        <Text className='jf-ak-title'>一键求助值班表</Text>
        <Text className='jf-ak-help'>居民在本社区按下「一键求助」时，所有正在值班的人员同时收到提醒，先响应者负责到场处置；超时无人响应即上报街道综治中心。无人值班的时段，求助直接上报街道。</Text>
        <View className='jf-ak-row'>
          <select id='jf-roster-community' aria-label='社区' value={r.code} onChange={(e) => r.setCode((e.target as HTMLSelectElement).value)}>
            {r.communities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <button type='button' className='jf-btn jf-btn-primary' id='jf-roster-save' disabled={r.busy || !r.dirty} onClick={() => void r.save()}>
            {r.busy ? '正在保存…' : '保存值班表'}
          </button>
          {r.dirty && <Text className='jf-config-hint'>有未保存的修改</Text>}
        </View>
        {r.notice && (
          <Text className={`jf-ak-notice ${r.notice.ok ? 'is-ok' : 'is-error'}`} id={r.notice.ok ? 'jf-roster-saved' : 'jf-roster-notice'}>
            {r.notice.text}
          </Text>
        )}
        {r.draft.length === 0 && <Text className='jf-ak-help' id='jf-roster-empty'>本社区暂无值班人员：求助将直接上报街道综治中心。</Text>}
        {r.draft.length > 0 && (
          <AdminTable head={['值班人员', '身份', '电话', '班次', '现在']}>
            {r.draft.map((e) => {
              const saved = people.get(e.userId)
              const who = saved ?? candidates.get(e.userId)
              return (
                <tr key={e.userId} className='jf-roster-entry' data-user={e.userId}>
                  <td>{who?.name ?? '—'}</td>
                  <td>{who?.roleLabel ?? ''}</td>
                  <td className='jf-roster-nowrap'>{saved?.phone ?? ''}</td>
                  <td>
                    {e.shifts.map((s, i) => (
                      <View key={`${s.from}-${i}`} className='jf-ak-row'>
                        <Text className='jf-roster-shift'>{shiftText(s)}</Text>
                        <button type='button' className='jf-btn' onClick={() => r.removeShift(e.userId, i)}>
                          删除
                        </button>
                      </View>
                    ))}
                  </td>
                  <td className='jf-roster-nowrap'>{saved?.onDutyNow ? <Text className='jf-ak-tag is-ok'>值班中</Text> : ''}</td>
                </tr>
              )
            })}
          </AdminTable>
        )}
        <ShiftForm candidates={r.roster?.candidates ?? []} onAdd={r.addShift} />
      </View>
      <RosterImport onApplied={() => void r.reload()} />
    </AdminDesk>
  )
}
