import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseLinkView } from '../../contracts/mediationIntake'
import { linkUrl, type LinkAudience } from './logic'
import './index.css'

/**
 * A case this one came from or became (「调解案件 京溪-2026-00042」), one tap away for someone who may
 * read it; the number alone otherwise (a grid worker who handed a dispute to mediation).
 */
export default function CaseLink({ title, link, audience, id, hint }: { title: string; link: CaseLinkView | null; audience: LinkAudience; id: string; hint?: string }) {
  if (!link) return null
  const url = linkUrl(link, audience)
  return (
    <View className='jf-card jf-case-link' id={id} data-kind={link.kind} data-number={link.number ?? ''} data-readable={url ? '1' : '0'}>
      <CellGroup>
        <Cell
          title={title}
          extra={<Text className={url ? 'jf-case-link-text is-open' : 'jf-case-link-text'}>{url ? `${link.text} ›` : link.text}</Text>}
          onClick={url ? () => void Taro.navigateTo({ url }) : undefined}
        />
      </CellGroup>
      {hint && <Text className='jf-muted jf-case-link-hint'>{hint}</Text>}
    </View>
  )
}
