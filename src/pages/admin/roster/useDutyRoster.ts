import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { HelpShift, RosterView } from '../../../contracts/help'

type Entry = { userId: string; shifts: HelpShift[] }
export type Notice = { ok: boolean; text: string } | null

/**
 * One community's 一键求助 duty roster as a draft: who is on it with which shifts, edited here and
 * saved whole (help.saveRoster); the server names a refusal, shown as the notice.
 */
export function useDutyRoster() {
  const [communities, setCommunities] = useState<Array<{ code: string; name: string }>>([])
  const [code, setCode] = useState('')
  const [roster, setRoster] = useState<RosterView | null>(null)
  const [draft, setDraft] = useState<Entry[]>([])
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void (async () => {
      const r = await api.call('admin.units', {})
      if (!r.ok) return setNotice({ ok: false, text: r.message })
      const list = r.units.filter((u) => u.level === 'community').map((u) => ({ code: u.code, name: u.name }))
      setCommunities(list)
      if (list[0]) setCode(list[0].code)
    })()
  }, [])

  const load = async (c: string) => {
    if (!c) return
    setNotice(null)
    const r = await api.call('help.roster', { communityCode: c })
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setRoster(r.roster)
    setDraft(r.roster.entries.map((e) => ({ userId: e.userId, shifts: e.shifts })))
  }

  useEffect(() => {
    void load(code)
  }, [code])

  const addShift = (userId: string, shift: HelpShift) =>
    setDraft((d) => (d.some((e) => e.userId === userId) ? d.map((e) => (e.userId === userId ? { ...e, shifts: [...e.shifts, shift] } : e)) : [...d, { userId, shifts: [shift] }]))
  const removeShift = (userId: string, i: number) => setDraft((d) => d.map((e) => (e.userId === userId ? { ...e, shifts: e.shifts.filter((_, j) => j !== i) } : e)).filter((e) => e.shifts.length > 0))

  const save = async () => {
    if (busy || !code) return
    setBusy(true)
    const r = await api.call('help.saveRoster', { communityCode: code, entries: draft })
    setBusy(false)
    if (!r.ok) return setNotice({ ok: false, text: r.message })
    setRoster(r.roster)
    setDraft(r.roster.entries.map((e) => ({ userId: e.userId, shifts: e.shifts })))
    setNotice({ ok: true, text: '值班表已保存' })
  }

  const dirty = roster !== null && JSON.stringify(draft) !== JSON.stringify(roster.entries.map((e) => ({ userId: e.userId, shifts: e.shifts })))
  return { communities, code, setCode, roster, draft, notice, setNotice, busy, dirty, addShift, removeShift, save, reload: () => load(code) }
}
