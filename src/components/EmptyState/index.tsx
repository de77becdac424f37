import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Icon, { type IconName } from '../Icon'
import './index.css'

interface Props {
  /** What is missing, e.g. 暂无消息. */
  title: string
  /** What to do, or what will appear here and when. */
  description?: string
  /** The picture's motif from our icon set; an empty tray by default. */
  icon?: IconName
  /** The one thing to do next, as a primary button. */
  action?: { id: string; text: string; onClick: () => void }
}

/**
 * An empty list or page: a drawn picture (our icon on soft rings, no image file and nothing fetched from
 * elsewhere), what is missing, what to do, and optionally the button that does it. Instead of NutUI's
 * Empty, whose pictures load from a third-party CDN and whose code and style sat in the main package.
 */
export default function EmptyState({ title, description, icon = 'tray', action }: Props) {
  return (
    <View className='jf-empty' data-icon={icon}>
      <View className='jf-empty-pic'>
        <View className='jf-empty-ring'>
          <Icon name={icon} />
        </View>
      </View>
      <Text className='jf-empty-title'>{title}</Text>
      {description && <Text className='jf-empty-desc'>{description}</Text>}
      {action && (
        <View className='jf-empty-action'>
          <Button id={action.id} type='primary' onClick={action.onClick}>
            {action.text}
          </Button>
        </View>
      )}
    </View>
  )
}
