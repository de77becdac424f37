import { defineKind } from '../command'
import { REPORT_DECL } from './reportDecl'
import { TO_MEDIATION_COMMANDS } from './reportToMediation'
import type { ReportPayload, ReportStatus } from './reportTerms'

/**
 * The report kind with its 转为调解 move alone, for mediation.fromReport: `transition` reads only
 * the rows of the move it makes, its word, the status words and the scope rule, which are the
 * report kind's own (REPORT_DECL, TO_MEDIATION_COMMANDS), so the move is the same as through
 * REPORT; the mediation function's bundle then need not carry the report's other moves
 * (handling, moderation). A test pins the two to the same outcome.
 */
export const REPORT_TO_MEDIATION = defineKind<ReportPayload, ReportStatus, keyof typeof TO_MEDIATION_COMMANDS>({ ...REPORT_DECL, actions: TO_MEDIATION_COMMANDS })
