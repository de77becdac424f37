/**
 * 小事不出村、大事不出镇 on the wire: the level of the committee holding a case and its passes up, the
 * ledger's counts by level, and the admin's committee import (名称, 级别, 单位编码, 受理类型, 编号前缀).
 */
import type { z } from 'zod'
import type { MediationLevel } from '../core/kinds/mediationLevelTerms'
import type * as s from './mediationLevelSchemas'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export interface MediationLevelView {
  level: MediationLevel
  /** 社区（村） / 街道（镇） / 区 */
  levelLabel: string
  /** Each 上交上级调解, oldest first: the committees by name, the reason, when (the page shows Beijing time). */
  passUps: Array<{ fromName: string; toName: string; toLevelLabel: string; reason: string; at: string }>
}

/** The ledger by level: cases held at each level, and those settled without leaving the village / the street. */
export interface LedgerLevels {
  byLevel: Array<{ key: MediationLevel; label: string; count: number; succeeded: number }>
  /** 不出村（社区）: succeeded at a community committee, never passed up. */
  settledInCommunity: number
  /** 不出街道: succeeded at a community or street committee. */
  settledInStreet: number
  /** Of the succeeded cases, 0–1 (0 when none succeeded). */
  communityRate: number
  streetRate: number
  /** Cases passed up at least once. */
  passedUp: number
}

export interface CommitteeRowView {
  name: string
  levelLabel: string
  unitName: string
  unitCode: string
  disputeTypesLabel: string
  numberPrefix: string
  /** 新增 / 更新 / 不变 against the committees in force. */
  change: 'added' | 'changed' | 'unchanged'
}

export interface CommitteePlanView {
  rows: number
  committees: CommitteeRowView[]
  errors: Array<{ row: number; column: string; reason: string }>
  /** Imported committees in force that the table no longer lists (removed on import). */
  removed: Array<{ name: string; unitName: string }>
  /** Whether it was written (a dry run or a table with errors is not). */
  applied: boolean
  /** The configuration version written, when applied. */
  version: number | null
}

export interface MediationLevelApi {
  /** A district administrator's committees table; `dryRun` only reports. Applied, a new configuration version. */
  'admin.importCommittees': { in: In<'importCommittees'>; out: { plan: CommitteePlanView } }
}
