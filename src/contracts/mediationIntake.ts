/**
 * Wire contract of the disputes staff open in the `mediation` function: 录入纠纷 (三捕三捉) and 转为调解
 * of a 网格事件, and the link both cases show. Types only.
 */
import type { z } from 'zod'
import type * as s from './mediationIntakeSchemas'
import type { DisputeType } from '../core/kinds/mediationTerms'

type In<K extends keyof typeof s> = z.infer<(typeof s)[K]>

export type IntakeSourceCode = In<'intakeSource'>
export type MediationIntakeInput = In<'mediationIntake'>
export type MediationFromReportInput = In<'mediationFromReport'>

/** A case this one came from or became (「网格事件 京溪-2026-00007」); `readable`: the viewer may open it. */
export interface CaseLinkView {
  kind: 'report' | 'mediation' | 'checkin' | 'misuse' | 'help'
  /** For opening it; never shown. */
  caseId: string
  number: string | null
  text: string
  readable: boolean
}

/** Where a mediation case came from, as its readers see it. */
export interface MediationSourceView {
  code: string
  /** 排查发现 / 12345 工单 / 警情 / 舆情线索 / 网格事件转入 / 一键求助转入 / 当事人申请 */
  label: string
  /** The label with the ticket or 警情 number. */
  text: string
  /** Staff only: who entered it (李明（网格员）). */
  enteredBy: string | null
}

/** An invitation code the staff who entered the dispute give each party. */
export interface IntakeInvite {
  name: string
  code: string
  path: string
  used: boolean
}

export interface MediationIntakeApi {
  /** The grids and communities the caller may enter disputes for, the sources and dispute types. */
  'mediation.intakeOptions': {
    in: In<'intakeOptions'>
    out: {
      places: Array<{ code: string; name: string; level: 'grid' | 'community' }>
      sources: Array<{ code: IntakeSourceCode; label: string; refLabel: string | null }>
      disputeTypes: Array<{ code: DisputeType; label: string }>
    }
  }
  /** 录入纠纷: opens the case (已申请, or 已受理 for a mediator of the committee its type goes to) and answers every party's invitation code. */
  'mediation.intake': { in: MediationIntakeInput; out: { case: { id: string; number: string | null; statusLabel: string; readable: boolean }; invites: IntakeInvite[]; replayed: boolean } }
  /** 转为调解: the report ends as 已转调解 with the link; answers the new case as the intake does. */
  'mediation.fromReport': { in: MediationFromReportInput; out: { case: { id: string; number: string | null; statusLabel: string; readable: boolean }; invites: IntakeInvite[]; replayed: boolean } }
}
