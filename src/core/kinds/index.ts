import type { CaseKind } from '../case'
import type { KindDefinition } from '../transition'
import { CHECKIN } from './checkin'
import { HELP } from './help'
import { MEDIATION } from './mediation'
import { MISUSE } from './misuse'
import { REPORT } from './report'

export const KINDS: Record<CaseKind, KindDefinition> = { report: REPORT, mediation: MEDIATION, checkin: CHECKIN, misuse: MISUSE, help: HELP }

// The status words of any kind, without the kinds' commands (statusLabels.ts).
export { statusLabel } from './statusLabels'
