import { Text } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import Chips from '../../../components/MediationKit/Chips'

/**
 * 小事不出村: where it happened, if the applicant knows — the community's (村/社区) own 人民调解委员会
 * may take it; 「不清楚」 leaves it to the street's centre.
 */
export default function CommunityPick({ communities, streetCode, value, onPick, error }: { communities: ReadonlyArray<{ code: string; name: string; streetCode: string }>; streetCode: string; value: string; onPick: (code: string) => void; error?: string }) {
  const here = communities.filter((c) => c.streetCode === streetCode)
  if (!streetCode || here.length === 0) return null
  const items = [...here.map((c) => ({ code: c.code, label: c.name })), { code: '', label: '不清楚' }]
  return (
    <>
      <Text className='jf-section-title'>纠纷发生的社区（村）（选填）</Text>
      <Chips id='jf-med-communities' className='jf-med-apply-chips' chipClass='jf-med-community-chip' items={items} value={value} onPick={onPick} />
      <FieldError field='communityCode' message={error} />
    </>
  )
}
