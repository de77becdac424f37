import { useState } from 'react'
import { downloadCsv } from '../utils/download-csv'

export type ExportNotice = { tone: 'ok' | 'error'; text: string }
type CsvAnswer = { ok: true; filename: string; csv: string; rows: number } | { ok: false; message: string }

/** An H5 desk's CSV export: one at a time, the file handed to the browser, and a line saying how it went. */
export function useCsvExport() {
  const [exporting, setExporting] = useState(false)
  const [notice, setNotice] = useState<ExportNotice | null>(null)

  const exportCsv = async (fetchCsv: () => Promise<CsvAnswer>) => {
    if (exporting) return
    setExporting(true)
    setNotice(null)
    const r = await fetchCsv()
    setExporting(false)
    if (!r.ok) {
      setNotice({ tone: 'error', text: `导出失败：${r.message}` })
      return
    }
    downloadCsv(r.filename, r.csv)
    setNotice({ tone: 'ok', text: `已导出 ${r.rows} 条记录（${r.filename}）` })
  }

  return { exporting, notice, setNotice, exportCsv }
}
