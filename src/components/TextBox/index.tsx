import { Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ComponentProps } from 'react'
import FieldError from '../FieldError'
import './index.css'

interface Props {
  /** The box's element id (tests type into `#id input` / `#id textarea`). */
  id?: string
  /** The page's own classes next to `jf-textbox`: margins, width, its tests' hooks. */
  className?: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
  type?: ComponentProps<typeof Input>['type']
  disabled?: boolean
  onConfirm?: () => void
  confirmType?: ComponentProps<typeof Input>['confirmType']
  /** A TextArea of this many rows that grows with its text, instead of a one-line Input. */
  rows?: number
  /** The title above the box, drawn with `labelClass`. */
  label?: string
  labelClass?: string
  required?: boolean
  /** With `field`, the red line under the box (FieldError). */
  field?: string
  error?: string
}

/** An onChange that also clears the field's error once the person edits it. */
export function editing(set: (value: string) => void, error: string, setError: (error: string) => void) {
  return (value: string) => {
    set(value)
    if (error) setError('')
  }
}

/** A form's text box on the light fill, with its title above and its error below when given. */
export default function TextBox({ id, className = '', rows, label, labelClass = 'jf-section-title', required, field, error, ...control }: Props) {
  // NutUI spreads its defaults under the props, so an explicit `undefined` would wipe a default (type, maxLength …).
  const set = Object.fromEntries(Object.entries(control).filter(([, v]) => v !== undefined)) as typeof control
  return (
    <>
      {label && <Text className={required ? `${labelClass} jf-required` : labelClass}>{label}</Text>}
      <View id={id} className={className ? `jf-textbox ${className}` : 'jf-textbox'}>
        {rows ? <TextArea {...set} rows={rows} autoSize /> : <Input {...set} />}
      </View>
      {field !== undefined && <FieldError field={field} message={error} />}
    </>
  )
}
