import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import CaseNumber from '../CaseNumber'
import { a11y } from '../../utils/a11y'
import './index.css'

interface Props {
  /** The page's own classes for the card (its tests and local tweaks), e.g. `jf-medq-row is-overdue`. */
  className: string
  /** The prefix of the page's part classes: `${prefix}-head`, `${prefix}-type`, `${prefix}-title`, `${prefix}-foot`. */
  prefix: string
  /** data-* attributes the tests read (`data-case-id`, `data-status` …). */
  data: Record<`data-${string}`, string>
  kind: ReactNode
  tag: ReactNode
  title: string
  /** The case's number (京溪-2026-00042), read and said on the phone; never an id. */
  number?: string | null
  /** Under the title: on whom the status waits (a WaitingHint), for the person the case is about. */
  hint?: ReactNode
  /** Left of the foot: who handles it. */
  meta: ReactNode
  /** Right of the foot: time left or when it came in. */
  aside: ReactNode
  onClick: () => void
}

/** One case in a list: its kind and status tag, a two-line title, and a foot with who and when. */
export default function QueueRow({ className, prefix, data, kind, tag, title, number, hint, meta, aside, onClick }: Props) {
  return (
    <View className={`jf-card jf-queue-row ${className}`} {...data} {...a11y('link')} onClick={onClick}>
      <View className={`jf-queue-row-head ${prefix}-head`}>
        <Text className={`jf-queue-row-kind ${prefix}-type`}>{kind}</Text>
        {tag}
      </View>
      <Text className={`jf-queue-row-title ${prefix}-title`}>{title}</Text>
      <CaseNumber value={number} className='jf-queue-row-number' />
      {hint}
      <View className={`jf-queue-row-foot ${prefix}-foot`}>
        {meta}
        {aside}
      </View>
    </View>
  )
}
