import { Cell, CellGroup, Switch } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { Fragment } from 'react'
import FieldError from '../../../components/FieldError'
import type { CheckinState } from './useCheckin'

// The two separate consents PIPL asks for: the purpose and retention, and sensitive data on its own.
const CONSENTS = [
  { key: 'consentPurpose', id: 'jf-consent-purpose', title: '同意登记目的与保存期限', description: '我已阅读上方说明，同意为出租屋实名登记处理我的个人信息' },
  { key: 'consentSensitive', id: 'jf-consent-sensitive', title: '单独同意处理敏感个人信息', description: '证件号码属于敏感个人信息，仅用于实名登记和辖区派出所核查' },
] as const

/** Each consent a cell whose switch carries the id the tests press, with its error under it. */
export default function ConsentsCard({ s }: { s: CheckinState }) {
  const { draft, errors, set } = s
  return (
    <View className='jf-card' id='jf-checkin-consents'>
      {CONSENTS.map((c) => (
        <Fragment key={c.key}>
          <CellGroup divider={false}>
            <Cell
              title={c.title}
              description={c.description}
              extra={
                <View id={c.id}>
                  <Switch checked={draft[c.key]} ariaLabel={c.title} onChange={(v) => set(c.key, v)} />
                </View>
              }
            />
          </CellGroup>
          <FieldError field={c.key} message={errors[c.key]} />
        </Fragment>
      ))}
    </View>
  )
}
