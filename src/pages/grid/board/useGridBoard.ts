import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import { codeFromQuery } from '../../../utils/grid/links'
import { cleanBuilding, QUESTION_MAX, validateQuestion } from '../../../utils/grid/membership'
import type { AnnouncementView, BoardView } from '../../../contracts/api'
import { randomId } from '../../../utils/id'
import { useVoiceNote } from '../../../components/VoiceNote/useVoiceNote'

type Phase = 'loading' | 'ready' | 'error'

const failText = (r: { code: string; message: string }) => r.message

/** A grid board page's state: the board and its announcements, joining or leaving the group, and 找网格员. */
export function useGridBoard() {
  const { params } = useRouter()
  const code = codeFromQuery(params)
  const [board, setBoard] = useState<BoardView | null>(null)
  const [anns, setAnns] = useState<AnnouncementView[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>('loading')
  const [loadError, setLoadError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [loadRetryable, setLoadRetryable] = useState(false)

  const [building, setBuilding] = useState('')
  const [joining, setJoining] = useState(false)
  const [leaving, setLeaving] = useState(false)
  const [memberError, setMemberError] = useState('')

  const [asking, setAsking] = useState(false)
  const [question, setQuestion] = useState('')
  const [questionError, setQuestionError] = useState('')
  const [sending, setSending] = useState(false)
  const [sentCaseId, setSentCaseId] = useState<string | null>(null)
  // 按住说话 instead of typing: the note is the question, words then optional.
  const voice = useVoiceNote()
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
      setLoadRetryable(r.retryable === true)
      setPhase('error')
    }
    // `board` only decides between a toast and the error screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, board !== null])

  useEffect(() => {
    void load()
    void preloadTemplates()
    // Only when the code changes; refreshes are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const join = async () => {
    if (!code || joining) return
    // At the tap, while WeChat still shows the dialog: the grid's emergencies by WeChat.
    await askSubscribeConsent(['gridEmergency'])
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
    const err = voice.uploading
      ? '语音正在上传，请稍候'
      : voice.voice.phase === 'failed'
        ? '语音上传失败，请删除后重新录制'
        : voice.fileId
          ? Array.from(question.trim()).length > QUESTION_MAX
            ? `最多 ${QUESTION_MAX} 个字`
            : ''
          : validateQuestion(question)
    setQuestionError(err)
    if (err) return
    setSending(true)
    const r = await api.call('grid.ask', { code, idempotencyKey: askKey.current, question: question.trim(), ...(voice.fileId ? { voiceFileId: voice.fileId } : {}) })
    setSending(false)
    if (!r.ok) {
      const field = r.details?.question ?? r.details?.voiceFileId
      setQuestionError(typeof field === 'string' ? field : failText(r))
      return
    }
    setSentCaseId(r.caseId)
    setQuestion('')
    voice.drop()
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
  return { code, board, anns, openId, phase, loadError, loadRetryable, building, setBuilding, joining, leaving, memberError, setMemberError, asking, setAsking, question, setQuestion, questionError, setQuestionError, voice: voice.props, sending, sentCaseId, setSentCaseId, load, join, leave, send, toggleAnn, previewQr }
}

export type GridBoardState = ReturnType<typeof useGridBoard>
