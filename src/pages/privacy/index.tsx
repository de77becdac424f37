import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PrivacyPrompt from '../../components/PrivacyPrompt'

/**
 * The privacy prompt as a page, for a privacy API used on a page that mounts no pop-up of its own.
 * Once answered it goes back, and the API that asked goes on (or fails, if the person declined).
 */
export default function PrivacyPage() {
  const back = () => void Promise.resolve(Taro.navigateBack()).catch(() => Taro.reLaunch({ url: '/pages/home/index' }))
  return (
    <View className='jf-page'>
      <PrivacyPrompt inline onDone={back} />
    </View>
  )
}
