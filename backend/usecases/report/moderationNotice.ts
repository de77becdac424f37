import type { Case } from '../../../src/core/case'
import type { ModerationAction, ReportPayload } from '../../../src/core/kinds/report'
import { formatFull } from '../../../src/core/time'
import { categoryName } from '../../config/district'
import type { OutboxMessage } from '../../ports'
import type { Deps } from '../../deps'
import { caseRef } from '../inbox/caseName'
import { forTheLiving } from '../inbox/living'

/** What the reporter is told, per moderation row that takes something away from the public. */
export const MODERATION_WORDS: Record<ModerationAction, { title: string; what: string } | null> = {
  // Publishing (and undoing a hide) gives back; nobody is told.
  publish_description: null,
  publish_photo: null,
  unhide_report: null,
  photo_check_pass: null,
  photo_check_review: null,
  hide_description: { title: '您上报的内容已隐藏', what: '问题描述已对公众隐藏' },
  redact_description: { title: '您上报的描述已编辑', what: '问题描述对公众显示的文字已由工作人员编辑（您的原文仍完整保留）' },
  hide_photo: { title: '您上报的照片已隐藏', what: '一张照片已对公众隐藏' },
  hide_report: { title: '您上报的事项已不对外公开', what: '整个事项已对公众隐藏' },
  photo_check_risky: { title: '您上报的照片已隐藏', what: '一张照片未通过微信内容安全检测，已对公众隐藏' },
}

/**
 * The inbox notice for a moderation row: only to the reporter, only when content was hidden or
 * edited, naming the case by category and date and giving the reason; publishing tells nobody.
 * Followers never hear of moderation. Ids are deterministic, so a redelivery writes nothing new.
 */
export async function deliverModerationNotice(d: Deps, c: Case, eventId: string, msg: OutboxMessage): Promise<void> {
  const e = (await d.store.timeline(c.id)).find((x) => x.id === eventId)
  const notice = e ? MODERATION_WORDS[e.action as ModerationAction] : undefined
  if (!e || !notice || e.actorId === c.creatorId) return
  const p = c.payload as unknown as ReportPayload
  const day = formatFull(c.createdAt).split(' ')[0]
  const filed = p.proxy ? '代办上报' : '上报'
  const reason = e.note ? `原因：${e.note}。` : ''
  const body = `您于${day}${filed}的${caseRef(c, '事项', categoryName(d.config, c.category))}，${notice.what}。${reason}事项的办理不受影响，可在事项详情中查看进展。`
  await d.store.addInbox(await forTheLiving(d, [{ id: `${msg.id}-${c.creatorId}`, userId: c.creatorId, caseId: c.id, page: `pages/report/detail/index?id=${c.id}`, title: notice.title, body, createdAt: msg.createdAt, readAt: null }]))
}
