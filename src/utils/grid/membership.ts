/** A resident's membership of the grid group, the group QR, and the 找网格员 question. */
import type { BoardView } from '../../contracts/api'
import { BUILDING_MAX, QUESTION_MAX, QUESTION_MIN } from '../../contracts/limits'
import { formatFull } from '../../core/time'

export type MembershipKey = 'none' | 'requested' | 'joined' | 'refused' | 'left'

export function membershipKey(board: Pick<BoardView, 'membership'>): MembershipKey {
  return board.membership?.status ?? 'none'
}

/** Who may ask to join again: nobody asked yet, or they left, or they were refused (e.g. wrong building). */
export function canApply(key: MembershipKey): boolean {
  return key === 'none' || key === 'left' || key === 'refused'
}

export interface QrDisplay {
  kind: 'show' | 'missing'
  /** 有效期至…, or why there is none. */
  text: string
  /** Less than a day left: worth a warning, a screenshot will stop working soon. */
  expiring: boolean
}

/** What the joined member sees in place of the group QR; null for anyone not admitted. */
export function qrDisplay(board: Pick<BoardView, 'qr' | 'qrStatus' | 'membership'>): QrDisplay | null {
  if (board.membership?.status !== 'joined') return null
  if (board.qr && (board.qrStatus === 'valid' || board.qrStatus === 'expiring')) {
    return { kind: 'show', text: `有效期至 ${formatFull(board.qr.expiresAt)}`, expiring: board.qrStatus === 'expiring' }
  }
  if (board.qrStatus === 'none') return { kind: 'missing', text: '暂无群二维码，请联系网格员更新', expiring: false }
  return { kind: 'missing', text: '群二维码已过期，请联系网格员更新', expiring: false }
}

export { BUILDING_MAX, QUESTION_MAX, QUESTION_MIN }

export function cleanBuilding(raw: string): string | undefined {
  const s = raw.replace(/\s+/g, ' ').trim().slice(0, BUILDING_MAX)
  return s || undefined
}

/** The 找网格员 question: an empty or two-word message is not worth a case in the worker's queue. */
export function validateQuestion(raw: string): string {
  const n = Array.from(raw.trim()).length
  if (!n) return '请填写您想咨询的问题'
  if (n < QUESTION_MIN) return `请至少写 ${QUESTION_MIN} 个字，说清楚您的问题`
  if (n > QUESTION_MAX) return `最多 ${QUESTION_MAX} 个字`
  return ''
}
