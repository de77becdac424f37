import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import GridAnnouncement from '../../../components/GridAnnouncement'
import GridBoardCard from '../../../components/GridBoardCard'
import { NEWS_URL } from '../../../utils/grid/emergency'
import { FIND_URL } from '../../../utils/grid/links'
import { membershipKey } from '../../../utils/grid/membership'
import { boardShare } from '../../../utils/share'
import AskCard from './AskCard'
import BoardMap from './BoardMap'
import MembershipCard from './MembershipCard'
import { useGridBoard } from './useGridBoard'
import { a11y } from '../../../utils/a11y'
import './index.css'
import LoadState from '../../../components/LoadState'

/**
 * One grid's 公示牌 (?code=, also scene=/q= from a street-board QR): the board itself, joining the
 * grid's WeChat group, and 找网格员.
 */
export default function GridBoard() {
  const s = useGridBoard()
  const { code, board, anns, openId, phase, loadError, loadRetryable, load, toggleAnn } = s
  useShareAppMessage(() => boardShare(board))
  if (!code)
    return (
      <View className='jf-page jf-center' id='jf-grid-board-missing'>
        <Text>没有指定网格</Text>
        <View className='jf-list-retry'>
          <Button size='small' onClick={() => void Taro.redirectTo({ url: FIND_URL })}>
            找我的网格
          </Button>
        </View>
      </View>
    )

  if (phase === 'loading' || phase === 'error' || !board)
    return <LoadState error={phase === 'loading' ? '' : loadError} errorId='jf-grid-board-error' loadingText='正在加载网格公示牌…' onRetry={() => void load()} retryable={loadRetryable} />

  const status = membershipKey(board)
  return (
    <View className='jf-page jf-gboard'>
      <GridBoardCard
        board={board}
        afterHead={<MembershipCard s={s} board={board} />}
        shapeView={process.env.TARO_ENV === 'weapp' ? <BoardMap polygon={board.polygon} /> : undefined}
      />

      {board.canManage && (
        <View className='jf-card jf-gboard-manage' id='jf-grid-manage' {...a11y('link')} onClick={() => void Taro.navigateTo({ url: `/pages/grid-staff/manage/index?code=${encodeURIComponent(board.grid.code)}` })}>
          <Text>您是本网格的工作人员</Text>
          <Text className='jf-gboard-more'>管理公示牌和入群申请 ›</Text>
        </View>
      )}

      <AskCard s={s} />

      <View className='jf-card jf-gboard-anns' id='jf-grid-anns'>
        <View className='jf-row-between jf-gboard-anns-head'>
          <Text className='jf-section-title'>最新公告</Text>
          {status === 'joined' && (
            <Text className='jf-gboard-more' id='jf-grid-news' {...a11y('link', { label: '全部公告' })} onClick={() => void Taro.navigateTo({ url: NEWS_URL })}>
              全部公告 ›
            </Text>
          )}
        </View>
        {!anns.length && <Text className='jf-gboard-note jf-muted'>暂无公告，网格员发布后会显示在这里</Text>}
        {anns.map((a) => (
          <GridAnnouncement key={a.id} ann={a} expanded={openId === a.id} onToggle={(x) => void toggleAnn(x)} />
        ))}
      </View>
    </View>
  )
}
