import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Stars from '../../../components/Stars'
import type { CaseView } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import { COMMENT_MAX, REOPEN_MAX } from './logic'
import { useDecide, type Mode } from './useDecide'
import { LimitedTextArea } from '../../../components/TextBox'
import { a11y } from '../../../utils/a11y'

const TABS: Array<{ mode: Mode; label: string }> = [
  { mode: 'confirm', label: '已解决，确认办结' },
  { mode: 'reopen', label: '未解决，重新打开' },
]

interface TextProps {
  id: string
  value: string
  onChange: (v: string) => void
  placeholder: string
  max: number
}

/** A counted text area inside the panel's tinted box. */
function DecideText({ id, value, onChange, placeholder, max }: TextProps) {
  return (
    <View className='jf-decide-text' id={id}>
      <LimitedTextArea value={value} onChange={onChange} placeholder={placeholder} maxLength={max} rows={3} showCount />
    </View>
  )
}

/** The reporter's say on a 已办结 case (see useDecide): two tabs, each with its form and button. */
export default function DecidePanel({ c, deadline, onDone }: { c: CaseView; deadline: string | null; onDone: () => Promise<void> }) {
  const d = useDecide(c, onDone)
  const error = d.error && (
    <Text className='jf-decide-error' id='jf-decide-error'>
      {d.error}
    </Text>
  )

  return (
    <View className='jf-card jf-decide' id='jf-decide' data-mode={d.mode}>
      <Text className='jf-section-title'>处置结果确认</Text>
      <Text className='jf-muted jf-decide-hint'>
        问题已处理完毕，请确认是否解决
        {deadline ? `（${formatFull(deadline)} 前未确认将自动归档）` : ''}
      </Text>
      <View className='jf-decide-tabs' {...a11y('tablist')}>
        {TABS.map((t) => (
          <View
            key={t.mode}
            className={`jf-decide-tab ${d.mode === t.mode ? 'is-active' : ''}`}
            id={`jf-decide-${t.mode}-tab`}
            data-mode={t.mode}
            {...a11y('tab', { selected: d.mode === t.mode })}
            onClick={() => d.switchTo(t.mode)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      {d.mode === 'confirm' ? (
        <View className='jf-decide-body'>
          <Text className='jf-decide-label'>服务评价</Text>
          <View id='jf-stars'>
            <Stars value={d.rating} onChange={d.rate} />
          </View>
          <DecideText id='jf-confirm-comment' value={d.comment} onChange={d.setComment} placeholder='说说您对处置结果的看法（选填）' max={COMMENT_MAX} />
          {error}
          <Button id='jf-confirm' type='primary' block loading={d.busy} onClick={() => void d.confirm()}>
            确认办结
          </Button>
        </View>
      ) : (
        <View className='jf-decide-body'>
          <Text className='jf-decide-label jf-required'>重新打开的原因</Text>
          <DecideText id='jf-reopen-note' value={d.note} onChange={d.setNote} placeholder='请说明问题还存在的情况，如：垃圾仍未清运' max={REOPEN_MAX} />
          {error}
          <Button id='jf-reopen' type='primary' fill='outline' block loading={d.busy} onClick={() => void d.reopen()}>
            重新打开
          </Button>
        </View>
      )}
    </View>
  )
}
