import { Popup } from '@nutui/nutui-react-taro'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PRIVACY_AGREE_ID } from '../../utils/privacy'
import { privacyGate } from '../../utils/privacyRuntime'
import { a11y } from '../../utils/a11y'
import './index.css'

const LEAD = '在使用相关功能前，请您阅读并同意《街坊通用户隐私保护指引》。'
const BODY = '我们只在您使用对应功能时收集必要的信息（位置、照片、手机号等），仅用于办理您提交的事项，不会用于其他目的。您可在「我的 → 个人信息与隐私」随时查看、导出或删除。'

function currentRoute(): string {
  return Taro.getCurrentInstance().router?.path ?? ''
}

/**
 * The app's own privacy pop-up (wx.onNeedPrivacyAuthorization): mounted on pages that use privacy
 * APIs; `inline` is the prompt page opened for every other page. 同意 is WeChat's
 * agreePrivacyAuthorization button, without which WeChat does not take the agreement.
 */
export default function PrivacyPrompt({ inline = false, onDone }: { inline?: boolean; onDone?: () => void }) {
  const [open, setOpen] = useState(false)
  const [purpose, setPurpose] = useState<string | null>(null)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined
    return privacyGate().mount(
      currentRoute(),
      (p) => {
        setPurpose(p)
        setOpen(true)
      },
      () => {
        setOpen(false)
        onDone?.()
      },
    )
    // Mounted once per page; onDone only goes back from the prompt page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const contract = () => void Promise.resolve(Taro.openPrivacyContract({})).catch(() => undefined)
  const body = (
    <View className='jf-privacy-prompt' id='jf-privacy-prompt'>
      <Text className='jf-privacy-prompt-title'>用户隐私保护提示</Text>
      <Text className='jf-privacy-prompt-lead'>{LEAD}</Text>
      {purpose && <Text className='jf-privacy-prompt-purpose'>本次需要：{purpose}</Text>}
      <Text className='jf-privacy-prompt-body'>{BODY}</Text>
      <Text className='jf-privacy-prompt-link' id='jf-privacy-contract' {...a11y('link')} onClick={contract}>
        查看《街坊通用户隐私保护指引》
      </Text>
      <View className='jf-privacy-prompt-actions'>
        <Button id='jf-privacy-decline' className='jf-privacy-prompt-btn' onClick={() => privacyGate().decline()}>
          不同意
        </Button>
        <Button
          id={PRIVACY_AGREE_ID}
          className='jf-privacy-prompt-btn jf-privacy-prompt-agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => privacyGate().agree()}
        >
          同意
        </Button>
      </View>
    </View>
  )
  if (inline) return body
  return (
    <Popup visible={open} position='bottom' round closeOnOverlayClick={false} className='jf-privacy-popup'>
      {open && body}
    </Popup>
  )
}
