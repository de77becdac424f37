import { parseCsv } from '../../src/core/import/csv'
import { fail, type Failure } from '../../src/core/outcome'
import { readXlsx, XlsxError } from './xlsx'

/** Largest spreadsheet accepted in one call (CloudBase callFunction carries ~5 MB of base64). */
export const MAX_TABLE_BYTES = 2 * 1024 * 1024

/**
 * A CSV or .xlsx upload as rows of text. CSV is UTF-8 (with or without BOM); Excel on Chinese
 * Windows saves "CSV" as GB18030, which is recognised by its bytes not being UTF-8 and decoded.
 */
export function readTable(fileName: string, bytes: Uint8Array): { ok: true; rows: string[][]; encoding: string } | Failure {
  if (bytes.length === 0) return fail('VALIDATION', '文件为空')
  if (bytes.length > MAX_TABLE_BYTES) return fail('VALIDATION', `文件过大（最大 ${MAX_TABLE_BYTES / 1024 / 1024} MB），请分批导入`)
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (/\.xlsx$/i.test(fileName) || isZip) {
    try {
      return { ok: true, rows: readXlsx(bytes), encoding: 'xlsx' }
    } catch (e) {
      if (e instanceof XlsxError) return fail('VALIDATION', e.message)
      throw e
    }
  }
  if (/\.xls$/i.test(fileName)) return fail('VALIDATION', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）')
  try {
    return { ok: true, rows: parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' }
  } catch {
    try {
      return { ok: true, rows: parseCsv(new TextDecoder('gb18030', { fatal: true }).decode(bytes)), encoding: 'gb18030' }
    } catch {
      return fail('VALIDATION', '无法识别文件编码，请另存为 CSV（UTF-8）后重试')
    }
  }
}
