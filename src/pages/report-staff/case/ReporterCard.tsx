import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffCaseView } from '../../../contracts/api'
import { a11y } from '../../../utils/a11y'

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

/** Who reported it and how to call them back; an anonymous reporter stays a mark, never a name. */
export default function ReporterCard({ reporter }: { reporter: StaffCaseView['reporter'] }) {
  return (
    <View className='jf-card jf-reporter' id='jf-reporter' data-anonymous={reporter ? '0' : '1'}>
      <Text className='jf-section-title'>上报人</Text>
      {reporter ? (
        <View className='jf-reporter-body'>
          <View className='jf-reporter-line'>
            <Text className='jf-reporter-name' id='jf-reporter-name'>
              {reporter.name}
            </Text>
            {reporter.proxy && <Text className='jf-proxy-mark'>代办</Text>}
          </View>
          {reporter.phone ? (
            <Text className='jf-reporter-phone' id='jf-reporter-phone' {...a11y('button', { label: `拨打上报人电话 ${reporter.phone}` })} onClick={() => call(reporter.phone as string)}>
              {reporter.phone}
            </Text>
          ) : (
            <Text className='jf-muted'>未留电话</Text>
          )}
        </View>
      ) : (
        <View className='jf-reporter-body'>
          <Text className='jf-anon-mark' id='jf-reporter-anonymous'>
            匿名
          </Text>
          <Text className='jf-muted jf-reporter-anon-hint'>居民选择匿名上报，不显示身份信息</Text>
        </View>
      )}
    </View>
  )
}
