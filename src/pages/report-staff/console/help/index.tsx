import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CaseNumber from '../../../../components/CaseNumber'
import StaffConsoleHeader from '../../../../components/StaffConsoleHeader'
import HelpStatusTag from '../../../../components/HelpStatusTag'
import { formatInstant } from '../../../../core/time'
import { staffCaseUrl } from '../../../../utils/help/urls'
import { acceptText } from '../../../../utils/help/view'
import { useHelpLive } from './useHelpLive'
import { a11y } from '../../../../utils/a11y'
import '../queue/index.css'
import './index.css'

const COLUMNS = ['编号', '情况', '社区', '求助时间', '状态', '响应', '响应人', '未能提醒的值班人员（请电话通知）']

/** 一键求助接报 (H5 desk): the street's open requests, live, urgent first, with whom to phone. */
export default function HelpLiveDesk() {
  const s = useHelpLive()
  return (
    <View className='jf-console jf-help-live' id='jf-help-live' data-beeps={s.beeps} data-unseen={s.unseen} data-sound={s.sound} {...a11y('group', { label: '一键求助接报' })} onClick={s.unseen ? s.acknowledge : undefined}>
      <StaffConsoleHeader current='help' />
      <View className='jf-console-main'>
        <View className='jf-cq-toolbar'>
          <Text className='jf-cq-total' id='jf-help-live-total'>
            {s.phase === 'ready' ? `进行中 ${s.openCount} 件` : s.phase === 'loading' ? '正在查询…' : ''}
          </Text>
          {s.unseen > 0 && (
            <Text className='jf-help-live-new' id='jf-help-live-new' {...a11y('button')}>
              新求助 {s.unseen} 件（点击页面表示已看到）
            </Text>
          )}
          <View className='jf-cq-actions'>
            {s.error && s.phase === 'ready' && <Text className='jf-help-live-stale'>刷新失败：{s.error}，稍后自动重试</Text>}
            <button
              id='jf-help-sound'
              type='button'
              className={`jf-btn ${s.sound === 'on' ? '' : 'jf-btn-primary'}`}
              disabled={s.sound !== 'off'}
              onClick={() => void s.turnSoundOn()}
            >
              {s.sound === 'on' ? '提示音已开启' : s.sound === 'unavailable' ? '此浏览器无法播放提示音' : '开启提示音'}
            </button>
          </View>
        </View>

        <View className='jf-cq-table-wrap'>
          <table className='jf-cq-table jf-help-live-table' id='jf-help-live-table'>
            <thead>
              <tr>
                {COLUMNS.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rows.map((h) => (
                <tr
                  key={h.id}
                  className={`jf-cq-row jf-help-live-row ${h.urgent ? 'is-overdue' : ''} ${s.fresh.includes(h.id) ? 'is-fresh' : ''}`}
                  data-id={h.id}
                  data-status={h.status}
                  data-escalation={h.escalation ?? ''}
                  data-urgent={h.urgent ? '1' : '0'}
                  onClick={() => void Taro.navigateTo({ url: staffCaseUrl(h.id, 'help') })}
                >
                  <td>
                    <CaseNumber value={h.number} />
                  </td>
                  <td className='jf-cq-title'>
                    <Text>
                      {h.urgent && <Text className='jf-help-live-urgent'>紧急 </Text>}
                      {h.helpKindLabel}
                    </Text>
                    <Text className='jf-help-live-sub'>{h.title}</Text>
                  </td>
                  <td>{h.communityName}</td>
                  <td>{formatInstant(h.createdAt, new Date(s.now))}</td>
                  <td>
                    <HelpStatusTag status={h.status} label={h.status === 'escalated' && h.escalationLabel ? h.escalationLabel : h.statusLabel} />
                  </td>
                  <td className={h.secondsToAccept === null ? 'jf-help-live-wait' : ''}>{acceptText(h, s.now)}</td>
                  <td>{h.responderName ?? '—'}</td>
                  <td className='jf-help-live-unreached'>
                    {h.unreachable.length === 0
                      ? h.notifiedCount > 0
                        ? `已提醒 ${h.notifiedCount} 人`
                        : '无人值班'
                      : h.unreachable.map((u, i) => (
                          <Text key={`${u.name}-${i}`} className='jf-help-live-person'>
                            {u.name}（{u.roleLabel}）{u.phone ?? '无电话'} · {u.reasonLabel}
                          </Text>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.phase === 'loading' && <View className='jf-cq-state'>正在查询…</View>}
          {s.phase === 'error' && (
            <View className='jf-cq-state is-error' id='jf-help-live-error'>
              <Text>{s.error}</Text>
              <button type='button' className='jf-btn' onClick={() => void s.retry()}>
                重试
              </button>
            </View>
          )}
          {s.phase === 'ready' && s.rows.length === 0 && (
            <View className='jf-cq-state' id='jf-help-live-empty'>
              暂无进行中的一键求助，有新求助时本页自动显示并提示
            </View>
          )}
        </View>
      </View>
    </View>
  )
}
