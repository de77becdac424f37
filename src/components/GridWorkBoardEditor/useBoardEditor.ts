import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { api } from '../../api'
import type { BoardView, TeamRole } from '../../contracts/api'
import { randomId } from '../../utils/id'
import { boardDraftOf, boardErrorsFromDetails, saveBoardInput, validateBoard, type BoardDraft, type BoardErrors, type TeamRow } from '../../utils/gridwork/board'

export interface Props {
  board: BoardView
  onSaved: (board: BoardView) => void
}

/** The 公示牌 draft being edited: rows and services, checks, and saving it (the server's complaints land on their fields). */
export function useBoardEditor({ board, onSaved }: Props) {
  const [draft, setDraft] = useState<BoardDraft>(() => boardDraftOf(board, () => randomId(8)))
  const [errors, setErrors] = useState<BoardErrors>({})
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  // Saving twice in a row must send what is on screen, not a draft captured by an older render.
  const draftRef = useRef(draft)
  draftRef.current = draft

  const patch = (p: Partial<BoardDraft>, clear: string[] = []) => {
    setDraft((d) => ({ ...d, ...p }))
    if (clear.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))))
  }

  const setRow = (i: number, p: Partial<TeamRow>) => {
    setDraft((d) => ({ ...d, team: d.team.map((t, j) => (j === i ? { ...t, ...p } : t)) }))
    const keys = Object.keys(p).map((k) => `team.${i}.${k}`)
    if (keys.some((k) => errors[k])) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))))
  }

  // Row errors are keyed by index: removing a row would shift them onto the wrong person, so they go.
  const dropTeamErrors = () => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('team'))))

  const addRow = () => {
    // A grid has one 网格长 and one 专职网格员; the "N" after them are mostly volunteers.
    const has = (r: TeamRole) => draft.team.some((t) => t.role === r)
    const role: TeamRole = !has('leader') ? 'leader' : !has('full_time') ? 'full_time' : 'volunteer'
    patch({ team: [...draft.team, { key: randomId(8), role, name: '', phone: '' }] })
    dropTeamErrors()
  }

  const removeRow = (i: number) => {
    patch({ team: draft.team.filter((_, j) => j !== i) })
    dropTeamErrors()
  }

  const setService = (i: number, v: string) => patch({ services: draft.services.map((s, j) => (j === i ? v : s)) }, ['services'])
  const addService = () => patch({ services: [...draft.services, ''] })
  const removeService = (i: number) => {
    const left = draft.services.filter((_, j) => j !== i)
    patch({ services: left.length ? left : [''] }, ['services'])
  }

  const save = async () => {
    if (saving) return
    const d = draftRef.current
    setFormError('')
    const found = validateBoard(d)
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found)[0]!, icon: 'none' })
      return
    }
    setSaving(true)
    const r = await api.call('grid.saveBoard', saveBoardInput(board.grid.code, d))
    setSaving(false)
    if (r.ok) {
      setErrors({})
      setSavedAt(new Date().toISOString())
      onSaved(r.board)
      void Taro.showToast({ title: '公示牌已保存', icon: 'success' })
      return
    }
    setErrors(boardErrorsFromDetails(r.details))
    const text = r.message
    setFormError(text)
    void Taro.showToast({ title: text, icon: 'none' })
  }

  const services = draft.services
  return { draft, errors, formError, saving, savedAt, patch, setRow, addRow, removeRow, setService, addService, removeService, save, services }
}
