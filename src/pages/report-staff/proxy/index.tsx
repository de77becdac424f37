import { Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import ReportFields, { SubmitBar } from '../../../components/ReportFields'
import { useProxyReport } from './useProxyReport'
// The resident's form styles, reused as they are so both forms ask the same questions the same way.
import '../../report/new/index.css'
import './index.css'

const RESIDENT = [
  { key: 'proxyName', id: 'jf-proxy-name', label: '居民姓名', placeholder: '请填写居民姓名' },
  { key: 'proxyPhone', id: 'jf-proxy-phone', label: '联系电话', placeholder: '手机号或固定电话，如 020-87700000' },
] as const

/** 代办上报: a grid worker or 代办员 files a report for a resident without a phone, naming that resident. */
export default function ProxyReport() {
  const { fields, set, errors, fieldProps, formError, submitting, submit } = useProxyReport()
  return (
    <View className='jf-page jf-report-new jf-proxy'>
      <View className='jf-proxy-banner'>
        <Text className='jf-proxy-banner-title'>为居民代办上报</Text>
        <Text className='jf-proxy-banner-sub'>适用于没有智能手机的居民，办理结果将电话告知居民；居民以后可用登记的手机号在「我的 → 认领代办事项」认领</Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>居民信息</Text>
        {RESIDENT.map((f) => (
          <View key={f.key}>
            <Text className='jf-proxy-label jf-required'>{f.label}</Text>
            <View id={f.id} className='jf-address'>
              <Input value={fields[f.key]} onChange={(v) => set(f.key, v)} placeholder={f.placeholder} maxLength={20} type='text' />
            </View>
            <FieldError field={f.key} message={errors[f.key]} />
          </View>
        ))}
      </View>

      <ReportFields
        {...fieldProps}
        descriptionPlaceholder='请记录居民反映的情况，如：时间、现象、影响（至少 5 个字）'
        anonymousHint='处置人员看不到居民的身份'
      />

      <SubmitBar formError={formError} submitting={submitting} label='提交代办' onSubmit={() => void submit()} />
    </View>
  )
}
