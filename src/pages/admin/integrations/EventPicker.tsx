import { Checkbox } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { CASE_EVENT_LABELS, CASE_EVENT_NAMES, EVENTS_OF_KIND, SUBSCRIBABLE_KIND_LABELS, SUBSCRIBABLE_KINDS, type CaseEventName, type EventSelection, type SubscribableKind } from '../../../core/caseEvents'
import { a11y } from '../../../utils/a11y'

/** Which events of which kinds a subscription receives: a row of boxes per kind (only the events it can produce), in a named group. */
export default function EventPicker({ value, onChange }: { value: EventSelection; onChange: (v: EventSelection) => void }) {
  const toggle = (kind: SubscribableKind, event: CaseEventName, on: boolean) => {
    const now = new Set(value[kind] ?? [])
    if (on) now.add(event)
    else now.delete(event)
    // Kept in the vocabulary's order, so the saved selection reads the same way every time.
    onChange({ ...value, [kind]: CASE_EVENT_NAMES.filter((e) => now.has(e)) })
  }
  return (
    <View id='jf-int-events'>
      {SUBSCRIBABLE_KINDS.map((kind) => (
        <View key={kind} className='jf-int-kind' data-kind={kind} {...a11y('group', { label: SUBSCRIBABLE_KIND_LABELS[kind] })}>
          <Text className='jf-int-kind-name'>{SUBSCRIBABLE_KIND_LABELS[kind]}</Text>
          {EVENTS_OF_KIND[kind].map((event) => {
            const checked = value[kind]?.includes(event) ?? false
            return (
              <Checkbox
                key={event}
                className='jf-int-event'
                data-event={event}
                checked={checked}
                label={CASE_EVENT_LABELS[event]}
                onChange={(on) => toggle(kind, event, on)}
                {...a11y('checkbox', { checked, label: `${SUBSCRIBABLE_KIND_LABELS[kind]}${CASE_EVENT_LABELS[event]}` })}
              />
            )
          })}
        </View>
      ))}
    </View>
  )
}
