import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { MediationView } from '../../contracts/api'
import CaseLink from '../CaseLink'

/**
 * Where the case came from: a dispute staff found (排查发现, 12345 工单, 警情, 舆情线索) or a 网格事件 /
 * 一键求助 turned into mediation, with the link back; nothing for a person's own application.
 */
export default function SourceCard({ c, audience }: { c: MediationView; audience: 'party' | 'staff' }) {
  // A view from a server before sources has none: nothing to show.
  if (!c.source || (c.source.code === 'application' && !c.origin)) return null
  return (
    <>
      <View className='jf-card jf-med-source' id='jf-med-source' data-source={c.source.code}>
        <CellGroup divider>
          <Cell title='纠纷来源' extra={<Text id='jf-med-source-text'>{c.source.text}</Text>} />
          {c.source.enteredBy && <Cell title='录入人' extra={<Text id='jf-med-entered-by'>{c.source.enteredBy}</Text>} />}
        </CellGroup>
      </View>
      <CaseLink id='jf-med-origin' title='转自' link={c.origin} audience={audience === 'staff' ? 'staff' : 'person'} />
    </>
  )
}
