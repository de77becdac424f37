import { Step, Steps } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { Progress } from '../../utils/progress'
import './index.css'

/**
 * A case's way as NutUI Steps (utils/progress says where it stands): steps behind in colour with their day,
 * the step in hand marked, steps to come in grey. Only the detail pages of cases show it (report, mediation,
 * check-in and the staff case pages), so NutUI Steps stays out of the main package (see Timeline).
 */
export default function ProgressSteps({ progress, id = 'jf-progress', card = true }: { progress: Progress; id?: string; card?: boolean }) {
  const { steps, current, offPath } = progress
  return (
    <View className={`${card ? 'jf-card ' : ''}jf-progress ${offPath ? 'is-off-path' : ''}`} id={id} data-current={current} data-steps={steps.length}>
      <Steps value={current} type='dot' status='dynamic' layout='double'>
        {steps.map((s, i) => (
          <Step
            key={s.title}
            value={i + 1}
            title={s.title}
            description={s.day || ' '}
            className={i + 1 < current ? 'is-done' : i + 1 === current ? 'is-now' : 'is-todo'}
          />
        ))}
      </Steps>
    </View>
  )
}
