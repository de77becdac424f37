import type { MediationView } from '../../contracts/api'
import type { MedActErrors, MedActForm, MedActSpec } from '../../utils/mediation/actForm'
import type { SetField } from './useActSheet'

/** What every block of a move's form gets from the sheet. */
export interface FieldProps {
  c: MediationView
  action: string
  spec: MedActSpec
  form: MedActForm
  errors: MedActErrors
  set: SetField
  setAt: (date: string, time: string) => void
}
