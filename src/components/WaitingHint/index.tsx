import { Text } from '@tarojs/components'
import type { CaseKind } from '../../core/case'
import { waitingOn, type Reader } from '../../utils/waitingOn'
import './index.css'

interface Props {
  kind: CaseKind
  status: string
  reader?: Reader
  /** The page's own class or id for its tests. */
  className?: string
}

/** Under a status tag: on whom the status waits (等待楼栋长确认); nothing when it waits on nobody. */
export default function WaitingHint({ kind, status, reader = 'owner', className = '' }: Props) {
  const hint = waitingOn(kind, status, reader)
  if (!hint) return null
  return (
    <Text className={`jf-waiting ${className}`} data-status={status}>
      {hint}
    </Text>
  )
}
