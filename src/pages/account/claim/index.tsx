import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CaseNumber from '../../../components/CaseNumber'
import EmptyState from '../../../components/EmptyState'
import LoadState from '../../../components/LoadState'
import { formatFull } from '../../../core/time'
import { a11y } from '../../../utils/a11y'
import { useClaim } from './useClaim'
import '../account.css'
import './index.css'

const PROFILE = '/pages/account/profile/index'

/**
 * 认领代办事项: what a grid worker or 代办员 filed for me while I was with them. Nothing shows until my
 * own phone is set (and, in WeChat, verified with the phone button); then the cases filed for it, by
 * what they are — never their text — and one tap makes each mine.
 */
export default function Claim() {
  const { listed, loadError, busy, load, claim } = useClaim()
  if (!listed) return <LoadState error={loadError} errorId='jf-claim-error' loadingId='jf-claim-loading' onRetry={() => void load()} />
  const { phone, cases } = listed
  const toProfile = () => void Taro.navigateTo({ url: PROFILE })
  return (
    <View className='jf-page jf-account jf-claim' id='jf-claim' data-phone={phone.state}>
      <View className='jf-card jf-account-card'>
        <Text className='jf-claim-intro'>网格员或代办员为您代办的事项（申请调解、上报问题等），登记的是您的手机号。用同一个手机号认领后，事项就在您自己的账号里，进展会通知您。</Text>
      </View>
      {phone.state === 'missing' && (
        <EmptyState icon='phone' title='请先填写本人手机号' description='只有手机号与代办时登记的一致，才能看到并认领事项' action={{ id: 'jf-claim-set-phone', text: '去填写手机号', onClick: toProfile }} />
      )}
      {phone.state === 'unverified' && (
        <EmptyState
          icon='phone'
          title='请用微信验证手机号'
          description={`您的手机号 ${phone.masked ?? ''} 是手动填写的。为保护您的事项，需用微信验证本人手机号后才能认领`}
          action={{ id: 'jf-claim-verify-phone', text: '去验证手机号', onClick: toProfile }}
        />
      )}
      {phone.state === 'verified' && cases.length === 0 && <EmptyState title='暂无代办事项' description={`没有登记在 ${phone.masked ?? '您的手机号'} 下、尚未认领的代办事项`} />}
      {cases.map((c) => (
        <View key={c.id} className='jf-card jf-account-card jf-claim-case' data-id={c.id}>
          <View className='jf-row-between'>
            <Text className='jf-claim-kind'>
              {c.kindLabel} · {c.what}
            </Text>
            <Text className='jf-claim-status'>{c.statusLabel}</Text>
          </View>
          <CaseNumber value={c.number} />
          <Text className='jf-claim-by'>
            {c.filedBy} 代办 · {formatFull(c.filedAt)}
          </Text>
          <View className='jf-claim-actions'>
            <Button className='jf-claim-go' type='primary' size='small' loading={busy === c.id} onClick={() => void claim(c)} {...a11y('button', { label: `认领${c.kindLabel}${c.number ?? ''}` })}>
              认领
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
