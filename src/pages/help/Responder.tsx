import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ResponderView } from '../../contracts/api'
import { a11y } from '../../utils/a11y'

const dial = (n: string) => void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)

/** Who is coming: their name and role, and a one-tap call (a `tel:` link on H5). */
export default function Responder({ r }: { r: ResponderView }) {
  return (
    <View className='jf-card jf-help-responder' id='jf-help-responder'>
      <Text className='jf-section-title'>正在赶来</Text>
      <View className='jf-help-responder-body'>
        <View className='jf-help-responder-who'>
          <Text className='jf-help-responder-name' id='jf-help-responder-name'>
            {r.name}
          </Text>
          <Text className='jf-muted'>{r.roleLabel}</Text>
        </View>
        {r.phone &&
          (process.env.TARO_ENV === 'h5' ? (
            <a className='jf-help-call' id='jf-help-call' href={`tel:${r.phone}`}>
              拨打电话
            </a>
          ) : (
            <View className='jf-help-call' id='jf-help-call' {...a11y('button', { label: `拨打${r.name}的电话` })} onClick={() => dial(r.phone as string)}>
              <Text>拨打电话</Text>
            </View>
          ))}
      </View>
    </View>
  )
}
