import { Text } from '@tarojs/components'
import type { FormField } from '../../core/command'

/** A field's declared title, starred where it must be filled. */
export default function FieldLabel({ field }: { field: FormField }) {
  return <Text className={`jf-med-label ${field.required ? 'jf-required' : ''}`}>{field.label}</Text>
}
