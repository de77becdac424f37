import { Button, Input, Popup, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../api'
import type { ActionView, MediationActInput, MediationView, ReferralCode } from '../../contracts/api'
import { REFERRAL_LABELS, REFERRALS } from '../../core/kinds/mediationTerms'
import type { Failure } from '../../core/outcome'
import { formatFull } from '../../core/time'
import FieldError from '../FieldError'
import {
  MAX_TERMS,
  TERM_MAX,
  agreementPreview,
  buildMedActInput,
  chineseNumber,
  committeeMatches,
  emptyMedActForm,
  medActErrorsFromDetails,
  noteRequired,
  validateMedAct,
  type MedActErrors,
  type MedActForm,
} from '../MediationKit/logic'
import Stars from '../Stars'
import '../MediationKit/kit.css'
import './index.css'

interface Props {
  c: MediationView
  /** The move being filled in; null closes the sheet. */
  action: ActionView | null
  onClose: () => void
  /** Sends mediation.act; answers the failure to show, or null when done (the page closes the sheet). */
  onSubmit: (input: MediationActInput) => Promise<Failure | null>
}

const NOTE: Record<string, { title: string; placeholder: string }> = {
  accept: { title: '受理说明', placeholder: '选填：给调解员的说明' },
  reject: { title: '不予受理原因', placeholder: '请说明原因，申请人可以看到' },
  reassign: { title: '改派原因', placeholder: '请说明重新指派的原因' },
  schedule: { title: '通知说明', placeholder: '选填：请当事人携带的材料、注意事项' },
  record_session: { title: '调解记录', placeholder: '本次调解的经过、各方意见和结果' },
  draft_agreement: { title: '起草说明', placeholder: '选填：给当事人的说明' },
  fail: { title: '情况说明', placeholder: '请说明调解不成的原因，当事人可以看到' },
  decline: { title: '不同意调解的原因', placeholder: '请说明原因，申请人和调解员可以看到' },
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

type Mediator = { id: string; name: string; committee: string; committeeName: string; openCases: number }

function SheetBody({ c, action, onSubmit }: Props & { action: ActionView }) {
  const a = action.action
  const [form, setForm] = useState<MedActForm>(() => {
    const f = emptyMedActForm()
    // Redrafting starts from the current text: the mediator usually changes one term.
    if (a === 'draft_agreement' && c.agreement?.terms.length) f.terms = [...c.agreement.terms]
    if (a === 'record_session') {
      const open = [...c.sessions].reverse().find((s) => !s.notes) ?? c.sessions[c.sessions.length - 1]
      if (open) f.sessionId = open.id
    }
    if (a === 'schedule') f.sessionMode = c.preferredWay
    return f
  })
  const [errors, setErrors] = useState<MedActErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [mediators, setMediators] = useState<Mediator[] | null>(null)
  const [mediatorError, setMediatorError] = useState('')
  const [showAll, setShowAll] = useState(false)
  const [referrals, setReferrals] = useState<Array<{ code: ReferralCode; label: string }>>(() =>
    REFERRALS.map((code) => ({ code, label: REFERRAL_LABELS[code] })),
  )
  const picksMediator = a === 'accept' || a === 'reassign'

  useEffect(() => {
    if (!picksMediator) return
    void api.call('mediation.mediators', {}).then((r) => {
      if (r.ok) setMediators(r.mediators)
      else setMediatorError(r.message)
    })
  }, [picksMediator])

  useEffect(() => {
    if (a !== 'fail') return
    void api.call('mediation.options', {}).then((r) => {
      if (r.ok && r.referrals.length) setReferrals(r.referrals)
    })
  }, [a])

  const set = <K extends keyof MedActForm>(k: K, v: MedActForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setFormError('')
    const field: keyof MedActErrors | null =
      k === 'sessionDate' || k === 'sessionTime' ? 'at' : k === 'sessionPlace' ? 'place' : k === 'comment' ? null : (k as keyof MedActErrors)
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  // Accepting: the mediators of the committee the server will route this dispute type to, unless asked for all.
  const shownMediators = useMemo(() => {
    if (!mediators) return []
    if (a === 'reassign' && c.committee && !showAll) {
      const same = mediators.filter((m) => m.committee === c.committee?.code)
      return same.length ? same : mediators
    }
    if (a === 'accept' && !showAll) {
      const fit = mediators.filter((m) => committeeMatches(c.disputeType, m.committeeName))
      return fit.length ? fit : mediators
    }
    return mediators
  }, [mediators, a, c.committee, c.disputeType, showAll])

  const submit = async () => {
    if (busy) return
    const found = validateMedAct(a, form)
    if (Object.keys(found).length) {
      setErrors(found)
      setFormError(Object.values(found)[0] as string)
      return
    }
    setBusy(true)
    setFormError('')
    const failure = await onSubmit(buildMedActInput(c, a, form))
    setBusy(false)
    if (!failure) return
    setErrors(medActErrorsFromDetails(failure.details, failure.message))
    setFormError(failure.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : failure.message)
  }

  const note = NOTE[a] ?? { title: '备注', placeholder: '选填' }
  const terms = form.terms
  const setTerm = (i: number, v: string) => set('terms', terms.map((t, j) => (j === i ? v : t)))

  return (
    <View className='jf-med-sheet' id='jf-med-sheet' data-action={a}>
      {picksMediator && (
        <View className='jf-med-field'>
          <Text className={`jf-med-label ${a === 'reassign' ? 'jf-required' : ''}`}>{a === 'accept' ? '指派调解员' : '改派给'}</Text>
          {a === 'accept' && <Text className='jf-muted jf-med-help'>不选择时，由系统按纠纷类型指派对应调解委员会的调解员</Text>}
          {mediatorError && <Text className='jf-muted jf-med-help'>调解员名单加载失败：{mediatorError}</Text>}
          {!mediators && !mediatorError && <Text className='jf-muted'>正在加载调解员…</Text>}
          <View className='jf-med-mediators' id='jf-med-mediators'>
            {a === 'accept' && (
              <View
                className={`jf-med-mediator ${form.mediatorId === '' ? 'is-active' : ''}`}
                data-mediator-id=''
                onClick={() => set('mediatorId', '')}
              >
                <Text className='jf-med-mediator-name'>系统指派</Text>
                <Text className='jf-muted'>按纠纷类型自动选择</Text>
              </View>
            )}
            {shownMediators.map((m) => (
              <View
                key={m.id}
                className={`jf-med-mediator ${form.mediatorId === m.id ? 'is-active' : ''}`}
                data-mediator-id={m.id}
                onClick={() => set('mediatorId', m.id)}
              >
                <Text className='jf-med-mediator-name'>{m.name}</Text>
                <Text className='jf-muted'>
                  {m.committeeName} · 在办 {m.openCases} 件
                </Text>
              </View>
            ))}
          </View>
          {mediators && shownMediators.length < mediators.length && (
            <Text className='jf-med-link' id='jf-med-mediators-all' onClick={() => setShowAll(true)}>
              显示全部调解员（{mediators.length}）
            </Text>
          )}
          <FieldError field='mediatorId' message={errors.mediatorId} />
        </View>
      )}

      {a === 'schedule' && (
        <>
          <View className='jf-med-field'>
            <Text className='jf-med-label jf-required'>调解时间</Text>
            {process.env.TARO_ENV === 'h5' ? (
              <input
                id='jf-med-session-at'
                className='jf-med-datetime'
                type='datetime-local'
                value={form.sessionDate && form.sessionTime ? `${form.sessionDate}T${form.sessionTime}` : ''}
                onChange={(e) => {
                  const [d = '', t = ''] = (e.target as HTMLInputElement).value.split('T')
                  setForm((f) => ({ ...f, sessionDate: d, sessionTime: t.slice(0, 5) }))
                  setErrors((x) => ({ ...x, at: undefined }))
                }}
              />
            ) : (
              <View id='jf-med-session-at' className='jf-med-datetime-row'>
                <Picker mode='date' value={form.sessionDate} start={today()} onChange={(e) => set('sessionDate', String(e.detail.value))}>
                  <View className='jf-med-pick'>
                    <Text className={form.sessionDate ? '' : 'jf-muted'}>{form.sessionDate || '选择日期'}</Text>
                  </View>
                </Picker>
                <Picker mode='time' value={form.sessionTime} onChange={(e) => set('sessionTime', String(e.detail.value))}>
                  <View className='jf-med-pick'>
                    <Text className={form.sessionTime ? '' : 'jf-muted'}>{form.sessionTime || '选择时间'}</Text>
                  </View>
                </Picker>
              </View>
            )}
            <FieldError field='at' message={errors.at} />
          </View>
          <View className='jf-med-field'>
            <Text className='jf-med-label jf-required'>调解方式</Text>
            <View className='jf-med-chips'>
              {(['online', 'in_person'] as const).map((m) => (
                <View
                  key={m}
                  className={`jf-med-chip jf-med-mode ${form.sessionMode === m ? 'is-active' : ''}`}
                  data-mode={m}
                  onClick={() => set('sessionMode', m)}
                >
                  <Text>{m === 'online' ? '线上调解' : '到社区调解室'}</Text>
                </View>
              ))}
            </View>
          </View>
          <View className='jf-med-field'>
            <Text className='jf-med-label jf-required'>{form.sessionMode === 'online' ? '会议链接 / 会议号' : '调解地点'}</Text>
            <View id='jf-med-session-place' className='jf-med-input'>
              <Input
                value={form.sessionPlace}
                onChange={(v) => set('sessionPlace', v)}
                placeholder={form.sessionMode === 'online' ? '如：腾讯会议 123-456-789' : '如：云景社区调解室（党群服务中心 2 楼）'}
                maxLength={200}
              />
            </View>
            <FieldError field='place' message={errors.place} />
          </View>
        </>
      )}

      {a === 'record_session' && (
        <View className='jf-med-field'>
          <Text className='jf-med-label jf-required'>调解场次</Text>
          {c.sessions.length ? (
            <View className='jf-med-sessions-pick'>
              {c.sessions.map((s, i) => (
                <View
                  key={s.id}
                  className={`jf-med-session-pick ${form.sessionId === s.id ? 'is-active' : ''}`}
                  data-session-id={s.id}
                  onClick={() => set('sessionId', s.id)}
                >
                  <Text>
                    第{chineseNumber(i + 1)}次 · {formatFull(s.at)} · {s.modeLabel}
                  </Text>
                  {s.notes && <Text className='jf-muted'>已有记录，将更新</Text>}
                </View>
              ))}
            </View>
          ) : (
            <Text className='jf-muted'>还没有安排调解，请先安排调解</Text>
          )}
          <FieldError field='sessionId' message={errors.sessionId} />
        </View>
      )}

      {a === 'draft_agreement' && (
        <View className='jf-med-field'>
          <Text className='jf-med-label jf-required'>协议内容（逐条填写）</Text>
          <View id='jf-med-terms'>
            {terms.map((t, i) => (
              <View key={i} className='jf-term' data-index={i}>
                <Text className='jf-term-no'>{chineseNumber(i + 1)}、</Text>
                <View className='jf-term-text'>
                  <TextArea
                    value={t}
                    onChange={(v) => setTerm(i, v)}
                    placeholder={i === 0 ? '如：被申请人于 2026 年 12 月 31 日前向申请人支付修复费用 3000 元' : '协议条款'}
                    maxLength={TERM_MAX}
                    rows={2}
                    autoSize
                  />
                </View>
                {terms.length > 1 && (
                  <View className='jf-term-remove' data-index={i} onClick={() => set('terms', terms.filter((_, j) => j !== i))}>
                    <Text>删除</Text>
                  </View>
                )}
              </View>
            ))}
          </View>
          {terms.length < MAX_TERMS && (
            <View className='jf-term-add' id='jf-med-term-add' onClick={() => set('terms', [...terms, ''])}>
              <Text>＋ 添加一条</Text>
            </View>
          )}
          <FieldError field='terms' message={errors.terms} />
          <Text className='jf-med-label'>协议书预览</Text>
          <Text className='jf-med-preview' id='jf-med-agreement-preview'>
            {agreementPreview(c, terms)}
          </Text>
        </View>
      )}

      {a === 'fail' && (
        <View className='jf-med-field'>
          <Text className='jf-med-label jf-required'>后续处理途径</Text>
          <View className='jf-med-chips' id='jf-med-referrals'>
            {referrals.map((r) => (
              <View
                key={r.code}
                className={`jf-med-chip jf-med-referral ${form.referral === r.code ? 'is-active' : ''}`}
                data-code={r.code}
                onClick={() => set('referral', r.code)}
              >
                <Text>{r.label}</Text>
              </View>
            ))}
          </View>
          <FieldError field='referral' message={errors.referral} />
        </View>
      )}

      {a === 'rate' && (
        <View className='jf-med-field' id='jf-med-rating'>
          <Text className='jf-med-label jf-required'>对本次调解的评价</Text>
          <Stars value={form.rating} onChange={(v) => set('rating', v)} />
          <FieldError field='rating' message={errors.rating} />
          <View id='jf-med-comment' className='jf-med-note'>
            <TextArea value={form.comment} onChange={(v) => set('comment', v)} placeholder='选填：说说您的感受和建议' maxLength={300} rows={3} />
          </View>
        </View>
      )}

      {a !== 'rate' && (
        <View className='jf-med-field'>
          <Text className={`jf-med-label ${noteRequired(a) ? 'jf-required' : ''}`}>{note.title}</Text>
          <View id='jf-med-note' className='jf-med-note'>
            <TextArea value={form.note} onChange={(v) => set('note', v)} placeholder={note.placeholder} maxLength={1000} rows={3} />
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
        <Button id='jf-med-act-submit' type={a === 'reject' || a === 'decline' || a === 'fail' ? 'danger' : 'primary'} block loading={busy} onClick={() => void submit()}>
          {a === 'draft_agreement' ? '发送协议给当事人确认' : `确认${action.label}`}
        </Button>
      </View>
    </View>
  )
}

function today(): string {
  const d = new Date(Date.now() + 8 * 3600_000)
  return d.toISOString().slice(0, 10)
}
