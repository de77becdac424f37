import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import type { ApiMap } from '../../../contracts/api'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { randomId } from '../../../utils/id'
import { limitText } from '../../../utils/textLimit'
import {
  emptyIntakeDraft,
  FACTS_MAX,
  intakeErrorsFromDetails,
  MAX_PARTIES,
  shiftPartyErrors,
  toFromReportInput,
  toIntakeInput,
  validateIntake,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeMode,
} from '../../../utils/mediation/intake'

type Options = ApiMap['mediation.intakeOptions']['out']
export type IntakeDone = ApiMap['mediation.intake']['out']
/** The 网格事件 being turned into mediation, as the form shows it. */
export interface SourceReport {
  id: string
  version: number
  number: string | null
  categoryName: string
  gridName: string
}

/**
 * 录入纠纷 (`?` nothing) or 转为调解 of a 网格事件 (`?report=<id>`): the choices from the server, the
 * draft (prefilled from the report: the reporter as the first party, its description as the facts),
 * checks, and one idempotent submit answering every party's invitation code.
 */
export function useIntake() {
  const { params } = useRouter()
  const reportId = params.report ? decodeURIComponent(params.report) : ''
  const mode: IntakeMode = reportId ? 'report' : 'intake'
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyIntakeDraft([randomId(8), randomId(8)]))
  const { photos, add, remove, retry } = usePhotoUploads()
  const [options, setOptions] = useState<Options | null>(null)
  const [report, setReport] = useState<SourceReport | null>(null)
  const [loadError, setLoadError] = useState('')
  const [retryable, setRetryable] = useState(false)
  const [errors, setErrors] = useState<IntakeErrors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState<IntakeDone | null>(null)
  // One key per draft: tapping 提交 again after a failure must not open a second case.
  const idempotencyKey = useRef(randomId(26))

  const load = useCallback(async () => {
    setLoadError('')
    const r = await api.call('mediation.intakeOptions', {})
    if (!r.ok) {
      setLoadError(r.message)
      setRetryable(r.retryable === true)
      return
    }
    if (reportId) {
      const c = await api.call('cases.get', { id: reportId })
      if (!c.ok) {
        setLoadError(c.message)
        setRetryable(c.retryable === true)
        return
      }
      // Said before anything is typed: the server would refuse the same at 提交.
      const refusal = c.case.convertedTo ? `该事项已转为${c.case.convertedTo.text}` : !c.case.mediable ? `「${c.case.categoryName}」类事项不能转为调解` : c.case.anonymous ? '匿名上报的事项不能转为调解：调解需要当事人实名参加' : ''
      if (refusal) {
        setLoadError(refusal)
        setRetryable(false)
        return
      }
      setReport({ id: c.case.id, version: c.case.version, number: c.case.number, categoryName: c.case.categoryName, gridName: c.case.gridName })
      const who = c.case.reporter && !c.case.reporter.proxy ? c.case.reporter : null
      const proxied = c.case.reporter?.proxy ? c.case.reporter : null
      const first = who ?? proxied
      setDraft((d) => ({
        ...d,
        parties: d.parties.map((p, i) => (i === 0 && first ? { ...p, name: first.name, phone: first.phone ?? '' } : p)),
        facts: d.facts || limitText(c.case.description, FACTS_MAX).text,
      }))
    }
    setOptions(r)
    setDraft((d) => (d.placeCode || r.places.length !== 1 ? d : { ...d, placeCode: r.places[0]!.code }))
  }, [reportId])

  useEffect(() => {
    void load()
  }, [load])

  const clear = (...keys: string[]) => {
    if (keys.some((k) => errors[k])) setErrors((e) => ({ ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) }))
    if (formError) setFormError('')
  }

  const set = <K extends keyof IntakeDraft>(k: K, v: IntakeDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    clear(k)
  }

  const setParty = (i: number, field: 'name' | 'phone', v: string) => {
    setDraft((d) => ({ ...d, parties: d.parties.map((p, j) => (j === i ? { ...p, [field]: v } : p)) }))
    clear(`parties.${i}.${field}`, 'parties')
  }

  const addParty = () => {
    if (draft.parties.length >= MAX_PARTIES) return
    setDraft((d) => ({ ...d, parties: [...d.parties, { key: randomId(8), name: '', phone: '' }] }))
  }

  const removeParty = (i: number) => {
    setDraft((d) => ({ ...d, parties: d.parties.filter((_, j) => j !== i) }))
    setErrors((e) => shiftPartyErrors(e, i))
  }

  const refNeeded = Boolean(options?.sources.find((s) => s.code === draft.source)?.refLabel)

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const found = validateIntake(draft, mode, refNeeded)
    if (photos.some((p) => p.state === 'uploading')) found.evidence = '证据照片还在上传，请稍候'
    else if (photos.some((p) => p.state === 'failed')) found.evidence = '有照片上传失败，请重试或删除'
    const first = Object.values(found).find(Boolean)
    if (first) {
      setErrors(found)
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    setSubmitting(true)
    const r =
      mode === 'report' && report
        ? await api.call('mediation.fromReport', toFromReportInput(draft, idempotencyKey.current, report))
        : await api.call('mediation.intake', toIntakeInput(draft, idempotencyKey.current, photos.map((p) => p.fileId as string)))
    setSubmitting(false)
    if (r.ok) {
      setDone(r)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
      return
    }
    // The draft and its key stay, so the next tap is a safe retry.
    setErrors(intakeErrorsFromDetails(r.details, mode))
    setFormError(r.message)
    void Taro.showToast({ title: r.message, icon: 'none' })
  }

  return { mode, draft, options, report, loadError, retryable, load, errors, formError, submitting, done, photos, add, remove, retry, refNeeded, set, setParty, addParty, removeParty, submit }
}

export type IntakeState = ReturnType<typeof useIntake>
