import { Cell, CellGroup, Checkbox, Switch } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { Fragment } from 'react'
import FieldError from '../../../components/FieldError'
import { PROXY_DECLARATION } from '../../../core/proxyMark'
import type { ProxyCheckinState } from './useProxyCheckin'

// The tenant's own two consents (PIPL), given to the agent face to face after hearing the notice read out.
const CONSENTS = [
  { key: 'consentPurpose', id: 'jf-proxy-consent-purpose', title: '租户当面同意登记目的与保存期限', description: '已向租户说明上方的登记目的和保存期限，租户本人同意登记' },
  { key: 'consentSensitive', id: 'jf-proxy-consent-sensitive', title: '租户当面单独同意处理证件号码', description: '证件号码属于敏感个人信息，仅用于实名登记和辖区派出所核查' },
] as const

/** The tenant's consents as switches, then the agent's own declaration that the tenant is present. */
export default function ProxyConsents({ s }: { s: ProxyCheckinState }) {
  const { draft, errors, set, declared, declare } = s
  return (
    <View className='jf-card' id='jf-proxy-checkin-consents'>
      {CONSENTS.map((c) => (
        <Fragment key={c.key}>
          <CellGroup divider={false}>
            <Cell
              title={c.title}
              description={c.description}
              extra={
                <View id={c.id}>
                  <Switch checked={draft[c.key]} onChange={(v) => set(c.key, v)} />
                </View>
              }
            />
          </CellGroup>
          <FieldError field={c.key} message={errors[c.key]} />
        </Fragment>
      ))}
      <View className='jf-proxy-checkin-declare' id='jf-proxy-checkin-declaration'>
        <Checkbox checked={declared} onChange={(v) => declare(v)} label={PROXY_DECLARATION} />
        <FieldError field='declaration' message={errors.declaration} />
      </View>
    </View>
  )
}
