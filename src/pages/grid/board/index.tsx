import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import GridAnnouncement from '../../../components/GridAnnouncement'
import GridBoardCard from '../../../components/GridBoardCard'
import { NEWS_URL } from '../../../utils/grid/emergency'
import { FIND_URL, codeFromQuery } from '../../../utils/grid/links'
import { BUILDING_MAX, QUESTION_MAX, canApply, cleanBuilding, membershipKey, qrDisplay, validateQuestion } from '../../../utils/grid/membership'
import type { AnnouncementView, BoardView } from '../../../contracts/api'
import { randomId } from '../../../utils/id'
import './index.css'

type Phase = 'loading' | 'ready' | 'error'

const failText = (r: { code: string; message: string }) => (r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)

const STATUS_NOTE: Record<string, string> = {
  requested: '已提交入群申请，网格员审核通过后即可看到群二维码',
  refused: '网格员未通过您的入群申请，如有疑问可以找网格员咨询，或核对楼栋房号后重新申请',
  left: '您已退出本网格服务群，可以重新申请加入',
}

/**
 * One grid's 公示牌 (?code=, also scene=/q= from a street-board QR): the board itself, joining the
 * grid's WeChat group, and 找网格员.
 */
export default function GridBoard() {
  const { params } = useRouter()
  const code = codeFromQuery(params)
  const [board, setBoard] = useState<BoardView | null>(null)
  const [anns, setAnns] = useState<AnnouncementView[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('loading')
  const [loadError, setLoadError] = useState('')

  const [building, setBuilding] = useState('')
  const [joining, setJoining] = useState(false)
  const [leaving, setLeaving] = useState(false)
  const [memberError, setMemberError] = useState('')

  const [asking, setAsking] = useState(false)
  const [question, setQuestion] = useState('')
  const [questionError, setQuestionError] = useState('')
  const [sending, setSending] = useState(false)
  const [sentCaseId, setSentCaseId] = useState<string | null>(null)
  // One key per question draft: a retry after a lost answer must not file the question twice.
  const askKey = useRef(randomId())

  const load = useCallback(async () => {
    if (!code) return
    const r = await api.call('grid.board', { code })
    if (r.ok) {
      setBoard(r.board)
      setAnns(r.announcements)
      setPhase('ready')
      Taro.setNavigationBarTitle({ title: r.board.grid.name }).catch(() => undefined)
    } else if (board) void Taro.showToast({ title: failText(r), icon: 'none' })
    else {
      setLoadError(failText(r))
      setPhase('error')
    }
    // `board` only decides between a toast and the error screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, board !== null])

  useEffect(() => {
    void load()
    // Only when the code changes; refreshes are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const join = async () => {
    if (!code || joining) return
    setJoining(true)
    setMemberError('')
    const r = await api.call('grid.join', { code, building: cleanBuilding(building) })
    setJoining(false)
    if (!r.ok) {
      setMemberError(failText(r))
      return
    }
    setBoard(r.board)
    const s = r.board.membership?.status
    void Taro.showToast({ title: s === 'joined' ? '已加入网格服务群' : '已提交申请，请等待审核', icon: 'none' })
  }

  const leave = async () => {
    if (!code || leaving || !board) return
    const m = await Taro.showModal({
      title: '退出网格服务群',
      content: `退出后将不再收到${board.grid.name}的公告，也看不到群二维码。确定退出吗？`,
      confirmText: '退出',
      confirmColor: '#fa2c19',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!m.confirm) return
    setLeaving(true)
    setMemberError('')
    const r = await api.call('grid.leave', { code })
    setLeaving(false)
    if (!r.ok) {
      setMemberError(failText(r))
      return
    }
    setBoard(r.board)
    void Taro.showToast({ title: '已退出', icon: 'none' })
  }

  const send = async () => {
    if (!code || sending) return
    const err = validateQuestion(question)
    setQuestionError(err)
    if (err) return
    setSending(true)
    const r = await api.call('grid.ask', { code, idempotencyKey: askKey.current, question: question.trim() })
    setSending(false)
    if (!r.ok) {
      const field = r.details?.question
      setQuestionError(typeof field === 'string' ? field : failText(r))
      return
    }
    setSentCaseId(r.caseId)
    setQuestion('')
    askKey.current = randomId()
  }

  const toggleAnn = async (a: AnnouncementView) => {
    setOpenId((id) => (id === a.id ? null : a.id))
    if (a.read) return
    setAnns((list) => list.map((x) => (x.id === a.id ? { ...x, read: true } : x)))
    const r = await api.call('grid.markRead', { id: a.id })
    // Not a member (a board opened from a QR): the server keeps no receipt; show it unread again.
    if (!r.ok) setAnns((list) => list.map((x) => (x.id === a.id ? { ...x, read: false } : x)))
  }

  const previewQr = (url: string) => void Taro.previewImage({ urls: [url], current: url }).catch(() => undefined)

  if (!code)
    return (
      <View className='jf-page jf-center' id='jf-grid-board-missing'>
        <Text>没有指定网格</Text>
        <View className='jf-gboard-retry'>
          <Button size='small' onClick={() => void Taro.redirectTo({ url: FIND_URL })}>
            找我的网格
          </Button>
        </View>
      </View>
    )

  if (phase === 'loading') return <View className='jf-page jf-center'>正在加载网格公示牌…</View>

  if (phase === 'error' || !board)
    return (
      <View className='jf-page jf-center' id='jf-grid-board-error'>
        <Text>{loadError}</Text>
        <View className='jf-gboard-retry'>
          <Button size='small' onClick={() => void load()}>
            重试
          </Button>
        </View>
      </View>
    )

  const status = membershipKey(board)
  const qr = qrDisplay(board)

  const membership = (
        <View className='jf-card jf-gboard-member' id='jf-grid-membership' data-status={status} data-policy={board.joinPolicy}>
          <View className='jf-gboard-member-head'>
            <Text className='jf-section-title'>网格服务群</Text>
            {board.membership && (
              <Text className={`jf-gboard-status jf-gboard-status-${status}`} id='jf-grid-status'>
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
            <Text className='jf-gboard-qr-missing' id='jf-grid-qr-missing' data-qr-status={board.qrStatus}>
              {qr.text}
            </Text>
          )}

          {canApply(status) && (
            <View className='jf-gboard-apply'>
              <View className='jf-gboard-input' id='jf-grid-building'>
                <Input
                  value={building}
                  onChange={(v) => {
                    setBuilding(v)
                    if (memberError) setMemberError('')
                  }}
                  placeholder='楼栋房号（选填），如 云景花园 3 栋 502'
                  maxLength={BUILDING_MAX}
                />
              </View>
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

  return (
    <View className='jf-page jf-gboard'>
      <GridBoardCard board={board} afterHead={membership} />

      {board.canManage && (
        <View className='jf-card jf-gboard-manage' id='jf-grid-manage' onClick={() => void Taro.navigateTo({ url: `/pages/gridwork/manage/index?code=${encodeURIComponent(board.grid.code)}` })}>
          <Text>您是本网格的工作人员</Text>
          <Text className='jf-gboard-more'>管理公示牌和入群申请 ›</Text>
        </View>
      )}

      <View className='jf-card jf-gboard-ask' id='jf-grid-ask-card'>
        <Text className='jf-section-title'>找网格员</Text>
        {sentCaseId ? (
          <View className='jf-gboard-sent' id='jf-grid-ask-sent' data-case-id={sentCaseId}>
            <Text className='jf-gboard-sent-text'>已发送，可在「我的事项」查看答复</Text>
            <View className='jf-gboard-sent-actions'>
              <Button
                id='jf-grid-ask-case'
                size='small'
                type='primary'
                fill='outline'
                onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${encodeURIComponent(sentCaseId)}` })}
              >
                查看事项
              </Button>
              <Button
                size='small'
                fill='none'
                onClick={() => {
                  setSentCaseId(null)
                  setAsking(true)
                }}
              >
                再问一个
              </Button>
            </View>
          </View>
        ) : !asking ? (
          <View className='jf-gboard-ask-intro'>
            <Text className='jf-gboard-note'>有事想问网格员？留言后网格员会在「我的事项」里答复您。</Text>
            <View className='jf-gboard-ask-open'>
              <Button id='jf-grid-ask' block onClick={() => setAsking(true)}>
                找网格员
              </Button>
            </View>
          </View>
        ) : (
          <View className='jf-gboard-ask-form'>
            <View className='jf-gboard-textarea' id='jf-grid-question'>
              <TextArea
                value={question}
                onChange={(v) => {
                  setQuestion(v)
                  if (questionError) setQuestionError('')
                }}
                placeholder='请写下您想咨询的问题，如：小区加装电梯需要准备哪些材料？'
                maxLength={QUESTION_MAX}
                rows={4}
                autoSize
              />
            </View>
            <Text className='jf-gboard-counter'>
              {Array.from(question).length}/{QUESTION_MAX}
            </Text>
            <FieldError field='question' message={questionError} />
            <View className='jf-gboard-ask-actions'>
              <Button size='small' fill='none' onClick={() => setAsking(false)}>
                取消
              </Button>
              <Button id='jf-grid-ask-submit' type='primary' size='small' loading={sending} onClick={() => void send()}>
                发送给网格员
              </Button>
            </View>
          </View>
        )}
      </View>

      <View className='jf-card jf-gboard-anns' id='jf-grid-anns'>
        <View className='jf-gboard-anns-head'>
          <Text className='jf-section-title'>最新公告</Text>
          {status === 'joined' && (
            <Text className='jf-gboard-more' id='jf-grid-news' onClick={() => void Taro.navigateTo({ url: NEWS_URL })}>
              全部公告 ›
            </Text>
          )}
        </View>
        {!anns.length && <Text className='jf-gboard-note jf-muted'>暂无公告</Text>}
        {anns.map((a) => (
          <GridAnnouncement key={a.id} ann={a} expanded={openId === a.id} onToggle={(x) => void toggleAnn(x)} />
        ))}
      </View>
    </View>
  )
}
