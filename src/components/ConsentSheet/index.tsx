import { Button, Popup } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import type { ConsentGate } from '../../hooks/useConsentGate'
import './index.css'

/** The privacy notice with 同意 / 不同意, shown by useConsentGate when personal data is first given. */
export default function ConsentSheet({ gate }: { gate: ConsentGate }) {
  const n = gate.notice
  return (
    <Popup visible={n !== null} position='bottom' round destroyOnClose title={n?.title ?? ''} onClose={gate.decline} className='jf-consent-popup'>
      {n && (
        <View className='jf-consent' id='jf-consent-sheet' data-version={n.version}>
          <Text className='jf-consent-lead'>您即将提交个人信息。请阅读并同意以下指引后继续：</Text>
          <ScrollView scrollY className='jf-consent-text'>
            {n.paragraphs.map((p, i) => (
              <Text key={i} className='jf-consent-p'>
                {p}
              </Text>
            ))}
            <Text className='jf-consent-effective'>生效日期：{n.effectiveLabel}</Text>
          </ScrollView>
          <View className='jf-consent-actions jf-row'>
            <Button id='jf-consent-decline' className='jf-consent-btn' fill='outline' onClick={gate.decline}>
              不同意
            </Button>
            <Button id='jf-consent-agree' className='jf-consent-btn' type='primary' loading={gate.saving} onClick={() => void gate.agree()}>
              同意并继续
            </Button>
          </View>
        </View>
      )}
    </Popup>
  )
}
