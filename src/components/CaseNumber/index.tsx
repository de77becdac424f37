import { Text } from '@tarojs/components'
import './index.css'

/**
 * A case's number as people read and say it (京溪-2026-00042), kept on one line; nothing for a case
 * stored before numbers that has none yet (never its id).
 */
export default function CaseNumber({ value, label, id, className = '' }: { value: string | null | undefined; label?: string; id?: string; className?: string }) {
  if (!value) return null
  return (
    <Text className={`jf-case-number ${className}`.trim()} id={id} data-number={value}>
      {label ? `${label} ${value}` : value}
    </Text>
  )
}
