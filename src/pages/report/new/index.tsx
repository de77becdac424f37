import { Text, View } from '@tarojs/components'
import ReportFields, { SubmitBar } from '../../../components/ReportFields'
import ContactPhone from './ContactPhone'
import DuplicateCard from './DuplicateCard'
import { useNewReport } from './useNewReport'
import './index.css'

export default function NewReport() {
  const { fieldProps, contactProps, sensitive, duplicates, point, formError, submitting, submit } = useNewReport()
  return (
    <View className='jf-page jf-report-new'>
      <ReportFields
        {...fieldProps}
        descriptionPlaceholder='请描述问题的具体情况，如：时间、现象、影响（至少 5 个字）'
        anonymousHint='处置人员和其他居民看不到您的身份，仅综治中心可核实'
      >
        {sensitive && (
          <View className='jf-card jf-sensitive-note' id='jf-sensitive-note'>
            <Text>此类问题只有办理人员可以看到，不会向其他居民公开。</Text>
          </View>
        )}
        <DuplicateCard cases={duplicates} from={point} />
        <ContactPhone {...contactProps} />
      </ReportFields>

      <SubmitBar formError={formError} submitting={submitting} label='提交' onSubmit={() => void submit()} />
    </View>
  )
}
