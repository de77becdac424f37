import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'

export type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

interface Props {
  status: string
  label: string
  tone: Tone
  /** Finished, quiet states are drawn as an outline. */
  plain?: boolean
  /** The area's own class next to `jf-status-tag` (its tests and tweaks). */
  className?: string
}

/** A status in the colour of who it waits on, on NutUI's Tag; every area's status tag is one of these. */
export default function ToneTag({ status, label, tone, plain, className = '' }: Props) {
  return (
    <View className={className ? `jf-status-tag ${className}` : 'jf-status-tag'} data-status={status}>
      <Tag type={tone} plain={plain}>
        {label}
      </Tag>
    </View>
  )
}
