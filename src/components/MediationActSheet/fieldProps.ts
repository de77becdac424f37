import type { MediationView } from '../../contracts/api'
import type { FormField } from '../../core/command'
import type { MedActErrors, MedActForm } from '../../utils/mediation/actForm'
import type { SetField } from './useActSheet'

/** What every field of a move's form gets from the sheet: its declaration and the form's state. */
export interface FieldProps {
  c: MediationView
  field: FormField
  form: MedActForm
  errors: MedActErrors
  set: SetField
  setAt: (date: string, time: string) => void
}
