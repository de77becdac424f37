import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadState from '../../../components/LoadState'
import { agreedToCurrent, consentLine } from '../../../utils/account/profile'
import { usePrivacy } from './usePrivacy'
import { a11y } from '../../../utils/a11y'
import '../account.css'

const RIGHTS = [
  { id: 'jf-privacy-export', title: '查阅与导出', hint: '我们保存的您的全部信息，可导出为文件', url: '/pages/account/export/index' },
  { id: 'jf-privacy-correct', title: '更正', hint: '修改昵称、头像和手机号', url: '/pages/account/profile/index' },
  { id: 'jf-privacy-delete', title: '注销账号', hint: '删除您的个人资料和个人信息', url: '/pages/account/delete/index' },
]

/** 个人信息与隐私: the notice (district data, versioned), the consents given, and the person's rights. */
export default function Privacy() {
  const { privacy, error, retryable, load, agreeing, agree } = usePrivacy()
  if (!privacy) return <LoadState error={error} errorId='jf-privacy-error' loadingId='jf-privacy-loading' onRetry={() => void load()} retryable={retryable} />
  const n = privacy.notice
  return (
    <View className='jf-page jf-account' id='jf-privacy'>
      <View className='jf-card jf-account-card'>
        {RIGHTS.map((r) => (
          <View key={r.id} id={r.id} className='jf-account-row jf-row-between' {...a11y('link')} onClick={() => void Taro.navigateTo({ url: r.url })}>
            <View className='jf-col'>
              <Text>{r.title}</Text>
              <Text className='jf-account-row-hint'>{r.hint}</Text>
            </View>
            <Text className='jf-account-arrow'>›</Text>
          </View>
        ))}
      </View>

      <View className='jf-card jf-account-card' id='jf-privacy-consents'>
        <Text className='jf-section-title'>我的同意记录</Text>
        {privacy.consents.length ? (
          privacy.consents.map((c) => (
            <Text key={`${c.version}-${c.atLabel}`} className='jf-account-list-item jf-privacy-consent'>
              {consentLine(c)}
            </Text>
          ))
        ) : (
          <Text className='jf-account-hint'>您还没有同意过隐私保护指引。</Text>
        )}
        {!agreedToCurrent(privacy) && (
          <View className='jf-account-actions'>
            <Button id='jf-privacy-agree' type='primary' block loading={agreeing} onClick={() => void agree()}>
              同意第 {n.version} 版指引
            </Button>
          </View>
        )}
      </View>

      <View className='jf-card jf-account-card' id='jf-privacy-notice' data-version={n.version}>
        <Text className='jf-section-title'>{n.title}</Text>
        <Text className='jf-account-hint'>
          第 {n.version} 版 · 生效日期 {n.effectiveLabel}
        </Text>
        <View className='jf-privacy-text'>
          {n.paragraphs.map((p, i) => (
            <Text key={i} className='jf-account-p'>
              {p}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}
