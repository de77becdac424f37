import { Checkbox } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { PROXY_DECLARATION } from '../../../core/proxyMark'
import type { ProxyCheckinState } from './useProxyCheckin'

// The tenant's own two consents (PIPL), given to the agent face to face after hearing the notice read out.
const CONSENTS = [
  { key: 'consentPurpose', id: 'jf-proxy-consent-purpose', title: '租户当面同意登记目的与保存期限', description: '已向租户说明上方的登记目的和保存期限，租户本人同意登记' },
  { key: 'consentSensitive', id: 'jf-proxy-consent-sensitive', title: '租户当面单独同意处理证件号码', description: '证件号码属于敏感个人信息，仅用于实名登记和辖区派出所核查' },
] as const

/**
 * The tenant's consents, each its own box, then the agent's declaration that the tenant is present.
 * Checkboxes as on every 代办 form (NutUI's Switch would join the main package: too many subpackages use it).
 */
export default function ProxyConsents({ s }: { s: ProxyCheckinState }) {
  const { draft, errors, set, declared, declare } = s
  return (
    <View className='jf-card' id='jf-proxy-checkin-consents'>
      {CONSENTS.map((c) => (
        <View key={c.key} id={c.id} className='jf-proxy-checkin-consent'>
          <Checkbox checked={draft[c.key]} onChange={(v) => set(c.key, v)} label={c.title} />
          <Text className='jf-proxy-checkin-consent-text'>{c.description}</Text>
          <FieldError field={c.key} message={errors[c.key]} />
        </View>
      ))}
      <View className='jf-proxy-checkin-declare' id='jf-proxy-checkin-declaration'>
        <Checkbox checked={declared} onChange={(v) => declare(v)} label={PROXY_DECLARATION} />
        <FieldError field='declaration' message={errors.declaration} />
      </View>
    </View>
  )
}
