import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../../utils/a11y'
import type { Revealed } from './useIntegrations'

/**
 * A key or secret just issued, in a dialog that stays until the admin closes it: only a hash (a key) or a
 * sealed copy (a secret) is kept, so this is the one time anyone reads it.
 */
export default function RevealDialog({ revealed, onClose }: { revealed: Revealed | null; onClose: () => void }) {
  const copy = () => {
    if (!revealed) return
    void Taro.setClipboardData({ data: revealed.value })
      .then(() => Taro.showToast({ title: '已复制', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动选中复制', icon: 'none' }))
  }
  return (
    <Dialog
      className='jf-int-reveal'
      visible={revealed !== null}
      title={revealed?.title ?? ''}
      confirmText='我已复制保存'
      hideCancelButton
      closeOnOverlayClick={false}
      onConfirm={onClose}
      onClose={onClose}
    >
      {revealed && (
        <View id='jf-int-reveal'>
          <Text className='jf-int-reveal-warn' id='jf-int-reveal-warn' {...a11y('alert')}>
            只显示这一次，请立即复制保存
          </Text>
          {revealed.alongside && (
            <>
              <Text className='jf-int-reveal-what'>{revealed.alongside.label}</Text>
              <Text className='jf-int-alongside' id='jf-int-alongside'>
                {revealed.alongside.value}
              </Text>
            </>
          )}
          <Text className='jf-int-reveal-what'>{revealed.what}</Text>
          <Text className='jf-int-secret' id='jf-int-secret'>
            {revealed.value}
          </Text>
          <Button id='jf-int-copy' size='small' type='primary' fill='outline' onClick={copy} {...a11y('button', { label: `复制${revealed.what}` })}>
            复制
          </Button>
          <Text className='jf-int-reveal-hint'>{revealed.hint}</Text>
        </View>
      )}
    </Dialog>
  )
}
