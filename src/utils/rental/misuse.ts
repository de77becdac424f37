import type { DocType } from '../../contracts/rental'
import { cleanDocNumber, docNumberError } from './checkin'
import { MISUSE_NOTE_MAX, MISUSE_NOTE_MIN } from '../../contracts/limits'

/** 有人冒用我的证件: the report's draft, the server's checks and messages, and what the person is told. */

export interface MisuseDraft {
  docType: DocType
  docNumber: string
  note: string
}

export type MisuseErrors = Partial<Record<'docNumber' | 'note', string>>

export function emptyMisuse(): MisuseDraft {
  return { docType: 'id_card', docNumber: '', note: '' }
}

/** The same checks and messages as the server's (rental.reportMisuse). */
export function misuseErrors(d: MisuseDraft, now: Date = new Date()): MisuseErrors {
  const e: MisuseErrors = {}
  if (!cleanDocNumber(d.docNumber, d.docType)) e.docNumber = '请填写证件号码'
  else {
    const m = docNumberError(d.docNumber, d.docType, now)
    if (m) e.docNumber = m
  }
  const n = d.note.trim().length
  if (n < MISUSE_NOTE_MIN) e.note = `请说明情况（至少 ${MISUSE_NOTE_MIN} 个字）`
  else if (n > MISUSE_NOTE_MAX) e.note = `说明最多 ${MISUSE_NOTE_MAX} 个字`
  return e
}

export function buildMisuse(d: MisuseDraft, buildingCode: string, idempotencyKey: string) {
  return { idempotencyKey, buildingCode, docType: d.docType, docNumber: cleanDocNumber(d.docNumber, d.docType), note: d.note.trim() }
}

/** What the person is told, whatever the number: nothing about whether it is registered. */
export const MISUSE_RECEIVED = '已收到您的反映，辖区社区民警将核实处理。'
