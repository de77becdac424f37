import { useState } from 'react'
import { MAX_TABLE_BYTES, readBase64 } from './files'

export interface TableImportInput {
  fileName: string
  contentBase64: string
  dryRun: boolean
  allOrNothing: boolean
}

export type Notice = { ok: boolean; text: string } | null
export type ImportBusy = '' | 'preview' | 'import'

interface Options<P> {
  /** The import function call (preview when dryRun). */
  send: (input: TableImportInput) => Promise<{ ok: true; plan: P } | { ok: false; message: string }>
  /** What an applied import reports; `held` when all-or-nothing gave the whole file up. */
  appliedText: (plan: P, held: boolean) => string
  busy: boolean
  setBusy: (b: ImportBusy) => void
  setNotice: (n: Notice) => void
  onApplied?: () => void
}

/**
 * The shared flow of the desk's table imports (roster, buildings): pick a CSV/Excel file (at most
 * 2 MB), preview it row by row, then import — all or only the good rows.
 */
export function useTableImport<P extends { errors: readonly unknown[]; applied: number }>({ send, appliedText, busy, setBusy, setNotice, onApplied }: Options<P>) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const [allOrNothing, setAllOrNothing] = useState(false)
  const [plan, setPlan] = useState<P | null>(null)
  const [applied, setApplied] = useState(false)

  const pick = async (list: FileList | null) => {
    setPlan(null)
    setNotice(null)
    const f = list?.[0]
    if (!f) return setFile(null)
    if (f.size > MAX_TABLE_BYTES) return setNotice({ ok: false, text: '文件不能超过 2 MB，请分批导入' })
    setFile({ name: f.name, base64: await readBase64(f) })
  }

  const run = async (dryRun: boolean) => {
    if (!file || busy) return
    setBusy(dryRun ? 'preview' : 'import')
    setNotice(null)
    const r = await send({ fileName: file.name, contentBase64: file.base64, dryRun, allOrNothing })
    setBusy('')
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setPlan(r.plan)
    setApplied(!dryRun)
    if (!dryRun) {
      const held = allOrNothing && r.plan.errors.length > 0
      setNotice({ ok: !held, text: appliedText(r.plan, held) })
      onApplied?.()
    }
  }

  return { file, allOrNothing, setAllOrNothing, plan, applied, pick, run }
}
