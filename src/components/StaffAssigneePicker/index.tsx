import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { AssigneeView } from '../../contracts/api'
import { a11y, decorative } from '../../utils/a11y'
import './index.css'

interface Props {
  value: AssigneeView | null
  onChange: (a: AssigneeView) => void
}

/** Who a case can go to, as the server lists them for the caller: grid workers first, then departments. */
export default function StaffAssigneePicker({ value, onChange }: Props) {
  const [list, setList] = useState<AssigneeView[] | null>(null)
  const [error, setError] = useState('')

  const load = async () => {
    setError('')
    const r = await api.call('cases.assignees', {})
    if (r.ok) setList(r.assignees)
    else setError(r.message)
  }

  useEffect(() => {
    void load()
  }, [])

  if (!list)
    return (
      <View className='jf-assignees is-empty' id='jf-assignees'>
        <Text className='jf-muted'>{error || '正在加载处置人员…'}</Text>
        {error && (
          <Text className='jf-assignees-retry' {...a11y('button', { label: '重试加载' })} onClick={() => void load()}>
            重试
          </Text>
        )}
      </View>
    )

  if (!list.length)
    return (
      <View className='jf-assignees is-empty' id='jf-assignees'>
        <Text className='jf-muted'>没有可分派的人员或部门</Text>
      </View>
    )

  const groups: Array<{ title: string; items: AssigneeView[] }> = [
    { title: '网格员 / 人员', items: list.filter((a) => a.kind === 'user') },
    { title: '职能部门', items: list.filter((a) => a.kind === 'department') },
  ].filter((g) => g.items.length)

  return (
    <View className='jf-assignees' id='jf-assignees'>
      {groups.map((g) => (
        <View key={g.title} className='jf-assignee-group'>
          <Text className='jf-assignee-group-title'>{g.title}</Text>
          {g.items.map((a) => {
            const on = value?.kind === a.kind && value.id === a.id
            return (
              <View
                key={`${a.kind}-${a.id}`}
                className={`jf-assignee ${on ? 'is-active' : ''}`}
                data-id={a.id}
                data-kind={a.kind}
                {...a11y('radio', { checked: on })}
                onClick={() => onChange(a)}
              >
                <View className='jf-assignee-body'>
                  <Text className='jf-assignee-name'>{a.name}</Text>
                  <Text className='jf-assignee-detail'>{a.detail}</Text>
                </View>
                <View className={`jf-assignee-radio ${on ? 'is-on' : ''}`} {...decorative} />
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
