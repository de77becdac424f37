import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

interface Props {
  /** The last failure (or where the report went), shown above the button. */
  formError: string
  submitting: boolean
  label: string
  onSubmit: () => void
}

/** The foot of a report form: its error line and the 提交 button. */
export default function SubmitBar({ formError, submitting, label, onSubmit }: Props) {
  return (
    <>
      {formError && (
        <View className='jf-form-error' id='jf-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-submit-bar'>
        <Button id='jf-submit' type='primary' block size='large' loading={submitting} onClick={onSubmit}>
          {submitting ? '正在提交…' : label}
        </Button>
      </View>
    </>
  )
}
