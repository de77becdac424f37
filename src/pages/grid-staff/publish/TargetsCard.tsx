import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import type { TargetKind } from '../../../utils/gridwork/publish'
import type { GridPublishState } from './useGridPublish'
import { a11y } from '../../../utils/a11y'

const TARGET_LABELS: Record<TargetKind, string> = { mine: '我的网格', grids: '选择网格', community: '整个社区', street: '全街道' }

/** Who the announcement goes to: my grid, chosen grids, a community or the whole street. */
export default function TargetsCard({ s }: { s: GridPublishState }) {
  const { mine, street, draft, streetGrids, gridsError, errors, targets, loadGrids, communities, set, pickTarget, toggleGrid } = s
  return (
    <View className='jf-card' id='jf-gw-targets'>
      <Text className='jf-section-title jf-required'>发布范围</Text>
      {targets.length > 1 && (
        <View className='jf-gw-chips'>
          {targets.map((t) => (
            <View key={t} className={`jf-gw-chip jf-gw-target ${draft.target === t ? 'is-active' : ''}`} data-target={t} {...a11y('radio', { checked: draft.target === t })} onClick={() => pickTarget(t)}>
              <Text>{TARGET_LABELS[t]}</Text>
            </View>
          ))}
        </View>
      )}

      {draft.target === 'mine' &&
        (mine.length > 1 ? (
          <View className='jf-gw-chips'>
            {mine.map((g) => (
              <View key={g.code} className={`jf-gw-chip jf-gw-grid-pick ${draft.codes.includes(g.code) ? 'is-active' : ''}`} data-code={g.code} {...a11y('checkbox', { checked: draft.codes.includes(g.code) })} onClick={() => toggleGrid(g.code)}>
                <Text>{g.name}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className='jf-gw-target-line' id='jf-gw-target-mine'>
            发布到：{mine[0]?.name}
          </Text>
        ))}

      {(draft.target === 'grids' || draft.target === 'community') && !streetGrids && (
        <View className='jf-gw-target-line'>
          <Text className='jf-muted'>{gridsError || '正在加载网格…'}</Text>
          {gridsError && (
            <Button size='small' onClick={() => void loadGrids()}>
              重试
            </Button>
          )}
        </View>
      )}

      {draft.target === 'grids' && streetGrids && (
        <View className='jf-gw-chips' id='jf-gw-grid-picks'>
          {streetGrids.map((g) => (
            <View key={g.code} className={`jf-gw-chip jf-gw-grid-pick ${draft.codes.includes(g.code) ? 'is-active' : ''}`} data-code={g.code} {...a11y('checkbox', { checked: draft.codes.includes(g.code) })} onClick={() => toggleGrid(g.code)}>
              <Text>{g.name}</Text>
            </View>
          ))}
        </View>
      )}

      {draft.target === 'community' && streetGrids && (
        <View className='jf-gw-chips' id='jf-gw-communities'>
          {communities.map((c) => (
            <View key={c.code} className={`jf-gw-chip jf-gw-community ${draft.community === c.code ? 'is-active' : ''}`} data-code={c.code} {...a11y('radio', { checked: draft.community === c.code })} onClick={() => set('community', c.code)}>
              <Text>
                {c.name}（{c.grids} 个网格）
              </Text>
            </View>
          ))}
        </View>
      )}

      {draft.target === 'street' && street && (
        <Text className='jf-gw-target-line' id='jf-gw-target-street'>
          发布到：{street.name}全部网格
        </Text>
      )}
      <FieldError field='target' message={errors.target} />
      {draft.target === 'grids' && draft.codes.length > 0 && <Text className='jf-gw-note-line'>已选 {draft.codes.length} 个网格</Text>}
    </View>
  )
}
