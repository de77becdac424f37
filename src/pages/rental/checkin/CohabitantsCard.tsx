import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { RELATIONS } from '../../../utils/rental/labels'
import TextBox from '../../../components/TextBox'
import type { CheckinState } from './useCheckin'
import { TENANT_NAME_MAX } from '../../../contracts/limits'
import { a11y } from '../../../utils/a11y'

/** 同住人 (optional, at most ten): a name and a relation chip each. */
export default function CohabitantsCard({ s }: { s: Pick<CheckinState, 'draft' | 'errors' | 'set' | 'setCohab'> }) {
  const { draft, errors, set, setCohab } = s
  return (
    <View className='jf-card' id='jf-checkin-cohabitants'>
      <Text className='jf-section-title'>
        同住人 <Text className='jf-muted'>（选填）</Text>
      </Text>
      {draft.cohabitants.map((c, i) => (
        <View key={i} className='jf-checkin-cohab' data-index={i}>
          <View className='jf-row jf-checkin-cohab-top'>
            <TextBox className='jf-rental-input jf-checkin-cohab-name' value={c.name} onChange={(v) => setCohab(i, { name: v })} placeholder='同住人姓名' maxLength={TENANT_NAME_MAX} />
            <Button className='jf-checkin-cohab-remove' size='small' fill='none' onClick={() => set('cohabitants', draft.cohabitants.filter((_, j) => j !== i))}>
              删除
            </Button>
          </View>
          <View className='jf-rental-chips'>
            {RELATIONS.map((r) => (
              <View key={r} className={`jf-rental-chip ${c.relation === r ? 'is-active' : ''}`} data-relation={r} {...a11y('radio', { checked: c.relation === r })} onClick={() => setCohab(i, { relation: r })}>
                <Text>{r}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <FieldError field='cohabitants' message={errors.cohabitants} />
      {draft.cohabitants.length < 10 && (
        <View className='jf-rental-field'>
          <Button id='jf-checkin-cohab-add' size='small' fill='outline' onClick={() => set('cohabitants', [...draft.cohabitants, { name: '', relation: '配偶' }])}>
            添加同住人
          </Button>
        </View>
      )}
    </View>
  )
}
