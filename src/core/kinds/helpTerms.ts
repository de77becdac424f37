/**
 * The words of a one-key help request (一键求助) the app shares with the backend: what is
 * happening, statuses, the emergency numbers and the payload's shape. No schema library here,
 * so the mini-program may import it.
 */

import type { ProxyMark } from '../proxyMark'

export const HELP_KINDS = ['neighbour_dispute', 'family', 'danger', 'other'] as const
export type HelpKind = (typeof HELP_KINDS)[number]

export const HELP_KIND_LABELS: Record<HelpKind, string> = {
  neighbour_dispute: '邻里纠纷',
  family: '家庭矛盾',
  danger: '人身安全受到威胁',
  other: '其他',
}

/** Kinds where the page offers 110 / 120 / 119 before anything else: we never stand in for them. */
export const EMERGENCY_KINDS: readonly HelpKind[] = ['danger']

/** One-tap calls the raise page shows first for danger, and on every refusal. */
export const EMERGENCY_NUMBERS = [
  { number: '110', label: '报警' },
  { number: '120', label: '急救' },
  { number: '119', label: '火警' },
] as const

export const HELP_STATUS_LABELS = {
  raised: '已求助',
  taken: '已响应',
  escalated: '已上报街道',
  closed: '已结束',
} as const

export type HelpStatus = keyof typeof HELP_STATUS_LABELS

export const HELP_OPEN: readonly HelpStatus[] = ['raised', 'taken', 'escalated']

/** How far a request nobody accepted has gone: the street's 综治中心, then the district. */
export type HelpEscalation = 'street' | 'district'
export const HELP_ESCALATION_LABELS: Record<HelpEscalation, string> = { street: '已上报街道综治中心', district: '已上报区级' }

/** Why an on-duty helper could not be told at once; the console shows them to phone. */
export type Unreachable = 'no_subscription' | 'no_binding'
export const UNREACHABLE_LABELS: Record<Unreachable, string> = {
  no_subscription: '未订阅消息提醒',
  no_binding: '未绑定微信',
}

/** One on-duty helper the request went to, and whether a subscribe message reached them. */
export interface HelpNotified {
  userId: string
  /** Which grant put them on duty: grid_worker, mediator or helper. */
  role: 'grid_worker' | 'mediator' | 'helper'
  /** Set when no subscribe message could go out (the inbox notice always does). */
  unreachable: Unreachable | null
}

/** What a request became when it was turned into another case (both sides keep the link). */
export interface HelpLink {
  kind: 'mediation' | 'report'
  caseId: string
  number?: string
}

export type HelpPayload = {
  helpKind: HelpKind
  /** What the person typed (≤200); may be empty when a voice note says it. */
  text: string
  /** A file id of an audio upload of the person's own. */
  voiceFileId: string | null
  location: { lat: number; lng: number }
  /** The community whose roster was on duty. */
  communityCode: string
  notified: HelpNotified[]
  /** The helper who took it, when. */
  takenBy: string | null
  takenAt: string | null
  escalation: HelpEscalation | null
  escalatedAt: string | null
  /** When it reached the district, after the street's window also passed. */
  districtAt: string | null
  closedAt: string | null
  closeNote: string | null
  convertedTo: HelpLink | null
  /** 代办: the grid worker or 代办员 who asked for the person with them (proxyMark.ts). */
  proxy?: ProxyMark
}
