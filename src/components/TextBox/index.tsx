import { Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState, type ComponentProps } from 'react'
import { limitText, overLimitMessage, textLength } from '../../utils/textLimit'
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
  /** Show 12/500 under the box; on by default for a TextArea with `maxLength`. */
  counter?: boolean
}

/** An onChange that also clears the field's error once the person edits it. */
export function editing(set: (value: string) => void, error: string, setError: (error: string) => void) {
  return (value: string) => {
    set(value)
    if (error) setError('')
  }
}

type TextAreaProps = ComponentProps<typeof TextArea>

/**
 * NutUI's TextArea as it is, except that `maxLength` no longer cuts silently: a paste over it keeps
 * the first `maxLength` characters and the warning shows under the box (for boxes of their own look).
 */
export function LimitedTextArea({ maxLength, onChange, overId, showCount, ...rest }: Omit<TextAreaProps, 'onChange'> & { onChange: (value: string) => void; overId?: string }) {
  const [over, setOver] = useState(false)
  const change = (v: string) => {
    const kept = limitText(v, maxLength)
    setOver(kept.over)
    onChange(kept.text)
  }
  // -1: no native limit; NutUI's own counter would then read n/0, so the count is drawn here.
  const limited = maxLength !== undefined
  return (
    <>
      <TextArea {...rest} onChange={change} {...(limited ? { maxLength: -1 } : {})} showCount={showCount && !limited} />
      {limited && (over || showCount) && (
        <View className='jf-textbox-foot jf-textarea-foot'>
          <Text className='jf-textbox-over' id={overId}>
            {over ? overLimitMessage(maxLength) : ''}
          </Text>
          {showCount && <Text className='jf-textbox-count'>{`${textLength(String(rest.value ?? ''))}/${maxLength}`}</Text>}
        </View>
      )}
    </>
  )
}

/**
 * A form's text box on the light fill, with its title above and its error below when given. With
 * `maxLength` the box takes a paste whole, keeps the first `maxLength` characters and says so under
 * the box (「已超过 500 字，超出部分不会保存」) rather than the native limit cutting it silently.
 */
export default function TextBox({ id, className = '', rows, label, labelClass = 'jf-section-title', required, field, error, counter, ...control }: Props) {
  const [over, setOver] = useState(false)
  const { maxLength, onChange } = control
  const change = (v: string) => {
    const kept = limitText(v, maxLength)
    setOver(kept.over)
    onChange(kept.text)
  }
  // NutUI spreads its defaults under the props, so an explicit `undefined` would wipe a default (type, maxLength …).
  const set = Object.fromEntries(Object.entries(control).filter(([, v]) => v !== undefined)) as typeof control
  // -1: no native limit (WeChat and the browser alike), so the excess reaches `change` to be warned of.
  const box = { ...set, onChange: change, ...(maxLength !== undefined ? { maxLength: -1 } : {}) }
  const count = maxLength !== undefined && (counter ?? !!rows)
  return (
    <>
      {label && <Text className={required ? `${labelClass} jf-required` : labelClass}>{label}</Text>}
      <View id={id} className={className ? `jf-textbox ${className}` : 'jf-textbox'}>
        {rows ? <TextArea {...box} rows={rows} autoSize /> : <Input {...box} />}
      </View>
      {(over || count) && (
        <View className='jf-textbox-foot'>
          <Text className='jf-textbox-over' id={id ? `${id}-over` : undefined}>
            {over ? overLimitMessage(maxLength!) : ''}
          </Text>
          {count && (
            <Text className='jf-textbox-count' id={id ? `${id}-count` : undefined}>
              {textLength(control.value)}/{maxLength}
            </Text>
          )}
        </View>
      )}
      {field !== undefined && <FieldError field={field} message={error} />}
    </>
  )
}
