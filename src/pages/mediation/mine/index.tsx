import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { deadlineInfo } from '../../../utils/mediation/status'
import MediationStatusTag from '../../../components/MediationStatusTag'
import type { MediationSummary } from '../../../contracts/api'
import { formatInstant } from '../../../core/time'
import { usePagedList } from '../../../hooks/usePagedList'
import '../../../components/MediationKit/kit.css'
import './index.css'

const PAGE = 20
const APPLY_URL = '/pages/mediation/apply/index'
const JOIN_URL = '/pages/mediation/join/index'

const ROLE_LABEL: Record<string, string> = { applicant: '我是申请人', respondent: '我是被申请人' }

/** Mediations where I am the applicant or a respondent, newest first. */
export default function MyMediations() {
  // Statuses move while the user is inside a case: reload every time the list shows.
  const { items: cases, next, phase, error, loadingMore, refresh, loadMore } = usePagedList<MediationSummary>((before) =>
    api
      .call('mediation.mine', before ? { before, limit: PAGE } : { limit: PAGE })
      .then((r) => (r.ok ? { ...r, items: r.cases } : r)),
  )

  const go = (url: string) => void Taro.navigateTo({ url })
  const now = new Date()

  const entries = (
    <View className='jf-medm-entries'>
      <View className='jf-medm-entry is-primary' id='jf-med-apply-entry' onClick={() => go(APPLY_URL)}>
        <Text className='jf-medm-entry-title'>申请调解</Text>
        <Text className='jf-medm-entry-text'>邻里、家庭、租赁等纠纷</Text>
      </View>
      <View className='jf-medm-entry' id='jf-med-join-entry' onClick={() => go(JOIN_URL)}>
        <Text className='jf-medm-entry-title'>输入邀请码</Text>
        <Text className='jf-medm-entry-text'>收到对方的调解邀请</Text>
      </View>
    </View>
  )

  return (
    <View className='jf-page jf-medm' id='jf-med-mine'>
      {entries}

      {phase === 'loading' && <View className='jf-center'>正在加载…</View>}

      {phase === 'error' && (
        <View className='jf-center' id='jf-med-mine-error'>
          <Text>{error}</Text>
          <View className='jf-medm-retry'>
            <Button size='small' onClick={() => void refresh()}>
              重试
            </Button>
          </View>
        </View>
      )}

      {phase === 'ready' && !cases.length && (
        <View className='jf-medm-empty' id='jf-med-mine-empty'>
          <Empty title='还没有调解' description='遇到纠纷，可以申请街道免费的人民调解' />
          <View className='jf-medm-empty-action'>
            <Button id='jf-med-empty-apply' type='primary' onClick={() => go(APPLY_URL)}>
              申请调解
            </Button>
          </View>
        </View>
      )}

      {phase === 'ready' && cases.length > 0 && (
        <>
          <Text className='jf-medm-section'>我的调解</Text>
          <View id='jf-med-list'>
            {cases.map((c) => {
              const dl = deadlineInfo(c.deadline, c.status, now, c.overdue)
              return (
                <View
                  key={c.id}
                  className='jf-card jf-med-row'
                  data-case-id={c.id}
                  data-status={c.status}
                  onClick={() => go(`/pages/mediation/detail/index?id=${encodeURIComponent(c.id)}`)}
                >
                  <View className='jf-medm-row-head'>
                    <Text className='jf-medm-row-type'>
                      {c.disputeTypeLabel}
                      {c.myRole && ROLE_LABEL[c.myRole] ? <Text className='jf-medm-role'> · {ROLE_LABEL[c.myRole]}</Text> : null}
                    </Text>
                    <MediationStatusTag status={c.status} label={c.statusLabel} />
                  </View>
                  <Text className='jf-medm-row-title'>{c.title}</Text>
                  <View className='jf-medm-row-foot'>
                    <Text className='jf-muted'>
                      {c.committeeName ?? '待受理'}
                      {c.mediatorName ? ` · 调解员 ${c.mediatorName}` : ''}
                    </Text>
                    {dl ? (
                      <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>
                    ) : (
                      <Text className='jf-muted'>{formatInstant(c.createdAt)}</Text>
                    )}
                  </View>
                </View>
              )
            })}
          </View>
          <View className='jf-medm-more'>
            {next ? (
              <Button id='jf-med-more' size='small' fill='none' loading={loadingMore} onClick={() => void loadMore()}>
                加载更多
              </Button>
            ) : (
              <Text className='jf-muted'>没有更多了</Text>
            )}
          </View>
        </>
      )}
    </View>
  )
}
