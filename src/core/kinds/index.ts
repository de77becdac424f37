import type { CaseKind } from '../case'
import type { KindDefinition } from '../transition'
import { REPORT } from './report'

export const KINDS: Record<CaseKind, KindDefinition> = { report: REPORT }

export function statusLabel(kind: CaseKind, status: string): string {
  return KINDS[kind]?.statusLabels[status] ?? status
}
