import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import LoadState from '../../../components/LoadState'
import { useExport } from './useExport'
import '../account.css'

/** 查阅与导出: the readable sections of what we hold, and the same as a JSON file. */
export default function Export() {
  const { data, error, retryable, load, saving, saveFile } = useExport()
  if (!data) return <LoadState error={error} errorId='jf-export-error' loadingId='jf-export-loading' loadingText='正在整理您的信息…' onRetry={() => void load()} retryable={retryable} />
  return (
    <View className='jf-page jf-account' id='jf-export'>
      <Text className='jf-account-foot'>以下是我们保存的与您有关的全部信息（生成于 <Text className='jf-account-when'>{data.generatedAtLabel}</Text>）。证件号码等敏感信息只显示部分。</Text>
      {data.sections.map((s) => (
        <View key={s.title} className='jf-card jf-account-card jf-export-section'>
          <Text className='jf-section-title'>{s.title}</Text>
          {s.records.length === 0 && <Text className='jf-account-hint'>无</Text>}
          {s.records.map((r, i) => (
            <View key={i} className='jf-account-record'>
              {r.title && <Text className='jf-account-record-title'>{r.title}</Text>}
              {r.fields.map((f, j) => (
                <View key={j} className='jf-account-field-row jf-row'>
                  <Text className='jf-account-field-label'>{f.label}</Text>
                  <Text className='jf-account-field-value'>{f.value}</Text>
                </View>
              ))}
            </View>
          ))}
          {s.note && <Text className='jf-account-hint'>{s.note}</Text>}
        </View>
      ))}
      <View className='jf-account-actions'>
        <Button id='jf-export-json' type='primary' block loading={saving} onClick={() => void saveFile()}>
          {process.env.TARO_ENV === 'weapp' ? '导出为文件，发送到聊天' : '下载数据文件'}
        </Button>
        <Text className='jf-account-hint'>文件包含以上全部内容，可用记事本等工具打开。</Text>
      </View>
    </View>
  )
}
