import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ActionView } from '../../contracts/api'
import './index.css'

export type ActTone = 'primary' | 'danger' | 'default'

interface Props {
  actions: ActionView[]
  /** The action whose call is running: its button spins. */
  busy: string
  tone: (a: ActionView) => ActTone
  label: (a: ActionView) => string
  onTap: (a: ActionView) => void
  /** Element ids the tests find: the bar and its "nothing to do" line. */
  ids: { bar: string; none: string }
  /** An area's own class on each button, next to `jf-act` (its tests find `.jf-med-act`). */
  buttonClass?: string
}

/** The moves the server allows now, fixed at the bottom of a case; an empty bar says so. */
export default function ActBar({ actions, busy, tone, label, onTap, ids, buttonClass = '' }: Props) {
  return (
    <>
      <View className='jf-act-bar-space' />
      <View className='jf-act-bar' id={ids.bar}>
        {actions.length ? (
          actions.map((a) => {
            const t = tone(a)
            return (
              <View key={a.action} className='jf-act-cell'>
                <Button
                  className={`jf-act jf-act-${t} ${buttonClass}`}
                  data-action={a.action}
                  type={t}
                  fill={t === 'danger' ? 'outline' : undefined}
                  block
                  loading={busy === a.action}
                  onClick={() => onTap(a)}
                >
                  {label(a)}
                </Button>
              </View>
            )
          })
        ) : (
          <Text className='jf-muted' id={ids.none}>
            当前没有可办理的操作
          </Text>
        )}
      </View>
    </>
  )
}
