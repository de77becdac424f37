import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../api'
import FieldError from '../FieldError'
import { DOC_TYPES } from '../../utils/rental/labels'
import { buildMisuse, emptyMisuse, MISUSE_RECEIVED, misuseErrors, type MisuseDraft, type MisuseErrors } from '../../utils/rental/misuse'
import { typedDocNumber } from '../../utils/rental/checkin'
import { randomId } from '../../utils/id'
import { a11y } from '../../utils/a11y'
import '../RentalKit/kit.css'
import TextBox, { LimitedTextArea } from '../TextBox'
import { MISUSE_NOTE_MAX } from '../../contracts/limits'

interface Props {
  visible: boolean
  /** The building whose QR was scanned: the dispute goes to the police of its area. */
  buildingCode: string
  onClose: () => void
}

/** 有人冒用我的证件？ A document's owner reports that someone registered with it. */
export default function RentalMisuseSheet(props: Props) {
  return (
    <Popup visible={props.visible} position='bottom' round destroyOnClose title='有人冒用我的证件' onClose={props.onClose} className='jf-rental-popup'>
      {props.visible && <Body {...props} />}
    </Popup>
  )
}

function Body({ buildingCode, onClose }: Props) {
  const [draft, setDraft] = useState<MisuseDraft>(emptyMisuse)
  const [errors, setErrors] = useState<MisuseErrors>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ docNumberMasked: string } | null>(null)
  // One key per form: a retry after a lost answer is the same report.
  const [key] = useState(() => randomId())

  const set = <K extends keyof MisuseDraft>(k: K, v: MisuseDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
    setFailure('')
  }

  const submit = async () => {
    if (busy) return
    const e = misuseErrors(draft)
    setErrors(e)
    if (e.docNumber || e.note) return
    setBusy(true)
    const r = await api.call('rental.reportMisuse', buildMisuse(draft, buildingCode, key))
    setBusy(false)
    if (!r.ok) {
      setErrors({ docNumber: r.details?.docNumber, note: r.details?.note })
      return setFailure(r.details?.docNumber || r.details?.note ? '' : r.message)
    }
    setDone({ docNumberMasked: r.dispute.docNumberMasked })
  }

  if (done)
    return (
      <View className='jf-rental-sheet' id='jf-misuse-done'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>{MISUSE_RECEIVED}</Text>
        <Text className='jf-rental-row-sub'>
          证件号码 <Text className='jf-rental-doc'>{done.docNumberMasked}</Text>
        </Text>
        <Text className='jf-muted jf-rental-sheet-hint'>如情况紧急，请直接拨打 110 或到辖区派出所报案。</Text>
        <View className='jf-rental-sheet-actions'>
          <Button id='jf-misuse-close' size='small' type='primary' onClick={onClose}>
            知道了
          </Button>
        </View>
      </View>
    )

  return (
    <View className='jf-rental-sheet' id='jf-misuse-form'>
      <Text className='jf-muted jf-rental-sheet-hint'>如果有人用您的证件在本楼栋或别处登记，请填写下面的信息，社区民警会核实处理。您的证件号码加密保存，不会告诉任何人。</Text>
      <View className='jf-rental-chips' id='jf-misuse-doctypes'>
        {DOC_TYPES.map((t) => (
          <View key={t.key} className={`jf-rental-chip ${draft.docType === t.key ? 'is-active' : ''}`} data-doc-type={t.key} {...a11y('radio', { checked: draft.docType === t.key })} onClick={() => set('docType', t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <TextBox id='jf-misuse-doc' className='jf-rental-input' value={draft.docNumber} onChange={(v) => set('docNumber', typedDocNumber(v))} placeholder='您本人的证件号码' maxLength={20} field='docNumber' error={errors.docNumber} />
      <View className='jf-rental-reason' id='jf-misuse-note'>
        <LimitedTextArea value={draft.note} onChange={(v) => set('note', v)} placeholder='如：我从未在此登记，发现有人用我的身份证号登记入住' maxLength={MISUSE_NOTE_MAX} rows={3} />
      </View>
      <FieldError field='note' message={errors.note || failure} />
      <View className='jf-rental-sheet-actions'>
        <Button size='small' fill='outline' onClick={onClose}>
          取消
        </Button>
        <Button id='jf-misuse-submit' size='small' type='primary' loading={busy} onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </View>
  )
}
