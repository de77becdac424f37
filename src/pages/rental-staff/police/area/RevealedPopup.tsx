import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Revealed } from './usePoliceArea'

/** The full number, shown once after an audited reason; closing it drops it from the page. */
export default function RevealedPopup({ revealed, onClose }: { revealed: Revealed | null; onClose: () => void }) {
  return (
    <Popup visible={revealed !== null} position='center' round destroyOnClose onClose={onClose} className='jf-rental-popup'>
      {revealed && (
        <View className='jf-rental-sheet jf-police-revealed' id='jf-police-revealed' data-id={revealed.reg.id}>
          <Text className='jf-section-title'>{revealed.reg.name} 的证件号码</Text>
          <Text className='jf-rental-row-sub'>
            {revealed.reg.docTypeLabel}：<Text className='jf-rental-doc' id='jf-police-revealed-doc'>{revealed.docNumber}</Text>
          </Text>
          <Text className='jf-rental-row-sub'>手机：{revealed.phone}</Text>
          <Text className='jf-rental-row-sub jf-muted'>本次查看已记录（事由：{revealed.reason}），关闭后不再显示。</Text>
          <View className='jf-rental-sheet-actions'>
            <Button id='jf-police-revealed-close' size='small' type='primary' onClick={onClose}>
              关闭
            </Button>
          </View>
        </View>
      )}
    </Popup>
  )
}
