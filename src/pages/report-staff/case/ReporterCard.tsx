import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffCaseView } from '../../../contracts/api'
import { a11y } from '../../../utils/a11y'

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
const copy = (text: string) => void Taro.setClipboardData({ data: text }).catch(() => undefined)

/**
 * An outside system's photo links: its own copies, never fetched by us nor checked, so they are
 * offered to copy into a browser rather than shown.
 */
function SourceLinks({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  return (
    <View className='jf-reporter-links' id='jf-source-links'>
      <Text className='jf-muted'>对接系统提供的照片链接（未经审核，请复制到浏览器查看）</Text>
      {urls.map((u, i) => (
        <View key={u} className='jf-reporter-link'>
          <Text className='jf-reporter-link-url'>{u}</Text>
          <Text className='jf-reporter-link-copy' {...a11y('button', { label: `复制第 ${i + 1} 个照片链接` })} onClick={() => copy(u)}>
            复制
          </Text>
        </View>
      ))}
    </View>
  )
}

/** Who reported it and how to call them back; an anonymous reporter stays a mark, never a name. */
export default function ReporterCard({ reporter, source }: { reporter: StaffCaseView['reporter']; source?: StaffCaseView['source'] }) {
  return (
    <View className='jf-card jf-reporter' id='jf-reporter' data-anonymous={reporter ? '0' : '1'}>
      <Text className='jf-section-title'>上报人</Text>
      {source && (
        <Text className='jf-reporter-source' id='jf-reporter-source'>
          {source.line}
        </Text>
      )}
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
          {reporter.email && (
            <Text className='jf-reporter-email' id='jf-reporter-email'>
              {reporter.email}
            </Text>
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
      {source && <SourceLinks urls={source.mediaUrls} />}
    </View>
  )
}
