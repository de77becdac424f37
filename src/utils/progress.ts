/**
 * Where a case stands on its way, for the progress stepper (components/ProgressSteps, NutUI Steps): the
 * steps in order, each with the day it was reached when the history says so, and which step is in hand
 * now. Steps still to come are listed too, so people see what is left. A case that ends off the way
 * (不予受理, 已合并, 调解不成, 对方不同意, 已驳回) shows the steps it took and the end it came to.
 */
import { shanghaiDay } from '../core/time'

export interface ProgressStep {
  title: string
  /** 12月6日: the Shanghai day the step was reached; empty for steps to come (or not in the history). */
  day: string
}

export interface Progress {
  steps: ProgressStep[]
  /** 1-based step in hand (NutUI Steps' `value`); steps.length + 1 once every step is done. */
  current: number
  /** It ended without reaching the last step of the way (a refusal, a merge, no agreement). */
  offPath: boolean
}

/** A history row as the case views give it (timeline: the status a move led to and when). */
export interface ProgressEvent {
  toStatus: string
  at: string
}

interface Way {
  /** Step titles in order. */
  titles: readonly string[]
  /** Status → how many steps are done while the case is in it. */
  done: Readonly<Record<string, number>>
  /** Status → the end it stands for, after `done` of the way's steps. */
  ends?: Readonly<Record<string, { done: number; title: string }>>
}

function day(iso: string): string {
  const d = shanghaiDay(iso)
  return /^\d{4}-\d\d-\d\d$/.test(d) ? `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : ''
}

/** How many steps (the end step included) a case in this status has behind it. */
function reachedBy(way: Way, status: string): number {
  const end = way.ends?.[status]
  return end ? end.done + 1 : way.done[status] ?? 0
}

function progress(way: Way, status: string, events: readonly ProgressEvent[], firstDay: string): Progress {
  const end = way.ends?.[status]
  const titles = end ? [...way.titles.slice(0, end.done), end.title] : [...way.titles]
  const behind = reachedBy(way, status)
  // A step's day: the first history row into a status that has it behind; the first step's is the case's own.
  const steps = titles.map((title, i) => {
    if (i >= behind) return { title, day: '' }
    if (i === 0 && firstDay) return { title, day: firstDay }
    const e = events.find((x) => reachedBy(way, x.toStatus) > i)
    return { title, day: e ? day(e.at) : '' }
  })
  return { steps, current: Math.min(behind + 1, titles.length + 1), offPath: Boolean(end) }
}

/** 网格事件: 上报 → 受理 → 分派 → 处置 → 办结 → 评价. A case handled without 分派 shows it passed. */
const REPORT: Way = {
  titles: ['上报', '受理', '分派', '处置', '办结', '评价'],
  done: { submitted: 1, accepted: 2, assigned: 3, in_progress: 3, resolved: 5, closed: 6 },
  ends: { rejected: { done: 1, title: '不予受理' }, merged: { done: 1, title: '已合并' }, converted: { done: 1, title: '已转调解' } },
}

export function reportProgress(status: string, events: readonly ProgressEvent[] = [], createdAt = ''): Progress {
  return progress(REPORT, status, events, createdAt ? day(createdAt) : '')
}

/** 在线调解: 申请 → 受理 → 对方同意 → 调解 → 确认协议 → 调解成功. */
const MEDIATION: Way = {
  titles: ['申请', '受理', '对方同意', '调解', '确认协议', '调解成功'],
  done: { applied: 1, accepted: 2, awaiting_consent: 2, mediating: 3, agreement_pending: 4, succeeded: 6 },
  ends: { rejected: { done: 1, title: '不予受理' }, declined: { done: 2, title: '对方不同意' }, failed: { done: 4, title: '调解不成' } },
}

export function mediationProgress(status: string, events: readonly ProgressEvent[] = [], createdAt = ''): Progress {
  return progress(MEDIATION, status, events, createdAt ? day(createdAt) : '')
}

/** 出租屋实名登记: 提交登记 → 楼栋长确认 → 在住 → 退租. */
const CHECKIN: Way = {
  titles: ['提交登记', '楼栋长确认', '在住', '退租'],
  // 在住 is the step in hand while the tenant lives there; 退租 ends the way.
  done: { pending: 1, active: 2, checked_out: 4, purged: 4 },
  ends: { refused: { done: 1, title: '已驳回' } },
}

/** A registration has no history on the tenant's card: its own dates stand for the steps. */
export function checkinProgress(r: { status: string; createdAt: string; checkedOutAt?: string | null }): Progress {
  const events: ProgressEvent[] = r.checkedOutAt ? [{ toStatus: 'checked_out', at: r.checkedOutAt }] : []
  return progress(CHECKIN, r.status, events, day(r.createdAt))
}
