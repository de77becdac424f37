import { Text } from '@tarojs/components'
import './index.css'

/** The red line under a form field; `field` lets tests find the message for one field. */
export default function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null
  return (
    <Text className='jf-field-error' data-field={field} id={`jf-error-${field}`}>
      {message}
    </Text>
  )
}
