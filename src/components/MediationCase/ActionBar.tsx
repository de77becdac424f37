import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ActionView } from '../../contracts/api'
import { medActionTone } from '../../utils/mediation/moves'

/** The moves the server lists for the viewer, fixed at the bottom; staff see an empty bar too. */
export default function ActionBar({ actions, busy, onTap }: { actions: ActionView[]; busy: string; onTap: (a: ActionView) => void }) {
  return (
    <>
      <View className='jf-med-bar-space' />
      <View className='jf-med-bar' id='jf-med-act-bar'>
        {actions.length ? (
          actions.map((a) => {
            const tone = medActionTone(a.action)
            return (
              <View key={a.action} className='jf-med-bar-cell'>
                <Button
                  className={`jf-med-act jf-med-act-${tone}`}
                  data-action={a.action}
                  type={tone === 'default' ? 'default' : tone === 'danger' ? 'danger' : 'primary'}
                  fill={tone === 'danger' ? 'outline' : undefined}
                  block
                  loading={busy === a.action}
                  onClick={() => onTap(a)}
                >
                  {a.label}
                </Button>
              </View>
            )
          })
        ) : (
          <Text className='jf-muted' id='jf-med-act-none'>
            当前没有可办理的操作
          </Text>
        )}
      </View>
    </>
  )
}
