import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EMERGENCY_NUMBERS } from '../../core/kinds/helpTerms'
import { a11y } from '../../utils/a11y'
import './EmergencyCalls.css'

const dial = (n: string) => void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)

/**
 * 110 / 120 / 119 as one-tap calls. On H5 a real `tel:` link (the phone's dialler opens even when our
 * script or network fails); in the mini-program WeChat's makePhoneCall. We never stand in for them.
 */
export default function EmergencyCalls({ lead }: { lead?: string }) {
  return (
    <View className='jf-card jf-help-sos' id='jf-help-sos'>
      <Text className='jf-help-sos-lead'>{lead ?? '如遇危险，请立即拨打'}</Text>
      <View className='jf-help-sos-row'>
        {EMERGENCY_NUMBERS.map((e) =>
          process.env.TARO_ENV === 'h5' ? (
            <a key={e.number} id={`jf-help-sos-${e.number}`} className='jf-help-sos-call' data-number={e.number} href={`tel:${e.number}`}>
              <Text className='jf-help-sos-number'>{e.number}</Text>
              <Text className='jf-help-sos-label'>{e.label}</Text>
            </a>
          ) : (
            <View key={e.number} id={`jf-help-sos-${e.number}`} className='jf-help-sos-call' data-number={e.number} {...a11y('button', { label: `拨打 ${e.number} ${e.label}` })} onClick={() => dial(e.number)}>
              <Text className='jf-help-sos-number'>{e.number}</Text>
              <Text className='jf-help-sos-label'>{e.label}</Text>
            </View>
          ),
        )}
      </View>
    </View>
  )
}
