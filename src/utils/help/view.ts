/**
 * Words and small reckonings the 一键求助 pages share (person, helpers, the street's desk). Pure, no
 * Taro, so the tests and every page read the same lines.
 */
import type { HelpStatus } from '../../core/kinds/helpTerms'

/** On whom the request waits, in the reader's terms; '' once closed. */
export function helpWaiting(status: HelpStatus, reader: 'person' | 'staff'): string {
  if (status === 'raised') return reader === 'person' ? '已通知社区值班人员，请保持电话畅通' : '等待值班人员响应'
  if (status === 'escalated') return reader === 'person' ? '已上报街道综治中心，工作人员将尽快联系您' : '无人及时响应，已上报'
  if (status === 'taken') return reader === 'person' ? '工作人员正在赶来，可直接打电话联系' : '已有人响应，处理后请结束或转办'
  return ''
}

/** 「1 分 05 秒」, 「3 小时 2 分」: a span as people say it on the phone. */
export function spanText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return `${s} 秒`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} 分 ${String(s % 60).padStart(2, '0')} 秒`
  const h = Math.floor(m / 60)
  if (h < 24) return `${h} 小时 ${m % 60} 分`
  return `${Math.floor(h / 24)} 天 ${h % 24} 小时`
}

/** The console's acceptance column: how long it took, or how long it has been waiting (by the desk's clock). */
export function acceptText(h: { status: HelpStatus; secondsToAccept: number | null; createdAt: string }, now: number): string {
  if (h.secondsToAccept !== null) return `${spanText(h.secondsToAccept)}响应`
  if (h.status === 'closed') return '未经响应'
  return `已等待 ${spanText((now - Date.parse(h.createdAt)) / 1000)}`
}

/** The browser tab's title while requests wait: 「（2）新求助 · 一键求助接报」, the plain title once seen. */
export function liveTitle(base: string, unseen: number): string {
  return unseen > 0 ? `（${unseen}）新求助 · ${base}` : base
}

/**
 * The requests of a poll the desk should ring for: ids it has not shown before, and requests that
 * went up (to the street, then the district) since the last answer. A known one does not ring again.
 */
export function arrivals<T extends { id: string; status: HelpStatus; escalation: string | null }>(
  known: ReadonlyMap<string, { status: HelpStatus; escalation: string | null }>,
  items: readonly T[],
): T[] {
  return items.filter((i) => {
    const was = known.get(i.id)
    if (!was) return i.status !== 'closed'
    return i.escalation !== null && was.escalation !== i.escalation
  })
}
