import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { CategoryView } from '../../contracts/api'
import { groupCategories } from '../../utils/categories'
import { a11y } from '../../utils/a11y'

interface Props {
  categories: CategoryView[]
  value: string
  onChange: (code: string) => void
}

/** Two rows of chips: the top level, then the chosen group's sub-categories. Everything visible, one tap each. */
export default function CategoryChips({ categories, value, onChange }: Props) {
  const groups = useMemo(() => groupCategories(categories), [categories])
  const chosen = categories.find((c) => c.code === value)
  const [openTop, setOpenTop] = useState<string>(chosen?.parentCode ?? chosen?.code ?? '')
  const open = groups.find((g) => g.top.code === openTop)

  const tapTop = (code: string) => {
    setOpenTop(code)
    // A top level without sub-categories is itself the answer; one with them is kept until the second
    // tap, so the form can ask for the sub-category (请选择具体类别) rather than for a category again.
    onChange(code)
  }

  return (
    <View className='jf-cats' id='jf-category'>
      <View className='jf-chips' {...a11y('radiogroup', { label: '问题类别' })}>
        {groups.map((g) => (
          <View
            key={g.top.code}
            id={`jf-cat-${g.top.code}`}
            className={`jf-chip jf-cat-top ${openTop === g.top.code ? 'is-active' : ''}`}
            data-code={g.top.code}
            {...a11y('radio', { checked: openTop === g.top.code })}
            onClick={() => tapTop(g.top.code)}
          >
            <Text>{g.top.name}</Text>
          </View>
        ))}
      </View>
      {open && open.children.length > 0 && (
        <View className='jf-chips jf-chips-sub' {...a11y('radiogroup', { label: `${open.top.name}的具体类别` })}>
          {open.children.map((c) => (
            <View
              key={c.code}
              id={`jf-cat-${c.code}`}
              className={`jf-chip jf-cat-sub ${value === c.code ? 'is-active' : ''}`}
              data-code={c.code}
              {...a11y('radio', { checked: value === c.code })}
              onClick={() => onChange(c.code)}
            >
              <Text>{c.name}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
