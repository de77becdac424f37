import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ActionView, MediationActInput, MediationView } from '../../contracts/api'
import type { CaseHelperView } from '../../contracts/mediationHelpers'
import type { Failure } from '../../core/outcome'
import { formatInstant } from '../../core/time'
import Stars from '../Stars'
import { useHelperPicker } from './useHelperPicker'
import { a11y } from '../../utils/a11y'
import './index.css'

/** The moves this card makes; the case page's action bar leaves them out. */
export const HELPER_MOVES: readonly string[] = ['invite_helper', 'remove_helper', 'rate_helper']

interface Props {
  c: MediationView
  actions: ActionView[]
  busy: string
  send: (input: MediationActInput, label: string) => Promise<Failure | null>
}

async function sure(content: string): Promise<boolean> {
  try {
    return (await Taro.showModal({ title: '请确认', content, confirmText: '确认', cancelText: '取消' })).confirm
  } catch {
    return false
  }
}

/**
 * 协助调解: who helps with the case (驻村法律顾问, 党员, 街坊). The assigned mediator invites from the
 * street's roster and lets a helper go; once the case is over each party may rate each helper.
 */
export default function MediationHelpers({ c, actions, busy, send }: Props) {
  const can = (a: string) => actions.find((x) => x.action === a)
  const invite = can('invite_helper')
  const remove = can('remove_helper')
  const rate = can('rate_helper')
  const { picker, open, close } = useHelperPicker(c.id)
  const [working, setWorking] = useState('')
  if (!c.helpers.length && !invite) return null

  const act = async (action: string, label: string, extra: Partial<MediationActInput>) => {
    if (busy || working) return
    setWorking(`${action}:${extra.helperId ?? ''}`)
    const failure = await send({ id: c.id, action, version: c.version, ...extra }, label)
    setWorking('')
    if (failure) void Taro.showToast({ title: failure.message, icon: 'none' })
    else if (action === 'invite_helper') close()
  }

  return (
    <View className='jf-card jf-medh' id='jf-med-helpers' data-count={c.helpers.length}>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>协助调解</Text>
      <View className='jf-med-body jf-col'>
        {c.helpers.length === 0 && <Text className='jf-muted jf-medh-empty'>可邀请本社区的驻村法律顾问、党员或街坊协助调解，他们能看到案件和沟通记录，并可在沟通中发言。</Text>}
        {c.helpers.map((h) => (
          <HelperLine
            key={h.userId}
            h={h}
            removable={Boolean(remove)}
            ratable={Boolean(rate) && h.myRating === null && !h.isMe}
            working={working}
            onRemove={async () => {
              if (await sure(`移出后，${h.name}将不能再查看本案件。`)) await act('remove_helper', '移出', { helperId: h.userId })
            }}
            onRate={(rating) => act('rate_helper', '评价', { helperId: h.userId, rating })}
          />
        ))}
        {invite && picker.phase === 'closed' && (
          <Button className='jf-medh-open' id='jf-medh-invite' size='small' type='primary' fill='outline' onClick={() => void open()}>
            邀请协助调解人
          </Button>
        )}
        {picker.phase === 'loading' && <Text className='jf-muted'>正在读取协助调解人名册…</Text>}
        {picker.phase === 'error' && <Text className='jf-medh-error'>{picker.message}</Text>}
        {picker.phase === 'ready' && (
          <View className='jf-medh-picker jf-col' id='jf-medh-picker'>
            <Text className='jf-medh-picker-title'>本街道协助调解人</Text>
            {picker.helpers.length === 0 && <Text className='jf-muted' id='jf-medh-none'>名册中还没有协助调解人，请联系区级管理员在「工作人员与邀请」中导入。</Text>}
            {picker.helpers.map((x) => (
              <View key={x.userId} className='jf-medh-cand jf-row-between' data-name={x.name}>
                <View className='jf-col'>
                  <Text className='jf-medh-name'>
                    {x.name} <Text className='jf-medh-kind'>{x.kindLabel}</Text>
                  </Text>
                  <Text className='jf-muted'>
                    {x.unitName} · 正在协助 {x.openCases} 件{x.phone ? ` · ${x.phone}` : ''}
                  </Text>
                </View>
                {x.invited ? (
                  <Text className='jf-muted'>已邀请</Text>
                ) : (
                  <Button className='jf-medh-pick' size='small' type='primary' loading={working === `invite_helper:${x.userId}`} onClick={() => void act('invite_helper', '邀请', { helperId: x.userId })}>
                    邀请
                  </Button>
                )}
              </View>
            ))}
            <Button className='jf-medh-close' size='small' fill='none' onClick={close}>
              收起
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}

function HelperLine({ h, removable, ratable, working, onRemove, onRate }: { h: CaseHelperView; removable: boolean; ratable: boolean; working: string; onRemove: () => void; onRate: (n: number) => void }) {
  const [stars, setStars] = useState(0)
  return (
    <View className='jf-medh-helper jf-col' data-name={h.name} data-kind={h.kind}>
      <View className='jf-row-between'>
        <View className='jf-col'>
          <Text className='jf-medh-name'>
            {h.name}
            {h.isMe ? '（我）' : ''} <Text className='jf-medh-kind'>{h.kindLabel}</Text>
          </Text>
          <Text className='jf-muted'>{formatInstant(h.invitedAt)}加入</Text>
        </View>
        {removable && (
          <Button className='jf-medh-remove' size='small' fill='none' loading={working === `remove_helper:${h.userId}`} onClick={onRemove}>
            移出
          </Button>
        )}
      </View>
      {h.rating && (
        <Text className='jf-muted jf-medh-score'>
          当事人评价 {h.rating.average} 分（{h.rating.count} 人）
        </Text>
      )}
      {h.myRating !== null && (
        <View className='jf-medh-mine'>
          <Text className='jf-muted'>我的评价</Text>
          <Stars value={h.myRating} readOnly size='small' />
        </View>
      )}
      {ratable && (
        <View className='jf-medh-rate jf-col'>
          <Text className='jf-muted'>请评价这位协助调解人</Text>
          <Stars value={stars} onChange={setStars} size='small' />
          <Button className='jf-medh-rate-send' size='small' type='primary' disabled={!stars} loading={working === `rate_helper:${h.userId}`} onClick={() => onRate(stars)}>
            提交评价
          </Button>
        </View>
      )}
    </View>
  )
}
