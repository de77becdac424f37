/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted with "", a doubled quote inside
 * quotes is a quote, CRLF or LF ends a record. Text arrives decoded (see the backend's decoder).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  // Blank lines (Excel leaves them at the end) are not records.
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

/** One problem of one row: the row number as a spreadsheet shows it (header = 1). */
export interface RowIssue {
  row: number
  column: string
  reason: string
}

/**
 * Finds each wanted column by any of its header names (Chinese or English, case and spaces
 * ignored). Returns the index per key, and the headers that are missing.
 */
export function mapHeader<K extends string>(header: readonly string[], names: Record<K, readonly string[]>, required: readonly K[]): { index: Partial<Record<K, number>>; missing: K[] } {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase()
  const cells = header.map(norm)
  const index: Partial<Record<K, number>> = {}
  for (const key of Object.keys(names) as K[]) {
    const at = cells.findIndex((c) => names[key].some((n) => norm(n) === c))
    if (at >= 0) index[key] = at
  }
  return { index, missing: required.filter((k) => index[k] === undefined) }
}
