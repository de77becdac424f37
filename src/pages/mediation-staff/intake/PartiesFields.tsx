import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import TextBox from '../../../components/TextBox'
import { MAX_PARTIES, NAME_MAX } from '../../../utils/mediation/intake'
import type { IntakeState } from './useIntake'
import { a11y } from '../../../utils/a11y'

/**
 * The parties by real name and phone: each gets an invitation that opens only for that phone. On a
 * converted report the first is the reporter (the applicant), the others the other side.
 */
export default function PartiesFields({ s }: { s: IntakeState }) {
  const { draft, errors, mode, setParty, addParty, removeParty } = s
  const title = (i: number) => (mode === 'report' ? (i === 0 ? '申请人（报事人）' : `被申请人 ${i}`) : `当事人 ${i + 1}`)
  const min = 2
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required'>
        当事人 <Text className='jf-muted'>（最多 {MAX_PARTIES} 位，每人凭自己的手机号加入）</Text>
      </Text>
      <View id='jf-intake-parties'>
        {draft.parties.map((p, i) => (
          <View key={p.key} className='jf-intake-party-box jf-intake-party' data-index={i}>
            <View className='jf-intake-party-head jf-row-between'>
              <Text className='jf-intake-party-no'>{title(i)}</Text>
              {draft.parties.length > min && (
                <Text className='jf-intake-party-remove' data-index={i} {...a11y('button', { label: `删除${title(i)}` })} onClick={() => removeParty(i)}>
                  删除
                </Text>
              )}
            </View>
            <TextBox
              className='jf-intake-party-name jf-intake-input'
              value={p.name}
              onChange={(v) => setParty(i, 'name', v)}
              placeholder='真实姓名（调解协议书上写的姓名）'
              maxLength={NAME_MAX}
              field={`parties.${i}.name`}
              error={errors[`parties.${i}.name`]}
            />
            <TextBox
              className='jf-intake-party-phone jf-intake-input'
              value={p.phone}
              onChange={(v) => setParty(i, 'phone', v)}
              type='tel'
              placeholder='手机号（只有该号码能打开邀请）'
              maxLength={20}
              field={`parties.${i}.phone`}
              error={errors[`parties.${i}.phone`]}
            />
          </View>
        ))}
      </View>
      <FieldError field='parties' message={errors.parties} />
      {draft.parties.length < MAX_PARTIES && (
        <View className='jf-intake-party-add' id='jf-intake-party-add' {...a11y('button', { label: '添加当事人' })} onClick={addParty}>
          <Text>＋ 添加当事人</Text>
        </View>
      )}
    </View>
  )
}
