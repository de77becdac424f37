import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import Chips from '../../../components/MediationKit/Chips'
import FieldError from '../../../components/FieldError'
import TextBox from '../../../components/TextBox'
import type { CategoryView, ConvertHelpInput, HelpView } from '../../../contracts/api'
import { CLAIMS_MAX, FACTS_MAX, PERSON_NAME_MAX } from '../../../contracts/limits'
import { DISPUTE_TYPES, DISPUTE_TYPE_LABELS, type DisputeType } from '../../../core/kinds/mediationTerms'
import { categoryPath, isSelectableCategory } from '../../../utils/categories'

type Input = Omit<ConvertHelpInput, 'id' | 'version'>

interface Props {
  to: 'mediation' | 'report'
  help: HelpView
  busy: boolean
  errors: Record<string, string>
  onSubmit: (input: Input) => void
  onCancel: () => void
}

/** Which dispute type a request's kind most likely is: the helper may change it. */
const FIRST_TYPE: Record<string, DisputeType> = { neighbour_dispute: 'neighbour', family: 'family' }

const TYPES = DISPUTE_TYPES.map((code) => ({ code, label: DISPUTE_TYPE_LABELS[code] }))

/** A field's complaint, whether the server named it inside the nested object or alone. */
const err = (errors: Record<string, string>, group: string, f: string) => errors[`${group}.${f}`] ?? errors[f] ?? ''

/**
 * 转为调解案件 / 转为网格事件: what the new case needs, filled in from the request (the person as applicant,
 * their words as the facts); the helper completes it on the spot. The request is closed with the link.
 */
export default function ConvertForm({ to, help, busy, errors, onSubmit, onCancel }: Props) {
  const [disputeType, setDisputeType] = useState<DisputeType | ''>(FIRST_TYPE[help.helpKind] ?? '')
  const [applicantName, setApplicantName] = useState(help.person?.name ?? '')
  const [applicantPhone, setApplicantPhone] = useState(help.person?.phone ?? '')
  const [otherName, setOtherName] = useState('')
  const [otherPhone, setOtherPhone] = useState('')
  const [facts, setFacts] = useState(help.text)
  const [claims, setClaims] = useState('')
  const [categories, setCategories] = useState<CategoryView[] | null>(null)
  const [category, setCategory] = useState('')
  const [description, setDescription] = useState(help.text)
  const [localError, setLocalError] = useState('')

  useEffect(() => {
    if (to !== 'report') return
    void api.call('reports.categories', {}).then((r) => setCategories(r.ok ? r.categories : []))
  }, [to])

  const submit = () => {
    setLocalError('')
    if (to === 'mediation') {
      if (!disputeType) return setLocalError('请选择纠纷类型')
      onSubmit({
        to,
        mediation: {
          disputeType,
          applicantName: applicantName.trim(),
          applicantPhone: applicantPhone.trim(),
          respondents: [{ name: otherName.trim(), phone: otherPhone.trim() }],
          facts: facts.trim(),
          claims: claims.trim(),
        },
      })
      return
    }
    if (!category) return setLocalError('请选择事件类别')
    onSubmit({ to, report: { category, description: description.trim() } })
  }

  const leaves = (categories ?? []).filter((c) => isSelectableCategory(categories ?? [], c.code)).map((c) => ({ code: c.code, label: categoryPath(categories ?? [], c.code) }))

  return (
    <View className='jf-card jf-helpc-convert' id='jf-helpc-convert' data-to={to}>
      <Text className='jf-section-title'>{to === 'mediation' ? '转为调解案件' : '转为网格事件'}</Text>
      {to === 'mediation' ? (
        <View className='jf-helpc-form'>
          <Text className='jf-helpc-label jf-required'>纠纷类型</Text>
          <Chips id='jf-helpc-types' className='jf-helpc-chips' chipClass='jf-helpc-type' items={TYPES} value={disputeType} onPick={setDisputeType} />
          <FieldError field='disputeType' message={err(errors, 'mediation', 'disputeType')} />
          <TextBox id='jf-helpc-applicant' label='申请人（求助人）姓名' labelClass='jf-helpc-label' required value={applicantName} onChange={setApplicantName} maxLength={PERSON_NAME_MAX} field='applicantName' error={err(errors, 'mediation', 'applicantName')} />
          <TextBox id='jf-helpc-applicant-phone' label='申请人电话' labelClass='jf-helpc-label' required type='tel' value={applicantPhone} onChange={setApplicantPhone} maxLength={20} field='applicantPhone' error={err(errors, 'mediation', 'applicantPhone')} />
          <TextBox id='jf-helpc-other' label='对方姓名' labelClass='jf-helpc-label' required value={otherName} onChange={setOtherName} maxLength={PERSON_NAME_MAX} field='respondents' error={err(errors, 'mediation', 'respondents.0.name') || err(errors, 'mediation', 'respondents')} />
          <TextBox id='jf-helpc-other-phone' label='对方电话' labelClass='jf-helpc-label' required type='tel' value={otherPhone} onChange={setOtherPhone} maxLength={20} field='respondents.0.phone' error={err(errors, 'mediation', 'respondents.0.phone')} />
          <TextBox id='jf-helpc-facts' label='事实经过' labelClass='jf-helpc-label' required rows={3} value={facts} onChange={setFacts} maxLength={FACTS_MAX} field='facts' error={err(errors, 'mediation', 'facts')} placeholder='至少 10 个字' />
          <TextBox id='jf-helpc-claims' label='请求事项' labelClass='jf-helpc-label' required rows={2} value={claims} onChange={setClaims} maxLength={CLAIMS_MAX} field='claims' error={err(errors, 'mediation', 'claims')} placeholder='求助人希望怎样解决，至少 5 个字' />
        </View>
      ) : (
        <View className='jf-helpc-form'>
          <Text className='jf-helpc-label jf-required'>事件类别</Text>
          {categories === null ? (
            <Text className='jf-muted'>正在加载类别…</Text>
          ) : (
            <Chips id='jf-helpc-categories' className='jf-helpc-chips' chipClass='jf-helpc-category' items={leaves} value={category} onPick={setCategory} />
          )}
          <FieldError field='category' message={err(errors, 'report', 'category')} />
          <TextBox id='jf-helpc-description' label='事件描述' labelClass='jf-helpc-label' required rows={3} value={description} onChange={setDescription} maxLength={500} field='description' error={err(errors, 'report', 'description')} placeholder='至少 5 个字' />
        </View>
      )}
      {localError && <Text className='jf-field-error jf-helpc-local-error'>{localError}</Text>}
      <View className='jf-row jf-helpc-sheet-actions'>
        <Button id='jf-helpc-convert-cancel' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='jf-helpc-convert-submit' type='primary' loading={busy} onClick={submit}>
          确认转办
        </Button>
      </View>
    </View>
  )
}
