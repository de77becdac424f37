import { Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import ReportFields, { SubmitBar, useReportForm } from '../../../components/ReportFields'
import { normalizePhone, proxyFieldOf, validateProxy, type ProxyErrors } from '../../../components/StaffKit/logic'
import { randomId } from '../../../utils/id'
import { errorsFromDetails, toLocation, validateDraft, type DraftErrors, type ReportDraft } from '../../../utils/report-draft'
// The resident's form styles, reused as they are so both forms ask the same questions the same way.
import '../../report/new/index.css'
import './index.css'
import { PERSON_NAME_MAX } from '../../../contracts/limits'

type ProxyFields = { proxyName: string; proxyPhone: string }
type Errors = DraftErrors & ProxyErrors

/** 代办上报: a grid worker files a report for a resident without a phone, naming that resident. */
export default function ProxyReport() {
  const { fields, set, errors, setErrors, photos, categories, fieldProps } = useReportForm<ProxyFields, Errors>({
    extra: { proxyName: '', proxyPhone: '' },
  })
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not file the resident's case twice.
  const idempotencyKey = useRef(randomId(26))

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const draft: ReportDraft = { ...fields, photos }
    const found: Errors = {
      ...validateProxy({ name: fields.proxyName, phone: fields.proxyPhone }),
      ...validateDraft(draft, categories ?? []),
    }
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found)[0] as string, icon: 'none' })
      return
    }
    setSubmitting(true)
    const r = await api.call('cases.proxySubmit', {
      idempotencyKey: idempotencyKey.current,
      category: fields.category,
      description: fields.description.trim(),
      photos: photos.map((p) => p.fileId as string),
      location: toLocation(draft),
      anonymous: fields.anonymous,
      proxy: { name: fields.proxyName.trim(), phone: normalizePhone(fields.proxyPhone) },
    })
    setSubmitting(false)
    if (r.ok) {
      void Taro.showToast({ title: '代办上报成功', icon: 'success', duration: 1200 })
      // Replace the form so "back" from the case does not land on a sent draft.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/staff/case/index?id=${encodeURIComponent(r.case.id)}` }), 800)
      return
    }
    // The draft and its key stay as they are, so the next tap is a safe retry.
    const fromServer: Errors = errorsFromDetails(r.details)
    for (const [k, v] of Object.entries(r.details ?? {})) {
      const f = proxyFieldOf(k)
      if (f && !fromServer[f]) fromServer[f] = v
    }
    setErrors(fromServer)
    const text = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
    setFormError(text)
    void Taro.showToast({ title: text, icon: 'none' })
  }

  return (
    <View className='jf-page jf-report-new jf-proxy'>
      <View className='jf-proxy-banner'>
        <Text className='jf-proxy-banner-title'>为居民代办上报</Text>
        <Text className='jf-proxy-banner-sub'>适用于没有智能手机的居民，办理结果将电话告知居民</Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>居民信息</Text>
        <Text className='jf-proxy-label jf-required'>居民姓名</Text>
        <View id='jf-proxy-name' className='jf-address'>
          <Input value={fields.proxyName} onChange={(v) => set('proxyName', v)} placeholder='请填写居民姓名' maxLength={PERSON_NAME_MAX} />
        </View>
        <FieldError field='proxyName' message={errors.proxyName} />
        <Text className='jf-proxy-label jf-required'>联系电话</Text>
        <View id='jf-proxy-phone' className='jf-address'>
          <Input
            value={fields.proxyPhone}
            onChange={(v) => set('proxyPhone', v)}
            placeholder='手机号或固定电话，如 020-87700000'
            maxLength={20}
            type='text'
          />
        </View>
        <FieldError field='proxyPhone' message={errors.proxyPhone} />
      </View>

      <ReportFields
        {...fieldProps}
        descriptionPlaceholder='请记录居民反映的情况，如：时间、现象、影响（至少 5 个字）'
        anonymousHint='处置人员看不到居民的身份'
      />

      <SubmitBar formError={formError} submitting={submitting} label='提交代办' onSubmit={() => void submit()} />
    </View>
  )
}
