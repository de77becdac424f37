import { useState } from 'react'
import type { ActionView, MediationActInput, MediationView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import {
  buildMedActInput,
  initialMedActForm,
  medActErrorsFromDetails,
  validateMedAct,
  type MedActErrors,
  type MedActForm,
} from '../../utils/mediation/actForm'

/** Which error a form key clears when it is edited. */
function errorOf(k: keyof MedActForm): keyof MedActErrors | null {
  if (k === 'sessionDate' || k === 'sessionTime') return 'at'
  if (k === 'sessionPlace') return 'place'
  if (k === 'sessionMode') return null
  return k as keyof MedActErrors
}

export type SetField = <K extends keyof MedActForm>(k: K, v: MedActForm[K]) => void

/** The state of one move's sheet: the form its declaration asks for, its errors, and the send through the page's onSubmit. */
export function useActSheet(c: MediationView, action: ActionView, onSubmit: (input: MediationActInput) => Promise<Failure | null>) {
  const [form, setForm] = useState<MedActForm>(() => initialMedActForm(c, action))
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
    const found = validateMedAct(action, form)
    if (Object.keys(found).length) {
      // Each complaint under its own field, once.
      setErrors(found)
      return
    }
    setBusy(true)
    setFormError('')
    const failure = await onSubmit(buildMedActInput(c, action, form))
    setBusy(false)
    if (!failure) return
    const fields = medActErrorsFromDetails(failure.details, failure.message)
    setErrors(fields)
    // A complaint about a field shows under that field, once; the foot says only what no field holds.
    setFormError(Object.keys(fields).length ? '' : failure.message)
  }

  return { form, errors, formError, busy, set, setAt, submit }
}
