import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { PLAIN_COLOURS, TONE_COLOURS, type Tone } from './tones'

export type { Tone }

interface Props {
  status: string
  label: string
  tone: Tone
  /** Finished, quiet states are drawn as an outline. */
  plain?: boolean
  /** The area's own class next to `jf-status-tag` (its tests and tweaks). */
  className?: string
}

/**
 * A status in the colour of who it waits on, on NutUI's Tag; every area's status tag is one of these. Tinted
 * with dark text (./tones, 4.5:1 or more); its size is the tokens' (--nutui-tag-* in app.css: 12 px at least).
 */
export default function ToneTag({ status, label, tone, plain, className = '' }: Props) {
  const c = TONE_COLOURS[tone] ?? TONE_COLOURS.default
  return (
    <View className={className ? `jf-status-tag ${className}` : 'jf-status-tag'} data-status={status}>
      <Tag type={tone} plain={plain} background={plain ? PLAIN_COLOURS.border : ''} style={plain ? undefined : { background: c.bg }} color={plain ? PLAIN_COLOURS.fg : c.fg}>
        {label}
      </Tag>
    </View>
  )
}
