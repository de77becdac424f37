/** The export as a file: the same sections as a JSON document with Chinese keys, and its name. */
import type { ExportRecord, ExportSection } from '../../../src/contracts/account'
import { shanghaiDay } from '../../../src/core/rental'

function recordObject(r: ExportRecord): Record<string, string> {
  const o: Record<string, string> = { 标题: r.title }
  for (const f of r.fields) o[Object.prototype.hasOwnProperty.call(o, f.label) ? `${f.label}（${Object.keys(o).length}）` : f.label] = f.value
  return o
}

export function exportJson(generatedAtLabel: string, sections: readonly ExportSection[]): string {
  const doc: Record<string, unknown> = { 说明: '街坊通为您保存的个人信息', 导出时间: generatedAtLabel }
  for (const s of sections) doc[s.title] = { ...(s.note ? { 说明: s.note } : {}), 记录: s.records.map(recordObject) }
  return JSON.stringify(doc, null, 2)
}

/** 街坊通个人信息-20261206.json, by the Beijing date. */
export function exportFileName(now: Date): string {
  return `街坊通个人信息-${shanghaiDay(now).replace(/-/g, '')}.json`
}
