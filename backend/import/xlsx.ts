import { strFromU8, unzipSync } from 'fflate'

/**
 * The first worksheet of an .xlsx file as rows of text: unzip, shared strings, the sheet's
 * cells by their references. Formulas give their cached value; styles and dates are not
 * interpreted (a roster is text: names, phones, codes).
 */
export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') })
  } catch {
    throw new XlsxError('文件不是有效的 Excel（.xlsx）文件')
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : null)
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')) ?? Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort()[0]
  const sheet = sheetPath ? text(sheetPath) : null
  if (!sheet) throw new XlsxError('Excel 文件中没有工作表')
  const shared = sharedStrings(text('xl/sharedStrings.xml'))
  const rows: string[][] = []
  for (const rowMatch of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNo = Number(/\br="(\d+)"/.exec(rowMatch[0])?.[1] ?? rows.length + 1)
    const row: string[] = []
    for (const c of (rowMatch[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1]
      const col = ref ? columnIndex(ref) : row.length
      const type = /\bt="(\w+)"/.exec(attrs)?.[1]
      const body = c[2] ?? ''
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      let value = ''
      if (type === 's') value = shared[Number(v)] ?? ''
      else if (type === 'inlineStr') value = textRuns(body)
      else if (v !== undefined) value = unescapeXml(v)
      while (row.length < col) row.push('')
      row[col] = value
    }
    while (rows.length < rowNo - 1) rows.push([])
    rows[rowNo - 1] = row
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

export class XlsxError extends Error {}

function firstSheetPath(workbook: string | null, rels: string | null): string | undefined {
  if (!workbook || !rels) return undefined
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1]
  if (!rid) return undefined
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`))
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1]
  if (!target) return undefined
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return []
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textRuns(m[1]!))
}

/** The text of <t> runs, skipping phonetic (<rPh>) annotations. */
function textRuns(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
  return [...plain.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('')
}

function columnIndex(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<'
    if (e === 'gt') return '>'
    if (e === 'amp') return '&'
    if (e === 'quot') return '"'
    if (e === 'apos') return "'"
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })
}
