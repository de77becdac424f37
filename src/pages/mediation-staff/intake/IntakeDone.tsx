import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import CaseNumber from '../../../components/CaseNumber'
import ShareCode from '../../../components/ShareCode'
import type { ShareCodeView } from '../../../contracts/shareCode'
import { intakeInviteMessage } from '../../../utils/mediation/intake'
import type { IntakeMode } from '../../../utils/mediation/intake'
import type { IntakeDone as Done } from './useIntake'
import '../../../components/MediationKit/kit.css'
import '../../../components/MediationCase/index.css'
import './index.css'

const copy = (text: string) =>
  void Taro.setClipboardData({ data: text })
    .then(() => Taro.showToast({ title: '邀请码已复制', icon: 'none' }))
    .catch(() => undefined)

/**
 * The case as opened: its number, where it stands, and each party's own invitation code to hand over
 * (copy, or a 小程序码 to scan on the spot). The one who entered it may not read the case afterwards
 * (mediation is the committee's): the codes are shown here, and the mediator sees them too.
 */
export default function IntakeDone({ done, mode }: { done: Done; mode: IntakeMode }) {
  const [codes, setCodes] = useState<Record<string, ShareCodeView>>({})
  const [busy, setBusy] = useState('')
  const showCode = async (invite: string) => {
    if (busy) return
    setBusy(invite)
    const r = await api.call('mediation.inviteQr', { invite })
    setBusy('')
    if (!r.ok) return void Taro.showToast({ title: r.message, icon: 'none' })
    setCodes((m) => ({ ...m, [invite]: r.qr }))
  }
  const c = done.case
  return (
    <View className='jf-page jf-intake-done' id='jf-intake-done' data-case-id={c.id} data-number={c.number ?? ''}>
      <View className='jf-med-banner' id='jf-intake-done-banner'>
        <Text>{mode === 'report' ? '已转为人民调解，原事项已办结为「已转调解」。' : '纠纷已录入。'}当前状态：{c.statusLabel}。</Text>
      </View>
      <View className='jf-card jf-col jf-intake-case'>
        <Text className='jf-section-title'>调解案件</Text>
        <CaseNumber value={c.number} label='案件编号' id='jf-intake-number' />
        <Text className='jf-muted'>{c.statusLabel === '已申请' ? '街道调解中心受理后指派调解员' : '由您承办，请邀请各方当事人后安排调解'}</Text>
      </View>
      <View className='jf-card jf-med-invites is-prominent' id='jf-intake-invites'>
        <Text className='jf-section-title'>请把邀请码交给各位当事人</Text>
        <Text className='jf-med-invites-help'>每位当事人凭自己的邀请码加入：打开街坊通「在线调解」→「输入邀请码」，或扫小程序码。邀请只对录入的手机号开放，请提醒当事人先在「我的」里设置这个手机号。</Text>
        {done.invites.map((inv) => (
          <View key={inv.code} className='jf-med-invite jf-col' data-code={inv.code}>
            <View className='jf-med-invite-main jf-col'>
              <Text className='jf-med-invite-name'>{inv.name}</Text>
              <Text className='jf-med-invite-code'>{inv.code}</Text>
            </View>
            <View className='jf-med-invite-foot jf-row-between'>
              <Button className='jf-med-invite-copy' size='small' type='primary' fill='outline' onClick={() => copy(intakeInviteMessage(inv.name, inv.code))}>
                复制邀请码
              </Button>
              {!codes[inv.code] && (
                <Button className='jf-med-invite-qr' size='small' fill='none' loading={busy === inv.code} onClick={() => void showCode(inv.code)}>
                  显示小程序码
                </Button>
              )}
            </View>
            {codes[inv.code] && <ShareCode className='jf-med-invite-qrimg' id={`jf-intake-qr-${inv.code}`} qr={codes[inv.code]!} />}
          </View>
        ))}
      </View>
      <View className='jf-intake-submit-row jf-col'>
        {c.readable && (
          <Button id='jf-intake-open' type='primary' block onClick={() => void Taro.redirectTo({ url: `/pages/mediation-staff/case/index?id=${encodeURIComponent(c.id)}` })}>
            查看调解案件
          </Button>
        )}
        <Button id='jf-intake-back' block fill='outline' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }))}>
          {mode === 'report' ? '返回事项' : '返回'}
        </Button>
      </View>
    </View>
  )
}
