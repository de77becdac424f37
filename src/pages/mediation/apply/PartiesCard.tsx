import { Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { MAX_RESPONDENTS, NAME_MAX } from '../../../utils/mediation/apply'
import type { MediationApplyState } from './useMediationApply'

/** 申请人电话和对方当事人（最多五位）。 */
export default function PartiesCard({ s }: { s: MediationApplyState }) {
  const { draft, add, remove, errors, set, setParty, addParty, removeParty } = s
  return (
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
              <Input value={r.name} onChange={(v) => setParty(i, 'name', v)} placeholder='对方姓名' maxLength={NAME_MAX} />
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
  )
}
