import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import { CLAIMS_MAX, FACTS_MAX, MAX_EVIDENCE, MAX_RESPONDENTS, applyErrorsFromDetails, emptyApplyDraft, shiftRespondentErrors, toApplyInput, validateApply, type ApplyDraft, type ApplyErrors } from '../../../utils/mediation/apply'
import PhotoPicker from '../../../components/PhotoPicker'
import type { ApiMap } from '../../../contracts/api'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { randomId } from '../../../utils/id'
import '../../../components/MediationKit/kit.css'
import './index.css'

type Options = ApiMap['mediation.options']['out']

export default function MediationApply() {
  const [draft, setDraft] = useState<ApplyDraft>(() => emptyApplyDraft(randomId(8)))
  const { photos, add, remove, retry } = usePhotoUploads()
  const [options, setOptions] = useState<Options | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<ApplyErrors>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // One key per draft: tapping 提交 again after a failure must not file a second application.
  const idempotencyKey = useRef(randomId(26))

  const loadOptions = useCallback(async () => {
    setLoadError('')
    const r = await api.call('mediation.options', {})
    if (!r.ok) {
      setLoadError(r.message)
      return
    }
    setOptions(r)
    // Most people apply to their own street, which the server lists first.
    setDraft((d) => (d.streetCode || !r.streets.length ? d : { ...d, streetCode: r.streets[0]!.code }))
  }, [])

  useEffect(() => {
    void loadOptions()
  }, [loadOptions])

  const clear = (...keys: string[]) => {
    if (keys.some((k) => errors[k])) setErrors((e) => ({ ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) }))
    if (formError) setFormError('')
  }

  const set = <K extends keyof ApplyDraft>(k: K, v: ApplyDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    clear(k)
  }

  const setParty = (i: number, field: 'name' | 'phone', v: string) => {
    setDraft((d) => ({ ...d, respondents: d.respondents.map((r, j) => (j === i ? { ...r, [field]: v } : r)) }))
    clear(`respondents.${i}.${field}`, 'respondents')
  }

  const addParty = () => {
    if (draft.respondents.length >= MAX_RESPONDENTS) return
    setDraft((d) => ({ ...d, respondents: [...d.respondents, { key: randomId(8), name: '', phone: '' }] }))
  }

  const removeParty = (i: number) => {
    setDraft((d) => ({ ...d, respondents: d.respondents.filter((_, j) => j !== i) }))
    setErrors((e) => shiftRespondentErrors(e, i))
  }

  const submit = async () => {
    if (submitting) return
    setFormError('')
    const found = validateApply(draft, {
      uploading: photos.filter((p) => p.state === 'uploading').length,
      failed: photos.filter((p) => p.state === 'failed').length,
    })
    const firstError = Object.values(found).find(Boolean)
    if (firstError) {
      setErrors(found)
      void Taro.showToast({ title: firstError, icon: 'none' })
      return
    }
    setSubmitting(true)
    const r = await api.call('mediation.apply', toApplyInput(draft, idempotencyKey.current, photos.map((p) => p.fileId as string)))
    if (r.ok) {
      void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1000 })
      // Replace the form, so "back" from the case does not land on a sent application.
      setTimeout(() => void Taro.redirectTo({ url: `/pages/mediation/detail/index?id=${encodeURIComponent(r.case.id)}&created=1` }), 700)
      return
    }
    setSubmitting(false)
    // The draft and its key stay, so the next tap is a safe retry.
    const msg = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
    setErrors(applyErrorsFromDetails(r.details))
    setFormError(msg)
    void Taro.showToast({ title: msg, icon: 'none' })
  }

  const count = (s: string) => Array.from(s).length

  if (!options)
    return (
      <View className='jf-page jf-center' id='jf-med-apply-loading'>
        <Text>{loadError || '正在加载…'}</Text>
        {loadError && (
          <View className='jf-med-apply-retry'>
            <Button size='small' onClick={() => void loadOptions()}>
              重试
            </Button>
          </View>
        )}
      </View>
    )

  return (
    <View className='jf-page jf-med-apply' id='jf-med-apply'>
      <View className='jf-med-apply-intro'>
        <Text className='jf-med-apply-intro-title'>人民调解 · 免费 · 自愿</Text>
        <Text className='jf-med-apply-intro-text'>
          提交后由街道调解中心受理，指派调解员；对方当事人通过邀请码加入并同意后开始调解。调解达成的协议经双方确认后具有法律约束力。
        </Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>纠纷类型</Text>
        <View className='jf-med-apply-chips' id='jf-med-types'>
          {options.disputeTypes.map((t) => (
            <View
              key={t.code}
              className={`jf-med-chip jf-med-type-chip ${draft.disputeType === t.code ? 'is-active' : ''}`}
              data-code={t.code}
              onClick={() => set('disputeType', t.code)}
            >
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
        <FieldError field='disputeType' message={errors.disputeType} />

        <Text className='jf-section-title jf-required'>受理街道</Text>
        <View className='jf-med-apply-chips' id='jf-med-streets'>
          {options.streets.map((s) => (
            <View
              key={s.code}
              className={`jf-med-chip jf-med-street-chip ${draft.streetCode === s.code ? 'is-active' : ''}`}
              data-code={s.code}
              onClick={() => set('streetCode', s.code)}
            >
              <Text>{s.name}</Text>
            </View>
          ))}
        </View>
        <FieldError field='streetCode' message={errors.streetCode} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>我的联系电话</Text>
        <View id='jf-med-phone' className='jf-med-apply-input'>
          <Input value={draft.applicantPhone} onChange={(v) => set('applicantPhone', v)} type='tel' placeholder='调解员将通过此电话联系您' maxLength={20} />
        </View>
        <FieldError field='applicantPhone' message={errors.applicantPhone} />

        <Text className='jf-section-title jf-required'>
          对方当事人 <Text className='jf-muted'>（最多 {MAX_RESPONDENTS} 位）</Text>
        </Text>
        <View id='jf-med-respondents'>
          {draft.respondents.map((r, i) => (
            <View key={r.key} className='jf-med-respondent' data-index={i}>
              <View className='jf-med-respondent-head'>
                <Text className='jf-med-respondent-no'>被申请人 {i + 1}</Text>
                {draft.respondents.length > 1 && (
                  <Text className='jf-med-respondent-remove' data-index={i} onClick={() => removeParty(i)}>
                    删除
                  </Text>
                )}
              </View>
              <View className='jf-med-respondent-name jf-med-apply-input'>
                <Input value={r.name} onChange={(v) => setParty(i, 'name', v)} placeholder='对方姓名' maxLength={20} />
              </View>
              <FieldError field={`respondents.${i}.name`} message={errors[`respondents.${i}.name`]} />
              <View className='jf-med-respondent-phone jf-med-apply-input'>
                <Input value={r.phone} onChange={(v) => setParty(i, 'phone', v)} type='tel' placeholder='对方联系电话' maxLength={20} />
              </View>
              <FieldError field={`respondents.${i}.phone`} message={errors[`respondents.${i}.phone`]} />
            </View>
          ))}
        </View>
        <FieldError field='respondents' message={errors.respondents} />
        {draft.respondents.length < MAX_RESPONDENTS && (
          <View className='jf-med-respondent-add' id='jf-med-respondent-add' onClick={addParty}>
            <Text>＋ 添加对方当事人</Text>
          </View>
        )}
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>事实经过</Text>
        <View id='jf-med-facts' className='jf-med-apply-text'>
          <TextArea
            value={draft.facts}
            onChange={(v) => set('facts', v)}
            placeholder='纠纷发生的时间、地点、经过和目前的情况（至少 10 个字）'
            maxLength={FACTS_MAX}
            rows={5}
            autoSize
          />
          <Text className='jf-med-apply-counter'>
            {count(draft.facts)}/{FACTS_MAX}
          </Text>
        </View>
        <FieldError field='facts' message={errors.facts} />

        <Text className='jf-section-title jf-required'>我的请求</Text>
        <View id='jf-med-claims' className='jf-med-apply-text'>
          <TextArea
            value={draft.claims}
            onChange={(v) => set('claims', v)}
            placeholder='希望对方怎么做，如：赔偿维修费 3000 元、停止噪音（至少 5 个字）'
            maxLength={CLAIMS_MAX}
            rows={3}
            autoSize
          />
          <Text className='jf-med-apply-counter'>
            {count(draft.claims)}/{CLAIMS_MAX}
          </Text>
        </View>
        <FieldError field='claims' message={errors.claims} />

        <Text className='jf-section-title'>
          证据材料 <Text className='jf-muted'>（选填，照片、票据、聊天截图，最多 {MAX_EVIDENCE} 张）</Text>
        </Text>
        <PhotoPicker photos={photos} max={MAX_EVIDENCE} onAdd={add} onRemove={remove} onRetry={retry} />
        <FieldError field='evidence' message={errors.evidence} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>希望的调解方式</Text>
        <View className='jf-med-ways' id='jf-med-way'>
          {(
            [
              { code: 'online', title: '线上调解', text: '在小程序里沟通，视频会议调解' },
              { code: 'in_person', title: '到社区调解室', text: '约定时间到调解室面对面调解' },
            ] as const
          ).map((w) => (
            <View
              key={w.code}
              className={`jf-med-way ${draft.preferredWay === w.code ? 'is-active' : ''}`}
              data-way={w.code}
              onClick={() => set('preferredWay', w.code)}
            >
              <Text className='jf-med-way-title'>{w.title}</Text>
              <Text className='jf-med-way-text'>{w.text}</Text>
            </View>
          ))}
        </View>
      </View>

      {formError && (
        <View className='jf-med-banner is-error' id='jf-med-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-med-apply-submit'>
        <Button id='jf-med-submit' type='primary' block size='large' loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交调解申请'}
        </Button>
        <Text className='jf-muted jf-med-apply-note'>您填写的信息仅用于本次调解；您的电话号码只有调解员能看到完整号码。</Text>
      </View>
    </View>
  )
}
