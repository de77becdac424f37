import type { CaseKind } from './case'

/**
 * A case that became another (一键求助 → 调解, 网格事件 → 调解): the new case keeps `origin`, the source
 * keeps `convertedTo`, so either side can show and open the other. Stored in both payloads.
 */
export interface CaseLink {
  kind: CaseKind
  caseId: string
  /** The number people read (京溪-2026-00042); absent only for cases stored before numbers existed. */
  number?: string
}

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  report: '网格事件',
  mediation: '调解案件',
  checkin: '出租屋登记',
  misuse: '证件冒用争议',
  help: '一键求助',
}

/** 「调解案件 京溪-2026-00042」: what a screen shows for a link; never the internal id. */
export function linkText(link: CaseLink): string {
  const kind = CASE_KIND_LABELS[link.kind] ?? '事项'
  return link.number ? `${kind} ${link.number}` : kind
}

/** Reads a payload's link field defensively: stored documents may hold anything. */
export function readLink(x: unknown): CaseLink | null {
  if (!x || typeof x !== 'object') return null
  const o = x as Record<string, unknown>
  if (typeof o.kind !== 'string' || typeof o.caseId !== 'string') return null
  return { kind: o.kind as CaseKind, caseId: o.caseId, ...(typeof o.number === 'string' ? { number: o.number } : {}) }
}
