import { Button } from '@nutui/nutui-react-taro'
import { Button as WxButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { MediationView } from '../../contracts/api'
import type { ShareCodeView } from '../../contracts/shareCode'
import { intakeInviteMessage } from '../../utils/mediation/intake'
import { inviteMessage } from '../../utils/mediation/invite'
import ShareCode from '../ShareCode'
import { copy } from './device'
import { a11y } from '../../utils/a11y'

/**
 * The codes the applicant forwards to the other parties, and whether each has been used. In the
 * mini-program a 转发 card opens the join page with the code (the page's onShareAppMessage reads
 * the button's data-code); 小程序码 shows a code the other party can scan on the spot.
 */
export default function InvitesCard({ c, prominent }: { c: MediationView; prominent: boolean }) {
  const [codes, setCodes] = useState<Record<string, ShareCodeView>>({})
  const [busy, setBusy] = useState('')
  if (!c.invites.length) return null
  const unused = c.invites.some((x) => !x.used)
  // Staff hand the codes out on a dispute they entered: nobody applied (mediationIntake.ts).
  const handOut = c.myRole === 'mediator' || c.myRole === 'dispatcher'

  const showCode = async (invite: string) => {
    if (busy) return
    setBusy(invite)
    const r = await api.call('mediation.inviteQr', { invite })
    setBusy('')
    if (!r.ok) return void Taro.showToast({ title: r.message, icon: 'none' })
    setCodes((m) => ({ ...m, [invite]: r.qr }))
  }

  return (
    <View className={`jf-card jf-med-invites ${prominent || unused ? 'is-prominent' : ''}`} id='jf-med-invites'>
      <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>{handOut ? '各方当事人的邀请码' : '邀请对方参加调解'}</Text>
      <Text className='jf-med-invites-help'>
        {handOut
          ? '这起纠纷由工作人员录入，没有人在线申请：请把每位当事人自己的邀请码交给本人。当事人打开街坊通「在线调解」→「输入邀请码」，或扫小程序码，确认姓名并同意后加入调解。邀请只对录入时填写的手机号开放：请提醒当事人先在「我的」里设置这个手机号。'
          : '请把邀请码发给对方当事人。对方打开街坊通「在线调解」→「输入邀请码」，填写后即可查看申请并加入调解。邀请只对您为对方填写的手机号开放：请提醒对方先在「我的」里设置这个手机号。'}
      </Text>
      {c.invites.map((inv) => (
        <View key={inv.code} className='jf-med-invite jf-col' data-code={inv.code} data-used={inv.used ? '1' : '0'}>
          <View className='jf-med-invite-main jf-col'>
            <Text className='jf-med-invite-name'>{inv.name}</Text>
            <Text className='jf-med-invite-code'>{inv.code}</Text>
          </View>
          <View className='jf-med-invite-foot jf-row-between'>
            <Text className='jf-muted'>{inv.used ? (handOut ? '已通过邀请码加入' : '对方已通过邀请码加入') : handOut ? '尚未加入' : '对方尚未加入'}</Text>
            {inv.used ? (
              <Text className='jf-med-invite-used'>已加入</Text>
            ) : (
              <Button
                className='jf-med-invite-copy'
                data-code={inv.code}
                size='small'
                type='primary'
                fill='outline'
                onClick={() => copy(handOut ? intakeInviteMessage(inv.name, inv.code) : inviteMessage(inv.name, inv.code), handOut ? '邀请码已复制' : '邀请码已复制，请发给对方')}
              >
                复制邀请码
              </Button>
            )}
          </View>
          {!inv.used && (
            <View className='jf-med-invite-foot jf-row-between'>
              {process.env.TARO_ENV === 'weapp' && (
                <WxButton className='jf-med-invite-share' openType='share' data-code={inv.code} size='mini'>
                  转发给对方
                </WxButton>
              )}
              {inv.code.length <= 32 && !codes[inv.code] && (
                <Button className='jf-med-invite-qr' data-code={inv.code} size='small' fill='none' loading={busy === inv.code} onClick={() => void showCode(inv.code)}>
                  显示小程序码
                </Button>
              )}
            </View>
          )}
          {codes[inv.code] && <ShareCode className='jf-med-invite-qrimg' id={`jf-med-invite-qr-${inv.code}`} qr={codes[inv.code]!} />}
        </View>
      ))}
    </View>
  )
}
