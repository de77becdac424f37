import { Button, Popup, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import FieldError from '../FieldError'
import '../RentalKit/kit.css'
import './index.css'
import { REASON_MAX } from '../../contracts/limits'
import { AUDIT_PURPOSES, AUDIT_PURPOSE_LABELS, type AuditPurpose } from '../../core/auditReason'

interface Props {
  /** The sheet's title; null closes it. */
  title: string | null
  hint: string
  placeholder: string
  confirmText: string
  /** Checks the reason before sending: '' when fine. */
  check: (reason: string) => string
  /** An audited read: the purpose is chosen from the list first (办理案件, 治安检查 …), then the sentence. */
  purposes?: boolean
  /** Sends it; answers the message to show, or '' when done (the page closes the sheet). */
  onSubmit: (reason: string, purpose?: AuditPurpose) => Promise<string>
  onClose: () => void
}

/** The bottom sheet that asks why: refusing a check-in, revealing a number, exporting the area. */
export default function RentalReasonSheet(props: Props) {
  return (
    <Popup visible={props.title !== null} position='bottom' round destroyOnClose title={props.title ?? ''} onClose={props.onClose} className='jf-rental-popup'>
      {props.title !== null && <Body {...props} />}
    </Popup>
  )
}

function Body({ hint, placeholder, confirmText, check, purposes, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState('')
  const [purpose, setPurpose] = useState<AuditPurpose | ''>('')
  const [error, setError] = useState('')
  const [purposeError, setPurposeError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const p = purposes && !purpose ? '请选择查看事由' : ''
    const e = check(reason)
    setPurposeError(p)
    setError(e)
    if (e || p) return
    setBusy(true)
    const m = await onSubmit(reason.trim(), purpose || undefined)
    setBusy(false)
    setError(m)
  }

  return (
    <View className='jf-rental-sheet' id='jf-rental-reason-sheet'>
      <Text className='jf-muted jf-rental-sheet-hint'>{hint}</Text>
      {purposes && (
        <View className='jf-rental-purpose' id='jf-rental-purpose'>
          <Radio.Group value={purpose} direction='horizontal' shape='button' onChange={(v) => (setPurpose(v as AuditPurpose), setPurposeError(''))}>
            {AUDIT_PURPOSES.map((p) => (
              <Radio key={p} value={p} className={`jf-rental-purpose-item jf-rental-purpose-${p}`}>
                {AUDIT_PURPOSE_LABELS[p]}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError field='purpose' message={purposeError} />
        </View>
      )}
      <View className='jf-rental-reason' id='jf-rental-reason'>
        <TextArea value={reason} onChange={(v) => (setReason(v), error && setError(''))} placeholder={placeholder} maxLength={REASON_MAX} rows={3} />
      </View>
      <FieldError field='reason' message={error} />
      <View className='jf-rental-sheet-actions'>
        <Button size='small' fill='outline' onClick={onClose}>
          取消
        </Button>
        <Button id='jf-rental-reason-ok' size='small' type='primary' loading={busy} onClick={() => void submit()}>
          {confirmText}
        </Button>
      </View>
    </View>
  )
}
