import { Text, View } from '@tarojs/components'
import { formatFull } from '../../../core/time'
import type { InvitationView } from '../../../contracts/admin'
import type { ShareCodeView } from '../../../contracts/shareCode'
import ShareCode from '../../../components/ShareCode'

export interface IssuedInvite {
  name: string
  code: string
  path: string
  qr: ShareCodeView | null
  qrError: string | null
  webLink: string | null
  invitation: InvitationView
}

/** The code and QR just issued: shown once (only its hash is stored), to print or read out. */
export default function InvitePanel({ issued, onRevoke, onClose }: { issued: IssuedInvite; onRevoke: () => void; onClose: () => void }) {
  return (
    <View className='jf-ak-section' id='jf-invite-panel' data-user-id={issued.invitation.userId} data-status={issued.invitation.status}>
      <Text className='jf-ak-title'>{issued.name} 的邀请</Text>
      <View className='jf-ak-row'>
        {issued.qr ? (
          <ShareCode className='jf-ak-qr' id='jf-invite-qr' qr={issued.qr} label='工作人员邀请码' />
        ) : (
          <Text className='jf-ak-help' id='jf-invite-qr-error'>
            {issued.qrError}
          </Text>
        )}
        <View>
          <Text className='jf-ak-help'>在微信中扫码，或打开小程序「工作人员绑定」输入邀请码：</Text>
          <Text className='jf-ak-code' id='jf-invite-code'>
            {issued.code}
          </Text>
          <Text className='jf-ak-help' id='jf-invite-path'>
            小程序页面：{issued.path}
          </Text>
          {issued.webLink && (
            <Text className='jf-ak-help' id='jf-invite-weblink'>
              在电脑上使用网页版的工作人员，打开：{issued.webLink}
            </Text>
          )}
          <Text className='jf-ak-help'>
            {issued.invitation.statusLabel} · 有效期至 {formatFull(issued.invitation.expiresAt)} · 仅可使用一次；邀请码只显示这一次。
          </Text>
          <View className='jf-ak-row'>
            <button type='button' className='jf-btn' id='jf-invite-revoke' disabled={issued.invitation.status !== 'open'} onClick={onRevoke}>
              撤销邀请
            </button>
            <button type='button' className='jf-btn' onClick={onClose}>
              关闭
            </button>
          </View>
        </View>
      </View>
    </View>
  )
}
