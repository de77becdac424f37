import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import GridWorkBoardEditor from '../../../components/GridWorkBoardEditor'
import GridWorkQr from '../../../components/GridWorkQr'
import BoardCode from './BoardCode'
import NoticesTab from './NoticesTab'
import RequestsTab from './RequestsTab'
import ListState from './ListState'
import { useGridManage, type Tab } from './useGridManage'
import { OVERVIEW_URL } from '../../../utils/gridwork/links'
import { a11y } from '../../../utils/a11y'
import '../../../components/GridWorkKit/kit.css'
import '../../../components/TabStrip/tabs.css'
import './index.css'
import LoadState from '../../../components/LoadState'

const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'board', label: '公示牌' },
  { key: 'requests', label: '入群申请' },
  { key: 'members', label: '成员' },
  { key: 'notices', label: '公告' },
]

/** 网格服务群 for the grid's workers (and the street): the public board, the group QR, join requests, members, announcements. */
export default function GridManage() {
  const s = useGridManage()
  const { session, code, street, board, setBoard, boardError, boardRetryable, tab, requests, members, loadBoard, loadMembers, pick } = s
  if (session.status !== 'ready') return <LoadState error={session.status === 'error' ? session.message : session.status === 'loading' ? '' : '请先登录'} errorId='jf-gw-manage-error' />
  if (!code)
    return (
      <View className='jf-page jf-center' id='jf-gw-manage-error'>
        <Text>{street ? '请从网格服务群总览中选择要管理的网格' : '只有网格员和街道综治中心可以管理网格服务群'}</Text>
        {street && (
          <View className='jf-list-retry'>
            <Button size='small' type='primary' fill='outline' onClick={() => void Taro.redirectTo({ url: OVERVIEW_URL })}>
              打开网格总览
            </Button>
          </View>
        )}
      </View>
    )
  if (!board) return <LoadState error={boardError} errorId='jf-gw-manage-error' loadingText='正在加载网格信息…' onRetry={() => void loadBoard()} retryable={boardRetryable} />
  if (!board.canManage)
    return (
      <View className='jf-page jf-center' id='jf-gw-manage-error'>
        <Text>您不是{board.grid.name}的网格工作人员，无法管理该网格服务群</Text>
      </View>
    )

  const pending = requests.phase === 'ready' ? requests.items.length : 0

  return (
    <View className='jf-page jf-gw-manage' id='jf-gw-manage' data-code={board.grid.code}>
      <View className='jf-gw-head'>
        <Text className='jf-gw-head-title' id='jf-gw-grid-name'>
          {board.grid.name}
        </Text>
        <Text className='jf-gw-head-sub'>
          {board.grid.path ? `${board.grid.path} · ` : ''}已入群 {board.members} 人 · {board.joinPolicy === 'open' ? '开放加入' : '需审核'}
        </Text>
      </View>

      <View className='jf-tabs jf-gw-tabs jf-gw-manage-tabs' id='jf-gw-tabs' {...a11y('tablist')}>
        {TABS.map((t) => (
          <View key={t.key} id={`jf-gw-tab-${t.key}`} className={`jf-tab jf-gw-tab ${tab === t.key ? 'is-active' : ''}`} data-tab={t.key} {...a11y('tab', { selected: tab === t.key })} onClick={() => pick(t.key)}>
            <Text>{t.label}</Text>
            {t.key === 'requests' && pending > 0 && (
              <Text className='jf-gw-badge' id='jf-gw-pending-count'>
                {pending > 99 ? '99+' : pending}
              </Text>
            )}
          </View>
        ))}
      </View>

      {tab === 'board' && (
        <>
          <GridWorkQr board={board} onChanged={setBoard} />
          <BoardCode code={board.grid.code} />
          <GridWorkBoardEditor key={board.grid.code} board={board} onSaved={setBoard} />
        </>
      )}

      {tab === 'requests' && (
        <RequestsTab s={s} />
      )}

      {tab === 'members' && (
        <ListState state={members} empty='还没有居民入群。可打印网格公示牌二维码张贴在楼栋，居民扫码即可申请入群' onRetry={() => void loadMembers('joined')}>
          {(items) => (
            <View className='jf-card' id='jf-gw-members'>
              <Text className='jf-section-title'>已入群 {items.length} 人</Text>
              {items.map((m) => (
                <View key={m.userId} className='jf-row jf-gw-row jf-gw-member' data-user-id={m.userId}>
                  <Text className='jf-grow jf-gw-row-title jf-gw-row-main'>{m.name}</Text>
                  <Text className='jf-muted'>{m.building || '未填写楼栋'}</Text>
                </View>
              ))}
            </View>
          )}
        </ListState>
      )}

      {tab === 'notices' && (
        <NoticesTab s={s} board={board} />
      )}
    </View>
  )
}
