import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CaseLink from '../../../components/CaseLink'
import type { ActionView, StaffCaseView } from '../../../contracts/api'

/** The form that turns a 网格事件 into a mediation case (it names the parties; the move alone cannot). */
export const TO_MEDIATION = 'to_mediation'
export const toMediationUrl = (id: string) => `/pages/mediation-staff/intake/index?report=${encodeURIComponent(id)}`

/**
 * 转为调解: offered on a report of a category the district marks 可转为调解 when the move is open to the
 * viewer; once done, the mediation case it became.
 */
export default function MediationCard({ c, actions }: { c: StaffCaseView; actions: ActionView[] }) {
  if (c.convertedTo) return <CaseLink id='jf-case-converted' title='已转为调解' link={c.convertedTo} audience='staff' hint={c.convertedTo.readable ? undefined : '调解案件由调解委员会办理，进展请向街道调解中心了解'} />
  if (!c.mediable || !actions.some((a) => a.action === TO_MEDIATION)) return null
  return (
    <View className='jf-card jf-case-to-mediation' id='jf-case-to-mediation'>
      <Text className='jf-section-title'>矛盾纠纷可转人民调解</Text>
      <Text className='jf-muted'>征得报事人同意后，填写双方当事人，转由调解委员会调解；本事项随之办结为「已转调解」。</Text>
      <Button id='jf-case-to-mediation-go' type='primary' fill='outline' size='small' onClick={() => void Taro.navigateTo({ url: toMediationUrl(c.id) })}>
        转为调解
      </Button>
    </View>
  )
}
