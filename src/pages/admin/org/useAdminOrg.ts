import { useEffect, useState } from 'react'
import { api } from '../../../api'
import { MAX_GEOJSON_BYTES, readText } from '../../../components/AdminKit/files'
import type { OrgPlanView, UnitListView } from '../../../contracts/admin'

type Files = { geojson: string; units?: string; names: string[] }

/** The org import page: the current units, the chosen GeoJSON files, the plan they make and applying it. */
export function useAdminOrg() {
  const [units, setUnits] = useState<UnitListView[]>([])
  const [loadError, setLoadError] = useState('')
  const [files, setFiles] = useState<Files | null>(null)
  const [plan, setPlan] = useState<OrgPlanView | null>(null)
  const [busy, setBusy] = useState<'' | 'plan' | 'apply'>('')
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)

  const load = async () => {
    const r = await api.call('admin.units', {})
    if (r.ok) {
      setUnits(r.units)
      setLoadError('')
    } else setLoadError(r.message)
  }
  useEffect(() => {
    void load()
  }, [])

  const pick = async (list: FileList | null) => {
    setPlan(null)
    setNotice(null)
    const chosen = Array.from(list ?? [])
    if (chosen.length === 0) return setFiles(null)
    if (chosen.some((f) => f.size > MAX_GEOJSON_BYTES)) return setNotice({ ok: false, text: '单个文件不能超过 4 MB，请按街道分文件导入' })
    const texts = await Promise.all(chosen.slice(0, 2).map(readText))
    setFiles({ geojson: texts[0]!, units: texts[1], names: chosen.slice(0, 2).map((f) => f.name) })
  }

  const preview = async () => {
    if (!files || busy) return
    setBusy('plan')
    setNotice(null)
    const r = await api.call('admin.planOrg', { geojson: files.geojson, ...(files.units ? { units: files.units } : {}) })
    setBusy('')
    if (r.ok) setPlan(r.plan)
    else setNotice({ ok: false, text: r.message })
  }

  const apply = async () => {
    if (!files || !plan || busy) return
    setBusy('apply')
    const r = await api.call('admin.applyOrg', { geojson: files.geojson, ...(files.units ? { units: files.units } : {}), fingerprint: plan.fingerprint })
    setBusy('')
    if (!r.ok) {
      setNotice({ ok: false, text: r.message })
      if (r.code === 'CONFLICT') setPlan(null)
      return
    }
    const p = r.plan
    setNotice({ ok: true, text: `已导入：新增 ${p.added.length}，变更 ${p.changed.length}，删除 ${p.removed.length}` })
    setPlan(null)
    void load()
  }

  const changes = plan ? plan.added.length + plan.changed.length + plan.removed.length : 0
  const grids = units.filter((u) => u.level === 'grid')
  return { units, loadError, files, plan, busy, notice, pick, preview, apply, changes, grids }
}
