import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { HOME_URL } from '../../api'
import { useJoinStaff } from './useJoinStaff'
import './index.css'
import TextBox, { editing } from '../../components/TextBox'

/**
 * A staff invitation (code or QR from the district admin): binding makes this WeChat account the
 * staff member's, with their role and units, from the next call on.
 */
export default function JoinStaff() {
  const { code, setCode, error, setError, busy, bound, bind, scan } = useJoinStaff()

  if (bound) {
    return (
      <View className='jf-page jf-join' id='jf-join-page' data-state='bound'>
        <View className='jf-card jf-join-card' id='jf-join-done'>
          <Text className='jf-join-title'>绑定成功</Text>
          <Text className='jf-join-name' id='jf-join-name'>
            {bound.name}
          </Text>
          <View className='jf-join-roles'>
            {bound.roles.map((r) => (
              <Text key={`${r.role}-${r.unitCode}`} className='jf-join-role' data-role={r.role}>
                {r.roleLabel} · {r.unitName}
              </Text>
            ))}
          </View>
          <View className='jf-join-actions'>
            <Button id='jf-join-home' type='primary' block onClick={() => void Taro.reLaunch({ url: HOME_URL })}>
              进入工作台
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='jf-page jf-join' id='jf-join-page' data-state='form'>
      <View className='jf-card jf-join-card'>
        <Text className='jf-section-title'>工作人员邀请码</Text>
        <Text className='jf-muted jf-join-help'>邀请码由区、街道管理员发给您，一次有效；绑定后本微信即为您的工作账号。</Text>
        <TextBox id='jf-join-code' className='jf-join-input' value={code} onChange={editing(setCode, error, setError)} placeholder='8 位邀请码' maxLength={32} field='code' error={error} />
        <View className='jf-join-actions'>
          {process.env.TARO_ENV === 'weapp' && (
            <Button id='jf-join-scan' fill='outline' onClick={() => void scan()}>
              扫码
            </Button>
          )}
          <Button id='jf-join-bind' type='primary' loading={busy} onClick={() => void bind()}>
            绑定
          </Button>
        </View>
      </View>
    </View>
  )
}
