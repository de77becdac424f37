/**
 * The pieces of a personal-data export (查阅与导出): records of label/value lines in Chinese, times as
 * Beijing time text, never an internal id.
 */
import type { ExportRecord, ExportSection } from '../../../src/contracts/account'
import { formatFull } from '../../../src/core/time'

export type Line = readonly [label: string, value: string | number | null | undefined]

/** A record of the lines that have a value; an empty value is left out, not shown as blank. */
export function record(title: string, lines: readonly Line[]): ExportRecord {
  const fields = lines.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([label, v]) => ({ label, value: String(v) }))
  return { title, fields }
}

export function section(title: string, records: ExportRecord[], note?: string): ExportSection {
  return note ? { title, records, note } : { title, records }
}

/** A stored instant as people read it: 2026年12月6日 14:05 (Beijing). */
export const timeText = (iso: string | null | undefined): string | null => (iso ? formatFull(iso) : null)

/** A Beijing calendar day (YYYY-MM-DD) as people read it: 2026年12月6日. */
export function dayText(day: string | null | undefined): string | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : null
}

export const yesNo = (b: boolean): string => (b ? '是' : '否')
