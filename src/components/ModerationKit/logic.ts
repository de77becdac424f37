/**
 * 内容审核 rules the pages share (the street's desk on H5, the staff page in the mini-program): which
 * decisions each piece offers in its state, what a decision sends, and the checks before sending.
 * Pure, so jest tests it directly (test/app/moderation-logic.test.ts).
 */
import type { ModerateInput, ModerationItemView, ModerationPhotoView, ModerationView } from '../../contracts/api'
import { CASE_NOTE_MAX as REDACT_MAX, REASON_MAX } from '../../contracts/limits'
import { PHOTO_HIDE_REASONS } from '../../core/kinds/reportTerms'

export type DescriptionMove = 'publish' | 'hide' | 'redact'
export type PhotoMove = 'publish' | 'hide' | 'face'

/** The one-tap hide for a photo showing a face or a number plate: the reason it records. */
export const FACE_OR_PLATE_REASON = '人脸或车牌'
export const PHOTO_REASONS: readonly string[] = PHOTO_HIDE_REASONS

export { REASON_MAX, REDACT_MAX }

/** What the description offers now: nothing that would leave it where it is. */
export function descriptionMoves(state: ModerationItemView['description']['state']): DescriptionMove[] {
  switch (state) {
    case 'pending':
      return ['publish', 'hide', 'redact']
    case 'published':
      return ['hide', 'redact']
    case 'hidden':
      return ['publish', 'redact']
    case 'edited':
      return ['publish', 'hide', 'redact']
  }
}

export const DESCRIPTION_MOVE_LABELS: Record<DescriptionMove, string> = { publish: '公开', hide: '隐藏', redact: '编辑后公开' }

/** Label of the description's 公开 once it was edited: it publishes the original text. */
export function descriptionMoveLabel(move: DescriptionMove, state: ModerationItemView['description']['state']): string {
  if (state === 'edited' && move === 'publish') return '公开原文'
  if (state === 'edited' && move === 'redact') return '重新编辑'
  return DESCRIPTION_MOVE_LABELS[move]
}

/** A photo under a content-security check cannot be published twice, but can always be hidden. */
export function photoMoves(p: Pick<ModerationPhotoView, 'state' | 'checking'>): PhotoMove[] {
  if (p.state === 'hidden') return ['publish']
  if (p.state === 'published' || p.checking) return ['hide', 'face']
  return ['publish', 'hide', 'face']
}

export const PHOTO_MOVE_LABELS: Record<PhotoMove, string> = { publish: '公开', hide: '隐藏', face: '遮挡人脸或车牌' }

/** 待审核 / 已公开 / 已隐藏, or 检测中 while WeChat's image check runs. */
export function photoStateText(p: Pick<ModerationPhotoView, 'stateLabel' | 'checking'>): string {
  return p.checking ? '内容安全检测中' : p.stateLabel
}

/** How much of the item still waits: the queue's one-line summary. */
export function pendingSummary(item: Pick<ModerationItemView, 'description' | 'photos' | 'hidden'>): string {
  if (item.hidden) return '已对公众隐藏'
  const parts: string[] = []
  if (item.description.state === 'pending') parts.push('描述待审核')
  const waiting = item.photos.filter((p) => p.state === 'pending' && !p.checking).length
  const checking = item.photos.filter((p) => p.checking).length
  if (waiting) parts.push(`${waiting} 张照片待审核`)
  if (checking) parts.push(`${checking} 张照片检测中`)
  return parts.length ? parts.join(' · ') : '已全部审核'
}

export type ModerationErrors = Partial<Record<'text' | 'reason', string>>

/** Hiding and redacting say why (it goes to the timeline, the audit and the reporter); a redaction also needs its new text. */
export function validateDecision(kind: 'redact' | 'hide', form: { text?: string; reason: string }, original = ''): ModerationErrors {
  const e: ModerationErrors = {}
  const reason = form.reason.trim()
  if (!reason) e.reason = kind === 'redact' ? '请填写编辑原因' : '请填写隐藏原因'
  else if (Array.from(reason).length > REASON_MAX) e.reason = `原因最多 ${REASON_MAX} 个字`
  if (kind === 'redact') {
    const text = (form.text ?? '').trim()
    if (!text) e.text = '请填写公开的描述'
    else if (Array.from(text).length > REDACT_MAX) e.text = `描述最多 ${REDACT_MAX} 个字`
    else if (text === original.trim()) e.text = '与原文相同，请删去不宜公开的内容，或直接公开'
  }
  return e
}

type Ref = { id: string; version: number }

export function describeInput(ref: Ref, move: DescriptionMove, form: { text?: string; reason?: string } = {}): ModerateInput {
  const input: ModerateInput = { id: ref.id, version: ref.version, target: 'description', decision: move }
  if (move === 'redact') input.text = (form.text ?? '').trim()
  if (form.reason?.trim()) input.reason = form.reason.trim()
  return input
}

export function photoInput(ref: Ref, fileId: string, move: PhotoMove, reason = ''): ModerateInput {
  const input: ModerateInput = { id: ref.id, version: ref.version, target: 'photo', fileId, decision: move === 'publish' ? 'publish' : 'hide' }
  const why = move === 'face' ? FACE_OR_PLATE_REASON : reason.trim()
  if (why) input.reason = why
  return input
}

export function reportInput(ref: Ref, hide: boolean, reason = ''): ModerateInput {
  const input: ModerateInput = { id: ref.id, version: ref.version, target: 'report', decision: hide ? 'hide' : 'unhide' }
  if (hide && reason.trim()) input.reason = reason.trim()
  return input
}

/** The server's `details` keys onto the sheet's two fields. */
export function moderationFieldOf(key: string): 'text' | 'reason' | null {
  if (key === 'text') return 'text'
  if (key === 'reason' || key === 'note') return 'reason'
  return null
}

/** Replaces an item with the server's answer, keeping its place in the list. */
export function replaceItem<T extends ModerationItemView>(list: T[], item: T): T[] {
  return list.map((x) => (x.case.id === item.case.id ? item : x))
}

/** Appends a page, dropping items already shown (a decision may shift the cursor). */
export function appendItems<T extends ModerationItemView>(list: T[], page: T[]): T[] {
  const seen = new Set(list.map((x) => x.case.id))
  return [...list, ...page.filter((x) => !seen.has(x.case.id))]
}

/** The staff case page's one line on what the public sees of it (CaseView.moderation). */
export function publicStateText(m: ModerationView | undefined): string {
  if (!m) return ''
  if (m.hidden) return '已对公众隐藏'
  const parts = [`描述${m.descriptionLabel}`]
  const counts = new Map<string, number>()
  for (const p of m.photos) counts.set(p.stateLabel, (counts.get(p.stateLabel) ?? 0) + 1)
  for (const [label, n] of counts) parts.push(`${n} 张照片${label}`)
  return parts.join(' · ')
}

/** Something of the case still waits for a decision in 内容审核. */
export function hasPending(m: ModerationView | undefined): boolean {
  return !!m && !m.hidden && (m.description === 'pending' || m.photos.some((p) => p.state === 'pending'))
}
