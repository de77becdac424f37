import { Popup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { ComponentType } from 'react'
import type { ActionView, MediationActInput, MediationView } from '../../contracts/api'
import type { FormFieldName } from '../../core/command'
import type { Failure } from '../../core/outcome'
import { medActionTone, submitText } from '../../utils/mediation/moves'
import SheetFoot from '../StaffActSheet/SheetFoot'
import AnswerField from './AnswerField'
import ChoiceField from './ChoiceField'
import type { FieldProps } from './fieldProps'
import MediatorField from './MediatorField'
import RatingField from './RatingField'
import SessionFields from './SessionFields'
import SessionPickField from './SessionPickField'
import TermsField from './TermsField'
import TextField from './TextField'
import { useActSheet } from './useActSheet'
import '../MediationKit/kit.css'
import '../StaffActSheet/sheet.css'
import './index.css'

interface Props {
  c: MediationView
  /** The move being filled in; null closes the sheet. */
  action: ActionView | null
  onClose: () => void
  /** Sends mediation.act; answers the failure to show, or null when done (the page closes the sheet). */
  onSubmit: (input: MediationActInput) => Promise<Failure | null>
}

/** How each declared field (core/command FormField) is filled in; a move's form is its fields in order. */
const WIDGETS: Partial<Record<FormFieldName, ComponentType<FieldProps>>> = {
  note: TextField,
  comment: TextField,
  assignee: MediatorField,
  session: SessionFields,
  sessionId: SessionPickField,
  terms: TermsField,
  referral: ChoiceField,
  answer: AnswerField,
  rating: RatingField,
}

/** The bottom sheet for a mediation move that needs more than a tap, drawn from the move's declared form. */
export default function MediationActSheet(props: Props) {
  return (
    <Popup visible={props.action !== null} position='bottom' round closeable destroyOnClose title={props.action?.label ?? ''} onClose={props.onClose} className='jf-med-popup'>
      {props.action && <SheetBody key={props.action.action} {...props} action={props.action} />}
    </Popup>
  )
}

function SheetBody({ c, action, onSubmit }: Props & { action: ActionView }) {
  const { form, errors, formError, busy, set, setAt, submit } = useActSheet(c, action, onSubmit)
  return (
    <View className='jf-med-sheet' id='jf-med-sheet' data-action={action.action}>
      {(action.form ?? []).map((field) => {
        const Widget = WIDGETS[field.name]
        return Widget && <Widget key={field.name} c={c} field={field} form={form} errors={errors} set={set} setAt={setAt} />
      })}
      <SheetFoot prefix='jf-med-act' formError={formError} busy={busy} danger={medActionTone(action.action) === 'danger'} label={submitText(action)} onSubmit={() => void submit()} />
    </View>
  )
}
