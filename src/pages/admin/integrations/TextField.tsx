import { View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'

/** One labelled field of the page's forms, the server's refusal of it under it. */
export default function TextField(props: { id: string; label: string; field: string; value: string; onChange: (v: string) => void; error?: string; wide?: boolean; placeholder?: string; maxLength: number }) {
  const { id, label, field, value, onChange, error, wide, placeholder, maxLength } = props
  return (
    <View className='jf-int-field'>
      <label className='jf-int-label'>
        {label}
        <input
          className={`jf-int-input ${wide ? 'is-wide' : ''}`}
          id={id}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          aria-invalid={error ? 'true' : undefined}
          onChange={(e) => onChange((e.target as HTMLInputElement).value)}
        />
      </label>
      <FieldError field={field} message={error} />
    </View>
  )
}
