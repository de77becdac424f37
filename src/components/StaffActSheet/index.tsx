import { Input, Popup, Radio, Rate } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ActInput, ActionView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import FieldError from '../FieldError'
import PhotoPicker from '../PhotoPicker'
import StaffAssigneePicker from '../StaffAssigneePicker'
import NoteField from './NoteField'
import SheetFoot from './SheetFoot'
import { useActForm } from './useActForm'
import { MAX_PHOTOS } from '../../contracts/limits'
import './sheet.css'
import './index.css'

interface Props {
  caseRef: { id: string; version: number }
  /** The move being filled in; null closes the sheet. */
  action: ActionView | null
  /** The label the page shows for it (上报街道 for a grid worker's escalation). */
  label: string
  onClose: () => void
  /** Sends cases.act; answers the failure to show, or null when done (the page closes the sheet). */
  onSubmit: (input: ActInput) => Promise<Failure | null>
}

/** The bottom sheet for a move that needs more than a tap: note, after-photos, assignee, target, rating, 回访结果. */
export default function StaffActSheet(props: Props) {
  return (
    <Popup
      visible={props.action !== null}
      position='bottom'
      round
      closeable
      destroyOnClose
      title={props.label}
      onClose={props.onClose}
      className='jf-act-popup'
    >
      {props.action && <ActFormBody key={props.action.action} {...props} action={props.action} />}
    </Popup>
  )
}

function ActFormBody({ caseRef, action, label, onSubmit }: Props & { action: ActionView }) {
  const { form, set, errors, formError, busy, needs, note, submit, photos } = useActForm(caseRef, action, onSubmit)
  return (
    <View className='jf-act-sheet' id='jf-act-sheet' data-action={action.action}>
      {needs.has('assignee') && (
        <View className='jf-act-field'>
          <Text className='jf-act-label jf-required'>分派给</Text>
          <StaffAssigneePicker value={form.assignee} onChange={(a) => set('assignee', a)} />
          <FieldError field='assignee' message={errors.assignee} />
        </View>
      )}

      {needs.has('target') && (
        <View className='jf-act-field'>
          <Text className='jf-act-label jf-required'>合并到事项编号</Text>
          <View id='jf-act-target' className='jf-act-input'>
            <Input
              value={form.targetCaseId}
              onChange={(v) => set('targetCaseId', v)}
              placeholder='请输入重复事项所合并到的事项编号'
              maxLength={40}
              clearable
            />
          </View>
          <FieldError field='target' message={errors.target} />
        </View>
      )}

      {needs.has('rating') && (
        <View className='jf-act-field' id='jf-act-rating'>
          <Text className='jf-act-label jf-required'>评价</Text>
          <Rate value={form.rating} onChange={(v) => set('rating', v)} />
          <FieldError field='rating' message={errors.rating} />
        </View>
      )}

      {needs.has('satisfaction') && (
        <View className='jf-act-field' id='jf-act-satisfaction'>
          <Text className='jf-act-label jf-required'>回访结果</Text>
          <Radio.Group value={form.satisfaction} direction='horizontal' shape='button' onChange={(v) => set('satisfaction', String(v))}>
            {(action.form?.find((f) => f.name === 'satisfaction')?.choices ?? []).map((o) => (
              <Radio key={o.code} value={o.code} className={`jf-act-sat jf-act-sat-${o.code}`}>
                {o.label}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError field='satisfaction' message={errors.satisfaction} />
        </View>
      )}

      {needs.has('note') && (
        <NoteField action={action.action} note={note} value={form.note} visibility={form.noteVisibility} error={errors.note} set={set} />
      )}

      {needs.has('attachments') && (
        <View className='jf-act-field'>
          <Text className={`jf-act-label ${action.action === 'resolve' ? 'jf-required' : ''}`}>
            {action.action === 'resolve' ? '处置后照片' : '附件照片'}
          </Text>
          <View id='jf-act-photos' className='jf-act-photos'>
            <PhotoPicker photos={photos.photos} max={MAX_PHOTOS} onAdd={photos.add} onRemove={photos.remove} onRetry={photos.retry} />
          </View>
          <FieldError field='attachments' message={errors.attachments} />
        </View>
      )}

      <SheetFoot prefix='jf-act' formError={formError} busy={busy} danger={action.action === 'reject'} label={`确认${label}`} onSubmit={() => void submit()} />
    </View>
  )
}
