import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { inputText, numberFromInput, pathKey, type Path } from '../../../utils/admin/configDraft'

export interface FieldProps {
  path: Path
  errors: Record<string, string>
  set: (path: Path, value: unknown) => void
}

/** The server's refusal of one field, under it. */
export function FieldError({ path, errors }: { path: Path; errors: Record<string, string> }) {
  const key = pathKey(path)
  const msg = errors[key]
  return msg ? (
    <Text className='jf-config-field-error' data-path={key}>
      {msg}
    </Text>
  ) : null
}

/** A labelled number box (hours, days, counts) with its unit and its error underneath. */
export function NumberField({ label, unit, hint, value, ...f }: FieldProps & { label: string; unit: string; hint?: string; value: unknown }) {
  const key = pathKey(f.path)
  return (
    <View className={`jf-config-field ${f.errors[key] ? 'is-bad' : ''}`} data-field={key}>
      <label className='jf-config-label'>
        <Text className='jf-config-label-text'>{label}</Text>
        <input className='jf-config-input' type='number' inputMode='decimal' data-path={key} value={inputText(value)} onChange={(e) => f.set(f.path, numberFromInput((e.target as HTMLInputElement).value))} />
        <Text className='jf-config-unit'>{unit}</Text>
      </label>
      {hint && <Text className='jf-config-hint'>{hint}</Text>}
      <FieldError path={f.path} errors={f.errors} />
    </View>
  )
}

/** A number box inside a table cell: no label of its own (the column says it). */
export function CellNumber({ value, label, ...f }: FieldProps & { value: unknown; label: string }) {
  const key = pathKey(f.path)
  return (
    <>
      <input className={`jf-config-input is-cell ${f.errors[key] ? 'is-bad' : ''}`} type='number' inputMode='decimal' aria-label={label} data-path={key} value={inputText(value)} onChange={(e) => f.set(f.path, numberFromInput((e.target as HTMLInputElement).value))} />
      <FieldError path={f.path} errors={f.errors} />
    </>
  )
}

export function Section({ id, title, help, children }: { id: string; title: string; help?: string; children: ReactNode }) {
  return (
    <View className='jf-ak-section jf-config-section' id={id}>
      <Text className='jf-ak-title'>{title}</Text>
      {help && <Text className='jf-ak-help'>{help}</Text>}
      {children}
    </View>
  )
}
