import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { ConfigVersionView } from '../../../contracts/admin'
import { fileStamp } from '../../../core/time'
import { configFromFile, pathKey, setAt, type ConfigDraft, type Path } from '../../../utils/admin/configDraft'
import { downloadText } from '../../../utils/download-file'

type Notice = { ok: boolean; text: string } | null

/**
 * The config page's state: the configuration being edited (a copy, changed field by field), its
 * version and history, the server's refusals by field path, and the JSON export and import.
 */
export function useAdminConfig() {
  const [draft, setDraft] = useState<ConfigDraft | null>(null)
  const [version, setVersion] = useState(0)
  const [history, setHistory] = useState<ConfigVersionView[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  /** Counts refused saves, so the page can bring the first refusal into view after each. */
  const [refusals, setRefusals] = useState(0)

  const load = async () => {
    const [c, h] = await Promise.all([api.call('admin.config', {}), api.call('admin.configHistory', {})])
    if (c.ok) {
      setDraft(c.config)
      setVersion(c.version)
      setDirty(false)
      setErrors({})
    } else setNotice({ ok: false, text: c.message })
    if (h.ok) setHistory(h.versions)
  }
  useEffect(() => {
    void load()
  }, [])

  /** One field changed: its old refusal goes with it. */
  const set = (path: Path, value: unknown) => {
    setDraft((d) => (d ? setAt(d, path, value) : d))
    setDirty(true)
    const key = pathKey(path)
    setErrors((e) => {
      if (!(key in e)) return e
      const { [key]: _gone, ...rest } = e
      return rest
    })
  }

  const save = async () => {
    if (busy || !draft) return
    setBusy(true)
    setNotice(null)
    const r = await api.call('admin.saveConfig', { config: draft, baseVersion: version })
    setBusy(false)
    if (!r.ok) {
      setNotice({ ok: false, text: r.message })
      setErrors(r.details ?? {})
      setRefusals((n) => n + 1)
      return
    }
    setErrors({})
    setNotice({ ok: true, text: `已保存为第 ${r.version} 版，${r.changes.length} 处修改，半分钟内各功能生效` })
    await load()
  }

  const discard = async () => {
    setNotice(null)
    await load()
  }

  /** The configuration in force (with unsaved edits) as a JSON file. */
  const exportJson = () => {
    if (!draft) return
    downloadText(`区级配置-第${version}版-${fileStamp(Date.now())}.json`, JSON.stringify(draft, null, 2), 'application/json')
  }

  /** A JSON file replaces the form's contents; nothing is saved until 校验并保存. */
  const importJson = async (files: FileList | null) => {
    const file = files?.[0]
    if (!file) return
    const read = configFromFile(await file.text())
    if (!read.ok) {
      setNotice({ ok: false, text: read.message })
      return
    }
    setDraft(read.config)
    setDirty(true)
    setErrors({})
    setNotice({ ok: true, text: `已载入文件「${file.name}」，核对后点「校验并保存」` })
  }

  return { draft, version, history, errors, refusals, notice, busy, dirty, set, save, discard, exportJson, importJson }
}
