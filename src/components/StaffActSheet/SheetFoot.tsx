import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

interface Props {
  /** The sheet's class prefix (`jf-act`, `jf-mod`): `${prefix}-error`, `${prefix}-footer`, `${prefix}-submit` as class and id. */
  prefix: string
  formError: string
  busy: boolean
  danger: boolean
  label: string
  onSubmit: () => void
}

/** The foot of an action sheet: the form's error, then its one submit button (正在提交… while it runs). */
export default function SheetFoot({ prefix, formError, busy, danger, label, onSubmit }: Props) {
  return (
    <>
      {formError && (
        <View className={`${prefix}-error`} id={`${prefix}-error`}>
          <Text>{formError}</Text>
        </View>
      )}
      <View className={`${prefix}-footer`}>
        <Button id={`${prefix}-submit`} type={danger ? 'danger' : 'primary'} block loading={busy} onClick={onSubmit}>
          {busy ? '正在提交…' : label}
        </Button>
      </View>
    </>
  )
}
