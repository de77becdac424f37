import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import TextBox from '../../../components/TextBox'
import { MAX_RESPONDENTS, NAME_MAX } from '../../../utils/mediation/apply'
import type { MediationApplyState } from './useMediationApply'
import { a11y } from '../../../utils/a11y'

const PARTY_FIELDS = [
  { key: 'name', placeholder: '对方姓名（对方加入时可更正）', type: 'text' },
  { key: 'phone', placeholder: '对方手机号（只有该号码能打开邀请）', type: 'tel' },
] as const

/** How the applicant's own fields read: 我的 on the person's own form, 当事人 on an agent's (代办). */
export interface ApplicantWords {
  name: string
  phone: string
  phoneHint: string
}

const OWN_WORDS: ApplicantWords = { name: '我的真实姓名', phone: '我的联系电话', phoneHint: '调解员将通过此电话联系您' }

/** 申请人姓名、电话和对方当事人（最多五位）。 */
export default function PartiesCard({ s, words = OWN_WORDS }: { s: MediationApplyState; words?: ApplicantWords }) {
  const { draft, errors, set, setParty, addParty, removeParty } = s
  return (
    <View className='jf-card'>
      <TextBox
        id='jf-med-name'
        className='jf-med-apply-input'
        label={words.name}
        required
        value={draft.applicantName}
        onChange={(v) => set('applicantName', v)}
        placeholder='调解协议书上写的姓名'
        maxLength={NAME_MAX}
        field='applicantName'
        error={errors.applicantName}
      />
      <TextBox
        id='jf-med-phone'
        className='jf-med-apply-input'
        label={words.phone}
        required
        value={draft.applicantPhone}
        onChange={(v) => set('applicantPhone', v)}
        type='tel'
        placeholder={words.phoneHint}
        maxLength={20}
        field='applicantPhone'
        error={errors.applicantPhone}
      />

      <Text className='jf-section-title jf-required'>
        对方当事人 <Text className='jf-muted'>（最多 {MAX_RESPONDENTS} 位）</Text>
      </Text>
      <View id='jf-med-respondents'>
        {draft.respondents.map((r, i) => (
          <View key={r.key} className='jf-med-respondent' data-index={i}>
            <View className='jf-med-respondent-head jf-row-between'>
              <Text className='jf-med-respondent-no'>被申请人 {i + 1}</Text>
              {draft.respondents.length > 1 && (
                <Text className='jf-med-respondent-remove' data-index={i} {...a11y('button', { label: `删除被申请人 ${i + 1}` })} onClick={() => removeParty(i)}>
                  删除
                </Text>
              )}
            </View>
            {PARTY_FIELDS.map((f) => (
              <TextBox
                key={f.key}
                className={`jf-med-respondent-${f.key} jf-med-apply-input`}
                value={r[f.key]}
                onChange={(v) => setParty(i, f.key, v)}
                type={f.type}
                placeholder={f.placeholder}
                maxLength={f.key === 'name' ? NAME_MAX : 20}
                field={`respondents.${i}.${f.key}`}
                error={errors[`respondents.${i}.${f.key}`]}
              />
            ))}
          </View>
        ))}
      </View>
      <FieldError field='respondents' message={errors.respondents} />
      {draft.respondents.length < MAX_RESPONDENTS && (
        <View className='jf-med-respondent-add' id='jf-med-respondent-add' {...a11y('button', { label: '添加对方当事人' })} onClick={addParty}>
          <Text>＋ 添加对方当事人</Text>
        </View>
      )}
    </View>
  )
}
