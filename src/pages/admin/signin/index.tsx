import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { useStaffSignIn } from './useStaffSignIn'
import '../../join/index.css'
import TextBox from '../../../components/TextBox'

/**
 * The H5 desk on CloudBase: staff sign in with an SMS code (CloudBase authentication); the first
 * time, the invitation code from their administrator binds this sign-in to their staff record.
 * Local mode keeps its dev sign-in on the home page and never shows this page.
 */
export default function StaffSignIn() {
  const { stage, phone, setPhone, otp, setOtp, invite, setInvite, error, busy, requestCode, signIn, bind, signOut } = useStaffSignIn()

  return (
    <View className='jf-page jf-join' id='jf-signin-page' data-stage={stage}>
      <View className='jf-card jf-join-card'>
        {stage === 'checking' && <Text className='jf-muted jf-join-help'>正在确认登录状态…</Text>}
        {(stage === 'phone' || stage === 'code') && (
          <>
            <Text className='jf-section-title'>工作人员登录</Text>
            <Text className='jf-muted jf-join-help'>用登记的工作手机接收短信验证码登录。</Text>
            <TextBox id='jf-signin-phone' className='jf-join-input' value={phone} type='tel' onChange={(v) => setPhone(v)} placeholder='手机号' maxLength={16} disabled={stage === 'code'} />
            {stage === 'code' && (
              <TextBox id='jf-signin-otp' className='jf-join-input' value={otp} type='number' onChange={(v) => setOtp(v)} placeholder='短信验证码' maxLength={8} />
            )}
            <FieldError field='signin' message={error} />
            <View className='jf-join-actions'>
              {stage === 'code' && (
                <Button id='jf-signin-resend' fill='outline' disabled={busy} onClick={() => void requestCode()}>
                  重新获取
                </Button>
              )}
              {stage === 'phone' ? (
                <Button id='jf-signin-send' type='primary' loading={busy} onClick={() => void requestCode()}>
                  获取验证码
                </Button>
              ) : (
                <Button id='jf-signin-submit' type='primary' loading={busy} onClick={() => void signIn()}>
                  登录
                </Button>
              )}
            </View>
          </>
        )}
        {stage === 'invite' && (
          <>
            <Text className='jf-section-title'>绑定工作人员账号</Text>
            <Text className='jf-muted jf-join-help'>首次登录请输入管理员发给您的邀请码（一次有效），绑定后本账号即为您的工作账号。</Text>
            <TextBox id='jf-signin-invite' className='jf-join-input' value={invite} onChange={(v) => setInvite(v)} placeholder='8 位邀请码' maxLength={32} field='code' error={error} />
            <View className='jf-join-actions'>
              <Button id='jf-signin-out' fill='outline' disabled={busy} onClick={() => void signOut()}>
                换个账号
              </Button>
              <Button id='jf-signin-bind' type='primary' loading={busy} onClick={() => void bind()}>
                绑定
              </Button>
            </View>
          </>
        )}
      </View>
    </View>
  )
}
