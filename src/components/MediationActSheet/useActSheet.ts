import { useState } from 'react'
import type { ActionView, MediationActInput, MediationView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import {
  buildMedActInput,
  emptyMedActForm,
  medActErrorsFromDetails,
  validateMedAct,
  type MedActErrors,
  type MedActForm,
} from '../../utils/mediation/actForm'

/** The form a move opens with: redrafting starts from the current terms, a record from the open session. */
function initialForm(c: MediationView, a: string): MedActForm {
  const f = emptyMedActForm()
  // Redrafting starts from the current text: the mediator usually changes one term.
  if (a === 'draft_agreement' && c.agreement?.terms.length) f.terms = [...c.agreement.terms]
  if (a === 'record_session') {
    const open = [...c.sessions].reverse().find((s) => !s.notes) ?? c.sessions[c.sessions.length - 1]
    if (open) f.sessionId = open.id
  }
  if (a === 'schedule') f.sessionMode = c.preferredWay
  return f
}

/** Which error a form key clears when it is edited. */
function errorOf(k: keyof MedActForm): keyof MedActErrors | null {
  if (k === 'sessionDate' || k === 'sessionTime') return 'at'
  if (k === 'sessionPlace') return 'place'
  if (k === 'comment' || k === 'sessionMode') return null
  return k as keyof MedActErrors
}

export type SetField = <K extends keyof MedActForm>(k: K, v: MedActForm[K]) => void

/** The state of one move's sheet: the form, its errors, and the send through the page's onSubmit. */
export function useActSheet(c: MediationView, action: ActionView, onSubmit: (input: MediationActInput) => Promise<Failure | null>) {
  const a = action.action
  const [form, setForm] = useState<MedActForm>(() => initialForm(c, a))
  const [errors, setErrors] = useState<MedActErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)

  const set: SetField = (k, v) => {
    setForm((f) => ({ ...f, [k]: v }))
    setFormError('')
    const field = errorOf(k)
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  /** The H5 datetime input sets date and time at once. */
  const setAt = (date: string, time: string) => {
    setForm((f) => ({ ...f, sessionDate: date, sessionTime: time }))
    setErrors((x) => ({ ...x, at: undefined }))
  }

  const submit = async () => {
    if (busy) return
    const found = validateMedAct(a, form)
    if (Object.keys(found).length) {
      setErrors(found)
      setFormError(Object.values(found)[0] as string)
      return
    }
    setBusy(true)
    setFormError('')
    const failure = await onSubmit(buildMedActInput(c, a, form))
    setBusy(false)
    if (!failure) return
    setErrors(medActErrorsFromDetails(failure.details, failure.message))
    setFormError(failure.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : failure.message)
  }

  return { form, errors, formError, busy, set, setAt, submit }
}
