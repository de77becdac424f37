import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import { MAX_RESPONDENTS, applyErrorsFromDetails, emptyApplyDraft, shiftRespondentErrors, toApplyInput, validateApply, type ApplyDraft, type ApplyErrors } from '../../../utils/mediation/apply'
import type { ApiMap, ApplyMediationInput } from '../../../contracts/api'
import type { Failure } from '../../../core/outcome'
import { useConsentGate } from '../../../hooks/useConsentGate'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { randomId } from '../../../utils/id'
import { useVoiceNote } from '../../../components/VoiceNote/useVoiceNote'

type Options = ApiMap['mediation.options']['out']

/**
 * How the form files: the person's own application, or an agent's for a person who is present
 * (代办申请调解, mediation-staff/proxy-apply), which sends it with the declaration and opens it elsewhere.
 */
export interface ApplyFiling {
  /** The person's own: asks for their subscribe consent at the tap. */
  own: boolean
  /** What still stops the send (the declaration unticked), shown under the `declaration` field. */
  check?: () => string | null
  send(input: ApplyMediationInput): Promise<{ ok: true; caseId: string } | Failure>
  /** Where the filed case opens. */
  opened(caseId: string): string
}

const OWN: ApplyFiling = {
  own: true,
  async send(input) {
    const r = await api.call('mediation.apply', input)
    return r.ok ? { ok: true, caseId: r.case.id } : r
  },
  opened: (id) => `/pages/mediation/detail/index?id=${encodeURIComponent(id)}&created=1`,
}

/** The 申请调解 form: options from the server, the draft and its photos, checks, and one idempotent submit. */
export function useMediationApply(filing: ApplyFiling = OWN) {
  const [draft, setDraft] = useState<ApplyDraft>(() => emptyApplyDraft(randomId(8)))
  const { photos, add, remove, retry } = usePhotoUploads()
  const [options, setOptions] = useState<Options | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<ApplyErrors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const consent = useConsentGate()
  const voice = useVoiceNote()
  // One key per draft: tapping 提交 again after a failure must not file a second application.
  const idempotencyKey = useRef(randomId(26))

  const loadOptions = useCallback(async () => {
    setLoadError('')
    const r = await api.call('mediation.options', {})
    if (!r.ok) {
      setLoadError(r.message)
      return
    }
    setOptions(r)
    // Most people apply to their own street, which the server lists first.
    setDraft((d) => (d.streetCode || !r.streets.length ? d : { ...d, streetCode: r.streets[0]!.code }))
  }, [])

  useEffect(() => {
    void loadOptions()
    void preloadTemplates()
  }, [loadOptions])

  const clear = (...keys: string[]) => {
    if (keys.some((k) => errors[k])) setErrors((e) => ({ ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) }))
    if (formError) setFormError('')
  }

  const set = <K extends keyof ApplyDraft>(k: K, v: ApplyDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    clear(k)
  }

  const setParty = (i: number, field: 'name' | 'phone', v: string) => {
    setDraft((d) => ({ ...d, respondents: d.respondents.map((r, j) => (j === i ? { ...r, [field]: v } : r)) }))
    clear(`respondents.${i}.${field}`, 'respondents')
  }

  const addParty = () => {
    if (draft.respondents.length >= MAX_RESPONDENTS) return
    setDraft((d) => ({ ...d, respondents: [...d.respondents, { key: randomId(8), name: '', phone: '' }] }))
  }

  const removeParty = (i: number) => {
    setDraft((d) => ({ ...d, respondents: d.respondents.filter((_, j) => j !== i) }))
    setErrors((e) => shiftRespondentErrors(e, i))
  }

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const found = validateApply(draft, {
      uploading: photos.filter((p) => p.state === 'uploading').length,
      failed: photos.filter((p) => p.state === 'failed').length,
      voice: voice.voice.phase !== 'none',
    })
    if (voice.uploading) found.voice = '语音正在上传，请稍候'
    else if (voice.voice.phase === 'failed') found.voice = '语音上传失败，请删除后重新录制'
    const held = filing.check?.()
    if (held) found.declaration = held
    const firstError = Object.values(found).find(Boolean)
    if (firstError) {
      setErrors(found)
      void Taro.showToast({ title: firstError, icon: 'none' })
      return
    }
    // At the tap, before anything else can end the gesture WeChat's dialog needs.
    if (filing.own) await askSubscribeConsent(['mediation'])
    // The names and phones of the parties are personal data: the privacy notice first (once).
    if (!(await consent.ensure())) return
    setSubmitting(true)
    const r = await filing.send(toApplyInput(draft, idempotencyKey.current, photos.map((p) => p.fileId as string), voice.fileId))
    if (r.ok) {
      void Taro.showToast({ title: filing.own ? '申请已提交' : '代办申请已提交', icon: 'success', duration: 1000 })
      // Replace the form, so "back" from the case does not land on a sent application.
      setTimeout(() => void Taro.redirectTo({ url: filing.opened(r.caseId) }), 700)
      return
    }
    setSubmitting(false)
    // The draft and its key stay, so the next tap is a safe retry.
    const msg = r.message
    setErrors(applyErrorsFromDetails(r.details))
    setFormError(msg)
    void Taro.showToast({ title: msg, icon: 'none' })
  }

  return { draft, photos, add, remove, retry, voice: voice.props, options, loadError, errors, formError, submitting, loadOptions, set, setParty, addParty, removeParty, submit, consent }
}

export type MediationApplyState = ReturnType<typeof useMediationApply>
