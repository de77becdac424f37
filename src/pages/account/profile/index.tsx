import { Button as NutButton } from '@nutui/nutui-react-taro'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import ConsentSheet from '../../../components/ConsentSheet'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import { NICKNAME_MAX } from '../../../contracts/limits'
import { useProfile, type ProfileState } from './useProfile'
import { a11y } from '../../../utils/a11y'
import '../account.css'

const weapp = process.env.TARO_ENV === 'weapp'

/** 个人资料: 头像昵称填写 (WeChat's chooseAvatar button and nickname keyboard), and the phone. */
export default function Profile() {
  const s = useProfile()
  const p = s.profile
  if (!p) return <LoadState error={s.loadError} errorId='jf-profile-error' loadingId='jf-profile-loading' onRetry={() => void s.load()} retryable={s.loadRetryable} />
  return (
    <View className='jf-page jf-account' id='jf-profile'>
      <View className='jf-card jf-account-card'>
        <Text className='jf-section-title'>头像</Text>
        <View className='jf-account-avatar-row jf-row'>
          <View className='jf-account-avatar'>{p.avatarUrl ? <Image className='jf-account-avatar-img' src={p.avatarUrl} mode='aspectFill' /> : <Text>我</Text>}</View>
          {weapp ? (
            <Button id='jf-profile-avatar' className='jf-account-open-btn' openType='chooseAvatar' onChooseAvatar={(e) => void s.saveAvatar(String(e.detail.avatarUrl ?? ''))}>
              {s.busy === 'avatar' ? '正在上传…' : '选择头像'}
            </Button>
          ) : (
            <Button id='jf-profile-avatar' className='jf-account-open-btn' onClick={() => void s.pickAvatar()}>
              {s.busy === 'avatar' ? '正在上传…' : '选择头像'}
            </Button>
          )}
          {p.avatarUrl && (
            <Text className='jf-account-link' id='jf-profile-avatar-remove' {...a11y('button', { label: '移除头像' })} onClick={() => void s.removeAvatar()}>
              移除
            </Text>
          )}
        </View>
      </View>

      <View className='jf-card jf-account-card'>
        <Text className='jf-section-title'>昵称</Text>
        <Text className='jf-account-hint'>其他人（网格员、调解员、群成员）看到的名字。{p.nicknameSet ? '' : '未设置时显示为“微信用户”。'}</Text>
        <View className='jf-account-field jf-row'>
          <Input
            id='jf-profile-nickname'
            className='jf-account-input'
            type='nickname'
            placeholder='请输入昵称'
            maxlength={NICKNAME_MAX}
            value={s.nickname}
            onInput={(e) => s.setNickname(e.detail.value)}
            onBlur={(e) => s.setNickname(e.detail.value)}
          />
          <NutButton id='jf-profile-nickname-save' size='small' type='primary' loading={s.busy === 'nickname'} onClick={() => void s.saveNickname()}>
            保存
          </NutButton>
        </View>
        <FieldError field='nickname' message={s.nicknameError} />
      </View>

      <PhoneCard s={s} />

      <Text className='jf-account-foot'>头像会去除拍摄地点等信息后保存；手机号加密保存，页面只显示部分号码。</Text>
      <ConsentSheet gate={s.gate} />
    </View>
  )
}

function PhoneCard({ s }: { s: ProfileState }) {
  const p = s.profile!
  return (
    <View className='jf-card jf-account-card' id='jf-profile-phone'>
      <Text className='jf-section-title'>手机号</Text>
      <View className='jf-account-phone jf-row-between'>
        <Text id='jf-profile-phone-now'>{p.phone ? `${p.phone.masked}（${p.phone.sourceLabel}）` : '未填写'}</Text>
        {p.phone && (
          <Text className='jf-account-link' id='jf-profile-phone-remove' {...a11y('button', { label: '删除手机号' })} onClick={() => void s.removePhone()}>
            删除
          </Text>
        )}
      </View>
      <Text className='jf-account-hint'>加入调解等需要核对身份时使用，须与对方填写的号码一致。</Text>
      {weapp && (
        <Button id='jf-profile-phone-wechat' className='jf-account-open-btn is-wide' openType='getPhoneNumber' onGetPhoneNumber={(e) => void s.phoneByCode(e.detail)}>
          {s.busy === 'phone' ? '正在保存…' : p.phone ? '更换为微信绑定的手机号' : '使用微信绑定的手机号'}
        </Button>
      )}
      {s.typing ? (
        <>
          <View className='jf-account-field jf-row'>
            <Input id='jf-profile-phone-input' className='jf-account-input' type='number' maxlength={11} placeholder='请输入手机号' value={s.phone} onInput={(e) => s.setPhone(e.detail.value)} />
            <NutButton id='jf-profile-phone-save' size='small' type='primary' loading={s.busy === 'phone'} onClick={() => void s.saveTypedPhone()}>
              保存
            </NutButton>
          </View>
          <FieldError field='phone' message={s.phoneError} />
        </>
      ) : (
        <Text className='jf-account-link jf-account-type' id='jf-profile-phone-type' {...a11y('button')} onClick={() => s.setTyping(true)}>
          手动填写手机号
        </Text>
      )}
    </View>
  )
}
