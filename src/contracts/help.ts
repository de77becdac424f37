/**
 * Wire contract of the `help` function, 一键求助: a person raises a request where they are; the
 * community's on-duty helpers (grid worker, mediator, 协助调解人) are told at once; the first to
 * accept takes it; nobody in time → the street's 综治中心, then the district. Types only; inputs are
 * inferred from their zod schemas (helpSchemas.ts). Words (kinds, statuses, 110/120/119) are in
 * src/core/kinds/helpTerms.ts, which pages may import.
 *
 * Every refusal of `help.raise` (rate limit, validation, not signed in) carries `emergency: true`:
 * the page shows the 110 / 120 / 119 calls whatever went wrong.
 */
import type { z } from 'zod'
import type * as s from './helpSchemas'
import type { byId, page } from './commonSchemas'
import type { ActionView, TimelineView } from './common'
import type { HelpEscalation, HelpKind, HelpStatus, Unreachable } from '../core/kinds/helpTerms'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export type HelpKindCode = HelpKind
export type RaiseHelpInput = In<'raiseHelp'>
export type ConvertHelpInput = In<'convertHelp'>
export type HelpShift = In<'shift'>
export type SaveRosterInput = In<'saveRoster'>

/** The other side of a conversion, for a tappable line: 「在线调解 京溪-2026-00007」. */
export interface HelpLinkView {
  kind: 'mediation' | 'report' | 'help'
  caseId: string
  /** 京溪-2026-00007; null only for a case stored before numbers. */
  number: string | null
  /** The line the screen shows, kind label and number. */
  text: string
  /**
   * Whether the viewer may open it: a helper whose request became a case of another committee sees its
   * number only. Lists never open it (false there).
   */
  readable: boolean
}

/** Who took the request: the person sees the name and calls the phone. */
export interface ResponderView {
  name: string
  /** 网格员 / 调解员 / 驻村法律顾问 … */
  roleLabel: string
  /** The staff member's work phone; null when none is on file. */
  phone: string | null
}

/** An on-duty helper the request went to (staff only). */
export interface NotifiedView {
  name: string
  roleLabel: string
  phone: string | null
  /** False when no subscribe message could go out: the console shows them to phone. */
  reached: boolean
  /** 未订阅消息提醒 / 未绑定微信; null when reached. */
  reasonLabel: string | null
  reason: Unreachable | null
}

export interface HelpView {
  id: string
  /** 京溪-2026-00042 */
  number: string | null
  kind: 'help'
  helpKind: HelpKind
  helpKindLabel: string
  /** True for 人身安全受到威胁: the page shows 110 / 120 / 119 first. */
  emergency: boolean
  status: HelpStatus
  statusLabel: string
  text: string
  /** A short-lived URL of the voice note to play; null when none. */
  voiceUrl: string | null
  communityName: string
  streetName: string
  createdAt: string
  takenAt: string | null
  /** Seconds from raising to acceptance; null while nobody accepted. */
  secondsToAccept: number | null
  escalation: HelpEscalation | null
  /** 已上报街道综治中心 / 已上报区级; null when not escalated. */
  escalationLabel: string | null
  escalatedAt: string | null
  closedAt: string | null
  closeNote: string | null
  responder: ResponderView | null
  /** What it became (a mediation case, a 网格事件). */
  convertedTo: HelpLinkView | null
  /** How the viewer relates: the person who asked, the helper who took it, other staff in scope. */
  myRole: 'person' | 'responder' | 'staff'
  /** Staff only (null for the person): where, who asked, who was told. */
  location: { lat: number; lng: number } | null
  /** Staff only: the person's nickname and phone (from 我的) to call them; null fields when not given. */
  person: { name: string; phone: string | null } | null
  /** 代办: 「代办：网格员 王伟 代 张*明 办理」 when an agent asked for the person; else null. */
  proxyNote: string | null
  notified: NotifiedView[] | null
  version: number
}

export interface HelpSummary {
  id: string
  number: string | null
  helpKind: HelpKind
  helpKindLabel: string
  status: HelpStatus
  statusLabel: string
  /** The first words of the text, or 语音求助 when only a voice note. */
  title: string
  createdAt: string
  responderName: string | null
  convertedTo: HelpLinkView | null
}

/** A row of the staff queue and the console. */
export interface HelpStaffSummary extends HelpSummary {
  /** Danger, or nobody accepted in time: listed first, marked 紧急. */
  urgent: boolean
  emergency: boolean
  communityName: string
  takenAt: string | null
  secondsToAccept: number | null
  escalation: HelpEscalation | null
  escalationLabel: string | null
  /** On-duty helpers no subscribe message reached, to phone. */
  unreachable: Array<{ name: string; roleLabel: string; phone: string | null; reasonLabel: string }>
  /** How many on-duty helpers it went to. */
  notifiedCount: number
  updatedAt: string
}

export interface RosterEntryView {
  userId: string
  name: string
  /** 网格员 / 调解员 / 驻村法律顾问 … */
  roleLabel: string
  phone: string | null
  shifts: HelpShift[]
  /** 周一至周日 00:00–24:00 …, as the page lists them. */
  shiftText: string
  /** Whether on duty at the moment of the answer. */
  onDutyNow: boolean
}

export interface RosterView {
  communityCode: string
  communityName: string
  entries: RosterEntryView[]
  /** Staff who may be put on duty: the community's grid workers, mediators and helpers. */
  candidates: Array<{ userId: string; name: string; roleLabel: string }>
  updatedAt: string | null
}

/** What a duty roster table would do (dry run) or did. */
export interface RosterImportPlan {
  /** Rows read (the header not counted). */
  rows: number
  /** Rows that cannot be used, by their line in the spreadsheet (header = 1); any error writes nothing. */
  errors: Array<{ row: number; message: string }>
  /** The communities whose roster the table replaces, with how many people and shifts each gets. */
  communities: Array<{ communityCode: string; communityName: string; people: number; shifts: number }>
  /** Communities written (0 for a dry run or a table with errors). */
  applied: number
}

export interface HelpApi {
  /** Anyone signed in. `reached`: on-duty helpers told; `replayed` when the idempotency key was seen. */
  'help.raise': { in: RaiseHelpInput; out: { help: HelpView; reached: number; replayed: boolean } }
  /** A grid worker or 代办员 of the place, for a named person who is with them (代办); refusals carry `emergency` too. */
  'help.proxyRaise': { in: In<'proxyRaiseHelp'>; out: { help: HelpView; reached: number; replayed: boolean } }
  /** The person's own requests, newest first. */
  'help.mine': { in: z.infer<typeof page>; out: { items: HelpSummary[]; next: string | null } }
  /** The person: status and who is coming; staff in scope: everything incl. who could not be reached. */
  'help.get': { in: z.infer<typeof byId>; out: { help: HelpView; timeline: TimelineView[]; actions: ActionView[] } }
  /** An on-duty helper of the community (or the street's 综治中心 once escalated): first wins, else ILLEGAL_TRANSITION 已有人响应. */
  'help.accept': { in: In<'helpAct'>; out: { help: HelpView; timeline: TimelineView[]; actions: ActionView[] } }
  'help.close': { in: In<'closeHelp'>; out: { help: HelpView; timeline: TimelineView[]; actions: ActionView[] } }
  /** Opens the mediation case or 网格事件 (linked both ways) and closes the request. */
  'help.convert': { in: ConvertHelpInput; out: { help: HelpView; link: HelpLinkView } }
  /** Staff: live requests of their scope, urgent first. */
  'help.queue': { in: In<'helpQueue'>; out: { items: HelpStaffSummary[]; next: string | null } }
  /**
   * Console (dispatcher, or anyone whose scope is a street or wider), polled every few seconds: every
   * open request of the caller's streets, urgent first (one indexed read). `arrived`: ids of those
   * raised after `since` (the previous answer's `cursor`) — ring and change the title for them.
   */
  'help.live': { in: In<'helpLive'>; out: { items: HelpStaffSummary[]; cursor: string; openCount: number; arrived: string[] } }
  /** Admin (or the street's dispatcher): a community's duty roster. */
  'help.roster': { in: In<'rosterOf'>; out: { roster: RosterView } }
  'help.saveRoster': { in: SaveRosterInput; out: { roster: RosterView } }
  /** Admin (or the street's dispatcher): duty rosters from a table, previewed (dryRun) or applied to the communities it names. */
  'help.importRoster': { in: In<'importRoster'>; out: { plan: RosterImportPlan } }
}
