import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import { useDeleteAccount } from './useDeleteAccount'
import '../account.css'

const DELETED = ['昵称、头像和手机号', '消息通知和订阅提醒', '关注的事项和加入的网格群', '调解案件中您的姓名和电话（显示为“已注销用户”）']
const KEPT = [
  '您上报的问题：内容保留用于办理和统计，上报人显示为“已注销用户”',
  '调解案件、调解协议和办理记录：依法存档，您的姓名显示为“已注销用户”',
  '出租屋实名登记：法定保存期内保留加密的证件信息，期满后自动清除',
]

/** 注销账号: what goes, what stays for the record, type 注销; staff are refused with the reason. */
export default function DeleteAccount() {
  const s = useDeleteAccount()
  if (s.done)
    return (
      <View className='jf-page jf-account' id='jf-delete-done'>
        <View className='jf-card jf-account-card'>
          <Text className='jf-section-title'>账号已注销</Text>
          <Text className='jf-account-hint'>您的个人资料和个人信息已删除。以下内容依法保留：</Text>
          {s.done.kept.map((k) => (
            <Text key={k} className='jf-account-list-item jf-delete-kept'>
              · {k}
            </Text>
          ))}
          <Text className='jf-account-hint'>再次使用本微信进入时，将作为新用户开始，看不到之前的记录。</Text>
          <View className='jf-account-actions'>
            <Button id='jf-delete-leave' type='primary' block onClick={s.leave}>
              返回首页
            </Button>
          </View>
        </View>
      </View>
    )
  if (!s.profile) return <LoadState error={s.error} errorId='jf-delete-error' loadingId='jf-delete-loading' onRetry={() => void s.load()} retryable={s.retryable} />
  return (
    <View className='jf-page jf-account' id='jf-delete'>
      <View className='jf-card jf-account-card'>
        <Text className='jf-section-title'>将删除</Text>
        {DELETED.map((k) => (
          <Text key={k} className='jf-account-list-item'>
            · {k}
          </Text>
        ))}
        <Text className='jf-section-title'>将保留</Text>
        {KEPT.map((k) => (
          <Text key={k} className='jf-account-list-item'>
            · {k}
          </Text>
        ))}
      </View>
      {s.profile.staff ? (
        <View className='jf-account-banner' id='jf-delete-staff'>
          <Text>您目前担任工作人员，暂时无法注销账号。请先联系管理员撤销您的工作人员身份，再来注销。</Text>
        </View>
      ) : (
        <View className='jf-card jf-account-card'>
          <Text className='jf-section-title'>确认注销</Text>
          <Text className='jf-account-hint'>注销后无法恢复。请在下方输入“注销”两个字确认。</Text>
          <View className='jf-account-field jf-row'>
            <Input id='jf-delete-confirm' className='jf-account-input' placeholder='请输入：注销' value={s.typed} onInput={(e) => s.setTyped(e.detail.value)} />
          </View>
          <FieldError field='confirm' message={s.typedError} />
          <View className='jf-account-actions'>
            <Button id='jf-delete-submit' type='danger' block loading={s.deleting} onClick={() => void s.remove()}>
              注销账号
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
