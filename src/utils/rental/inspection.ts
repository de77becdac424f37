import type { InspectionItemView } from '../../contracts/rental'

/** The monthly fire-safety inspection form: marks per item, their checks, and the input it sends. */

export interface InspectionMark {
  passed: boolean | null
  note: string
}

export type InspectionMarks = Record<string, InspectionMark>

export function emptyMarks(items: readonly InspectionItemView[]): InspectionMarks {
  return Object.fromEntries(items.map((i) => [i.code, { passed: null, note: '' }]))
}

/** Every item answered, and a failed one says what is wrong (the note goes into its report case). */
export function inspectionErrors(items: readonly InspectionItemView[], marks: InspectionMarks): Record<string, string> {
  const e: Record<string, string> = {}
  for (const i of items) {
    const m = marks[i.code]
    if (!m || m.passed === null) e[i.code] = '请选择合格或不合格'
    else if (!m.passed && !m.note.trim()) e[i.code] = '请说明不合格的情况'
  }
  return e
}

export function buildInspect(buildingId: string, items: readonly InspectionItemView[], marks: InspectionMarks, photos: string[], idempotencyKey: string) {
  return {
    idempotencyKey,
    buildingId,
    items: items.map((i) => {
      const m = marks[i.code]!
      const note = m.note.trim()
      return note ? { code: i.code, passed: m.passed === true, note } : { code: i.code, passed: m.passed === true }
    }),
    photos,
  }
}
