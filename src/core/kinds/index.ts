import type { CaseKind } from '../case'
import { labelOf, type KindDefinition } from '../transition'
import { CHECKIN } from './checkin'
import { HELP } from './help'
import { MEDIATION } from './mediation'
import { MISUSE } from './misuse'
import { REPORT } from './report'

export const KINDS: Record<CaseKind, KindDefinition> = { report: REPORT, mediation: MEDIATION, checkin: CHECKIN, misuse: MISUSE, help: HELP }

export function statusLabel(kind: CaseKind, status: string): string {
  const def = Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind] : undefined
  return def ? labelOf(def.statusLabels, status) : status
}
