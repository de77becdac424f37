import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { api } from '../../api'
import { committeeMatches } from '../../utils/mediation/mediators'
import FieldError from '../FieldError'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'
import { a11y } from '../../utils/a11y'

type Mediator = { id: string; name: string; committee: string; committeeName: string; openCases: number }

/**
 * A case with a committee (改派) offers that committee's mediators first; a new one (受理) those of the
 * committee the server will route its dispute type to. "Show all" lifts either.
 */
function fitting(mediators: Mediator[], c: FieldProps['c']): Mediator[] {
  const fit = c.committee ? mediators.filter((m) => m.committee === c.committee?.code) : mediators.filter((m) => committeeMatches(c.disputeType, m.committeeName))
  return fit.length ? fit : mediators
}

/** 指派 / 改派: pick a mediator; where the field is optional (受理) leaving it to the system is a choice of its own. */
export default function MediatorField({ c, field, form, errors, set }: FieldProps) {
  const [mediators, setMediators] = useState<Mediator[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [showAll, setShowAll] = useState(false)
  const systemPick = !field.required

  useEffect(() => {
    void api.call('mediation.mediators', {}).then((r) => {
      if (r.ok) setMediators(r.mediators)
      else setLoadError(r.message)
    })
  }, [])

  const shown = useMemo(() => (!mediators ? [] : showAll ? mediators : fitting(mediators, c)), [mediators, showAll, c])

  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      {field.placeholder && <Text className='jf-muted jf-med-help'>{field.placeholder}</Text>}
      {loadError && <Text className='jf-muted jf-med-help'>调解员名单加载失败：{loadError}</Text>}
      {!mediators && !loadError && <Text className='jf-muted'>正在加载调解员…</Text>}
      <View className='jf-col' id='jf-med-mediators'>
        {systemPick && (
          <View className={`jf-med-mediator jf-med-option jf-row-between ${form.mediatorId === '' ? 'is-active' : ''}`} data-mediator-id='' {...a11y('radio', { checked: form.mediatorId === '' })} onClick={() => set('mediatorId', '')}>
            <Text className='jf-med-mediator-name'>系统指派</Text>
            <Text className='jf-muted'>按纠纷类型自动选择</Text>
          </View>
        )}
        {shown.map((m) => (
          <View key={m.id} className={`jf-med-mediator jf-med-option jf-row-between ${form.mediatorId === m.id ? 'is-active' : ''}`} data-mediator-id={m.id} {...a11y('radio', { checked: form.mediatorId === m.id })} onClick={() => set('mediatorId', m.id)}>
            <Text className='jf-med-mediator-name'>{m.name}</Text>
            <Text className='jf-muted'>
              {m.committeeName} · 在办 {m.openCases} 件
            </Text>
          </View>
        ))}
      </View>
      {mediators && shown.length < mediators.length && (
        <Text className='jf-med-link' id='jf-med-mediators-all' {...a11y('button')} onClick={() => setShowAll(true)}>
          显示全部调解员（{mediators.length}）
        </Text>
      )}
      <FieldError field='mediatorId' message={errors.mediatorId} />
    </View>
  )
}
