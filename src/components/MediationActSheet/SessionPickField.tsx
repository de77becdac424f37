import { Text, View } from '@tarojs/components'
import { formatFull } from '../../core/time'
import { chineseNumber } from '../../utils/mediation/agreement'
import FieldError from '../FieldError'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'
import { a11y } from '../../utils/a11y'

/** 记录调解: which of the scheduled sessions the record is about. */
export default function SessionPickField({ c, field, form, errors, set }: FieldProps) {
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      {c.sessions.length ? (
        <View className='jf-col'>
          {c.sessions.map((s, i) => (
            <View key={s.id} className={`jf-med-session-pick jf-med-option jf-col ${form.sessionId === s.id ? 'is-active' : ''}`} data-session-id={s.id} {...a11y('radio', { checked: form.sessionId === s.id })} onClick={() => set('sessionId', s.id)}>
              <Text>
                第{chineseNumber(i + 1)}次 · {formatFull(s.at)} · {s.modeLabel}
              </Text>
              {s.notes && <Text className='jf-muted'>已有记录，将更新</Text>}
            </View>
          ))}
        </View>
      ) : (
        <Text className='jf-muted'>还没有安排调解，请先安排调解</Text>
      )}
      <FieldError field='sessionId' message={errors.sessionId} />
    </View>
  )
}
