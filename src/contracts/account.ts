/** 我的: the caller's own profile, the privacy notice and consents, export and account deletion. */
import type { z } from 'zod'
import type * as s from './accountSchemas'

export type PhoneSource = 'wechat' | 'typed'

export interface ProfileView {
  /** What others see (rosters, read receipts): the nickname, or 微信用户 until one is set. */
  displayName: string
  nicknameSet: boolean
  avatarUrl: string | null
  /** Masked (138****8000); the full number is never sent back. */
  phone: { masked: string; source: PhoneSource; sourceLabel: string } | null
  /** The privacy notice version in force and whether the person still has to agree to it. */
  noticeVersion: number
  consentNeeded: boolean
  /** Holds a staff role: 注销 is refused until an administrator revokes it. */
  staff: boolean
}

export interface NoticeView {
  version: number
  title: string
  /** Paragraphs, in order. */
  paragraphs: string[]
  /** 2026年12月6日 — Beijing time, for people. */
  effectiveLabel: string
}

export interface ConsentView {
  title: string
  version: number
  /** 2026年12月6日 14:05 */
  atLabel: string
}

export interface PrivacyView {
  notice: NoticeView
  consents: ConsentView[]
}

export interface ExportField {
  label: string
  value: string
}

export interface ExportRecord {
  title: string
  fields: ExportField[]
}

export interface ExportSection {
  title: string
  records: ExportRecord[]
  /** Said under the section when it explains something (e.g. what stays after deletion). */
  note?: string
}

export interface AccountExport {
  /** 2026年12月6日 14:05 */
  generatedAtLabel: string
  sections: ExportSection[]
  /** 街坊通个人信息-20261206.json */
  fileName: string
  /** The same content as a JSON document with Chinese keys, ready to write to the file. */
  json: string
}

export interface DeletionView {
  /** What stays for the record and why, one line each (shown after deletion). */
  kept: string[]
}

export interface AccountApi {
  'account.profile': { in: z.infer<typeof s.profile>; out: { profile: ProfileView } }
  'account.update': { in: z.infer<typeof s.updateProfile>; out: { profile: ProfileView } }
  'account.setPhone': { in: z.infer<typeof s.setPhone>; out: { profile: ProfileView } }
  'account.removePhone': { in: z.infer<typeof s.removePhone>; out: { profile: ProfileView } }
  'account.privacy': { in: z.infer<typeof s.privacy>; out: { privacy: PrivacyView } }
  'account.consent': { in: z.infer<typeof s.consent>; out: { privacy: PrivacyView } }
  'account.export': { in: z.infer<typeof s.exportData>; out: { export: AccountExport } }
  'account.delete': { in: z.infer<typeof s.deleteAccount>; out: { deletion: DeletionView } }
}
