import { Text } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './index.css'

/** The red line under a form field; `field` lets tests find the message for one field. */
export default function FieldError({ field, message }: { field: string; message?: string }) {
  if (!message) return null
  return (
    // Said as it appears (browsers: role alert; WeChat: its live attribute), the red alone tells nothing.
    <Text className='jf-field-error' data-field={field} id={`jf-error-${field}`} {...a11y('alert', { live: 'assertive' })}>
      {message}
    </Text>
  )
}
