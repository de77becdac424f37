import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PhotoGrid from '../../../../components/PhotoGrid'
import type { InspectionView } from '../../../../contracts/rental'
import { formatFull } from '../../../../core/time'
import { a11y } from '../../../../utils/a11y'

/** What the inspection just sent became: all passed, or the grid cases its failures opened. */
export function InspectionDone({ done, again }: { done: InspectionView; again: () => void }) {
  return (
    <View className='jf-card' id='jf-inspect-done' data-failed={done.failed} data-cases={done.caseIds.length}>
      <Text className='jf-section-title'>巡查已提交</Text>
      <Text className='jf-rental-notice'>
        {done.failed === 0
          ? `全部 ${done.items.length} 项合格。`
          : `${done.failed} 项不合格，已生成 ${done.caseIds.length} 件网格事件，进入所属网格的待办：`}
      </Text>
      {done.caseIds.map((id, i) => (
        <View key={id} className='jf-rental-row jf-inspect-case' data-id={id} {...a11y('link')} onClick={() => void Taro.navigateTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(id)}` })}>
          <Text className='jf-rental-row-title'>事项 {done.caseNumbers[i] ?? `第 ${i + 1} 件`}</Text>
        </View>
      ))}
      <View className='jf-rental-actions jf-rental-field'>
        <Button size='small' fill='outline' onClick={again}>
          再巡查一次
        </Button>
      </View>
    </View>
  )
}

/** The building's past inspections, newest first, with what failed and the photos. */
export function InspectionHistory({ history }: { history: InspectionView[] | null }) {
  return (
    <View className='jf-card' id='jf-inspect-history'>
      <Text className='jf-section-title'>巡查记录</Text>
      {history === null && <View className='jf-rental-empty'>正在加载…</View>}
      {history?.length === 0 && <View className='jf-rental-empty'>还没有巡查记录</View>}
      {history?.map((h) => (
        <View key={h.id} className='jf-rental-row jf-inspect-past' data-id={h.id} data-failed={h.failed}>
          <View className='jf-rental-row-top'>
            <Text className='jf-rental-row-title'>{formatFull(h.at)}</Text>
            <Text className={`jf-rental-flag ${h.failed ? '' : 'is-ok'}`}>{h.failed ? `${h.failed} 项不合格` : '全部合格'}</Text>
          </View>
          <Text className='jf-rental-row-sub'>
            巡查人 {h.inspectorName}
            {h.caseIds.length ? ` · 已生成 ${h.caseIds.length} 件事项` : ''}
          </Text>
          {h.items
            .filter((x) => !x.passed)
            .map((x) => (
              <Text key={x.code} className='jf-rental-row-sub'>
                ✗ {x.label}
                {x.note ? `：${x.note}` : ''}
              </Text>
            ))}
          {h.photos.length > 0 && <PhotoGrid photos={h.photos} />}
        </View>
      ))}
    </View>
  )
}
