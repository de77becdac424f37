import { View } from '@tarojs/components'
import { iconUrl, type IconName } from './glyphs'
import { a11y, decorative } from '../../utils/a11y'
import './index.css'

export type { IconName }

interface Props {
  name: IconName
  /** Sizes and colours come from the caller's class: the icon is 1em square in the text colour. */
  className?: string
  /** Read out as a picture with this name; without it the icon is decorative and screen readers skip it. */
  label?: string
}

/**
 * An icon of our set (./glyphs): a box painted in `currentColor` through the icon's SVG as a mask, so it
 * takes the colour and font size of where it sits (the tab bar's selected state, the elder mode's scale).
 * Decorative unless given a label: the words next to it say what it is.
 */
export default function Icon({ name, className, label }: Props) {
  return (
    <View
      className={className ? `jf-icon ${className}` : 'jf-icon'}
      data-icon={name}
      style={{ '--jf-icon': iconUrl(name) } as Record<string, string>}
      {...(label ? a11y('img', { label }) : decorative)}
    />
  )
}
