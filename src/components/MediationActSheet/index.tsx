import { Button, Popup, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ComponentType } from 'react'
import type { ActionView, MediationActInput, MediationView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import { medActSpec, type MedActField } from '../../utils/mediation/actForm'
import FieldError from '../FieldError'
import type { FieldProps } from './fieldProps'
import MediatorField from './MediatorField'
import RatingField from './RatingField'
import ReferralField from './ReferralField'
import SessionFields from './SessionFields'
import SessionPickField from './SessionPickField'
import TermsField from './TermsField'
import { useActSheet } from './useActSheet'
import '../MediationKit/kit.css'
import '../StaffActSheet/sheet.css'
import './index.css'
import { MEDIATION_NOTE_MAX } from '../../contracts/limits'

interface Props {
  c: MediationView
  /** The move being filled in; null closes the sheet. */
  action: ActionView | null
  onClose: () => void
  /** Sends mediation.act; answers the failure to show, or null when done (the page closes the sheet). */
  onSubmit: (input: MediationActInput) => Promise<Failure | null>
}

/** The block each field of the move table (utils/mediation/actForm) renders as. */
const BLOCKS: Record<MedActField, ComponentType<FieldProps>> = {
  mediator: MediatorField,
  session: SessionFields,
  sessionPick: SessionPickField,
  terms: TermsField,
  referral: ReferralField,
  rating: RatingField,
}

/** The bottom sheet for a mediation move that needs more than a tap; the form follows the action. */
export default function MediationActSheet(props: Props) {
  return (
    <Popup
      visible={props.action !== null}
      position='bottom'
      round
      closeable
      destroyOnClose
      title={props.action?.label ?? ''}
      onClose={props.onClose}
      className='jf-med-popup'
    >
      {props.action && <SheetBody key={props.action.action} {...props} action={props.action} />}
    </Popup>
  )
}

function SheetBody({ c, action, onSubmit }: Props & { action: ActionView }) {
  const a = action.action
  const spec = medActSpec(a)
  const { form, errors, formError, busy, set, setAt, submit } = useActSheet(c, action, onSubmit)
  const fieldProps: FieldProps = { c, action: a, spec, form, errors, set, setAt }

  return (
    <View className='jf-med-sheet' id='jf-med-sheet' data-action={a}>
      {spec.fields.map((f) => {
        const Block = BLOCKS[f]
        return <Block key={f} {...fieldProps} />
      })}

      {spec.note && (
        <View className='jf-med-field'>
          <Text className={`jf-med-label ${spec.note.required ? 'jf-required' : ''}`}>{spec.note.title}</Text>
          <View id='jf-med-note' className='jf-med-note'>
            <TextArea value={form.note} onChange={(v) => set('note', v)} placeholder={spec.note.placeholder} maxLength={MEDIATION_NOTE_MAX} rows={3} />
          </View>
          <FieldError field='note' message={errors.note} />
        </View>
      )}

      {formError && (
        <View className='jf-med-form-error' id='jf-med-act-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-med-sheet-footer'>
        <Button id='jf-med-act-submit' type={spec.danger ? 'danger' : 'primary'} block loading={busy} onClick={() => void submit()}>
          {spec.submitText ?? `确认${action.label}`}
        </Button>
      </View>
    </View>
  )
}
