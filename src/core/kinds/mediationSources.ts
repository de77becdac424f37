/**
 * Where a mediation case came from: the person's own application, a dispute staff found (三捕三捉:
 * 排查发现, 12345 工单, 警情, 舆情线索), or a 网格事件 / 一键求助 staff turned into mediation. No schema
 * library here, so the mini-program can import it.
 */

/** What a mediator, grid worker or dispatcher enters a dispute from (mediation.intake). */
export const INTAKE_SOURCES = ['patrol', 'hotline_12345', 'police', 'opinion'] as const
export type IntakeSource = (typeof INTAKE_SOURCES)[number]

export const MEDIATION_SOURCES = ['application', ...INTAKE_SOURCES, 'report', 'help'] as const
export type MediationSource = (typeof MEDIATION_SOURCES)[number]

export const MEDIATION_SOURCE_LABELS: Record<MediationSource, string> = {
  application: '当事人申请',
  patrol: '排查发现',
  hotline_12345: '12345 工单',
  police: '警情',
  opinion: '舆情线索',
  report: '网格事件转入',
  help: '一键求助转入',
}

/** The sources that come with a number of their own (the ticket, the call-out), and its label on the form. */
export const SOURCE_REF_LABELS: Partial<Record<IntakeSource, string>> = { hotline_12345: '工单编号', police: '警情编号' }

export function needsSourceRef(source: string): boolean {
  return Object.prototype.hasOwnProperty.call(SOURCE_REF_LABELS, source)
}

/** A stored case's source; cases stored before sources (and anything unknown) read as the person's own application. */
export function sourceOf(p: { source?: unknown }): MediationSource {
  return typeof p.source === 'string' && (MEDIATION_SOURCES as readonly string[]).includes(p.source) ? (p.source as MediationSource) : 'application'
}

/** 「12345 工单（工单编号 GD2026120001）」: the source as a screen or a CSV shows it. */
export function sourceText(p: { source?: unknown; sourceRef?: unknown }): string {
  const s = sourceOf(p)
  const ref = typeof p.sourceRef === 'string' && p.sourceRef ? p.sourceRef : ''
  const refLabel = SOURCE_REF_LABELS[s as IntakeSource]
  return ref && refLabel ? `${MEDIATION_SOURCE_LABELS[s]}（${refLabel} ${ref}）` : MEDIATION_SOURCE_LABELS[s]
}
