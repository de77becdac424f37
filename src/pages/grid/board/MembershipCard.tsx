import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import type { BoardView } from '../../../contracts/api'
import { BUILDING_MAX, canApply, membershipKey, qrDisplay } from '../../../utils/grid/membership'
import type { GridBoardState } from './useGridBoard'
import TextBox, { editing } from '../../../components/TextBox'
import { a11y } from '../../../utils/a11y'

// The membership's tag in the colour of whom it waits on.
const STATUS_TINT: Record<string, string> = { requested: 'jf-tint-warning', joined: 'jf-tint-success', refused: 'jf-tint-danger' }

const STATUS_NOTE: Record<string, string> = {
  requested: '已提交入群申请，网格员审核通过后即可看到群二维码',
  refused: '网格员未通过您的入群申请，如有疑问可以找网格员咨询，或核对楼栋房号后重新申请',
  left: '您已退出本网格服务群，可以重新申请加入',
}

/** The grid's WeChat group for this resident: status, the group QR when joined, applying and leaving. */
export default function MembershipCard({ s, board }: { s: GridBoardState; board: BoardView }) {
  const { building, setBuilding, joining, leaving, memberError, setMemberError, join, leave, previewQr } = s
  const status = membershipKey(board)
  const qr = qrDisplay(board)
  return (
    <View className='jf-card jf-gboard-member' id='jf-grid-membership' data-status={status} data-policy={board.joinPolicy}>
      <View className='jf-row-between jf-gboard-member-head'>
        <Text className='jf-section-title'>网格服务群</Text>
        {board.membership && (
          <Text className={`jf-gboard-status jf-gboard-status-${status} ${STATUS_TINT[status] ?? 'jf-tint-neutral'}`} id='jf-grid-status'>
            {board.membership.statusLabel}
          </Text>
        )}
      </View>

      {status === 'none' && (
        <Text className='jf-gboard-note'>
          {board.joinPolicy === 'open'
            ? '加入后可以查看群二维码、收到网格公告。'
            : '提交申请后由网格员核对住址，通过后可以查看群二维码、收到网格公告。'}
        </Text>
      )}
      {STATUS_NOTE[status] && <Text className='jf-gboard-note'>{STATUS_NOTE[status]}</Text>}
      {board.membership?.building && status !== 'left' && (
        <Text className='jf-gboard-note jf-muted'>登记住址：{board.membership.building}</Text>
      )}

      {qr?.kind === 'show' && board.qr && (
        <View className='jf-gboard-qr' id='jf-grid-qr' data-qr-status={board.qrStatus}>
          <Image
            className='jf-gboard-qr-img'
            src={board.qr.url}
            mode='aspectFit'
            showMenuByLongpress
            {...a11y('button', { label: '查看入群二维码大图' })}
            onClick={() => previewQr(board.qr!.url)}
          />
          <Text className='jf-gboard-qr-hint'>{process.env.TARO_ENV === 'weapp' ? '长按识别二维码入群' : '请用微信扫描二维码入群'}</Text>
          <Text className={`jf-gboard-qr-expiry ${qr.expiring ? 'is-expiring' : ''}`} id='jf-grid-qr-expiry'>
            {qr.text}
            {qr.expiring ? '（即将过期）' : ''}
          </Text>
        </View>
      )}
      {qr?.kind === 'missing' && (
        <Text className='jf-note is-warning jf-gboard-qr-missing' id='jf-grid-qr-missing' data-qr-status={board.qrStatus}>
          {qr.text}
        </Text>
      )}

      {canApply(status) && (
        <View className='jf-gboard-apply'>
          <TextBox id='jf-grid-building' className='jf-gboard-input' value={building} onChange={editing(setBuilding, memberError, setMemberError)} placeholder='楼栋房号（选填），如 云景花园 3 栋 502' maxLength={BUILDING_MAX} />
          <Button id='jf-grid-join' type='primary' block loading={joining} onClick={() => void join()}>
            {status === 'none' ? '申请入群' : '重新申请入群'}
          </Button>
        </View>
      )}

      {status === 'joined' && (
        <View className='jf-gboard-leave'>
          <Button id='jf-grid-leave' size='small' fill='none' loading={leaving} onClick={() => void leave()}>
            退出网格服务群
          </Button>
        </View>
      )}
      <FieldError field='membership' message={memberError} />
    </View>
  )
}
