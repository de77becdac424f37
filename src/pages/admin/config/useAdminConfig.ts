import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { ConfigVersionView } from '../../../contracts/admin'

/** The config page's state: the JSON being edited, its version and history, and saving it with the server's checks. */
export function useAdminConfig() {
  const [text, setText] = useState('')
  const [version, setVersion] = useState(0)
  const [history, setHistory] = useState<ConfigVersionView[]>([])
  const [errors, setErrors] = useState<Array<[string, string]>>([])
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async () => {
    const [c, h] = await Promise.all([api.call('admin.config', {}), api.call('admin.configHistory', {})])
    if (c.ok) {
      setText(JSON.stringify(c.config, null, 2))
      setVersion(c.version)
    } else setNotice({ ok: false, text: c.message })
    if (h.ok) setHistory(h.versions)
  }
  useEffect(() => {
    void load()
  }, [])

  const save = async () => {
    if (busy) return
    let config: Record<string, unknown>
    try {
      config = JSON.parse(text)
    } catch (e) {
      setErrors([['JSON', `格式错误：${(e as Error).message}`]])
      return
    }
    setBusy(true)
    setErrors([])
    setNotice(null)
    const r = await api.call('admin.saveConfig', { config, baseVersion: version })
    setBusy(false)
    if (!r.ok) {
      setNotice({ ok: false, text: r.message })
      setErrors(Object.entries(r.details ?? {}))
      return
    }
    setNotice({ ok: true, text: `已保存为第 ${r.version} 版，${r.changes.length} 处修改，半分钟内各功能生效` })
    void load()
  }

  return { text, setText, version, history, errors, notice, busy, load, save }
}
