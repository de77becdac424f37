import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../../components/FieldError'
import LoadState from '../../../../components/LoadState'
import PhotoPicker from '../../../../components/PhotoPicker'
import TextBox from '../../../../components/TextBox'
import { InspectionDone, InspectionHistory } from './InspectionParts'
import { useInspection } from './useInspection'
import { MAX_PHOTOS, RENTAL_NOTE_MAX } from '../../../../contracts/limits'
import { a11y } from '../../../../utils/a11y'
import '../../../../components/RentalKit/kit.css'
import './index.css'

/** The monthly fire-safety check of one building: each item passed or failed (failures become report cases), photos, and the history. */
export default function BuildingInspect() {
  const { buildingId, items, loadError, loadRetryable, marks, errors, history, done, busy, uploads, loadItems, mark, submit, again } = useInspection()
  return (
    <View className='jf-page jf-inspect' id='jf-inspect' data-building-id={buildingId}>
      {done ? (
        <InspectionDone done={done} again={again} />
      ) : !items ? (
        <LoadState className='jf-center' error={loadError} errorId='jf-inspect-error' loadingText='正在加载巡查项目…' onRetry={() => void loadItems()} retryable={loadRetryable} />
      ) : (
        <>
          <View className='jf-card' id='jf-inspect-items'>
            <Text className='jf-section-title'>巡查项目</Text>
            {items.map((i) => {
              const m = marks[i.code] ?? { passed: null, note: '' }
              return (
                <View key={i.code} className='jf-rental-row jf-inspect-item' data-code={i.code} data-passed={m.passed === null ? '' : m.passed ? '1' : '0'}>
                  <View className='jf-rental-row-top'>
                    <Text className='jf-rental-row-title jf-inspect-label'>{i.label}</Text>
                    <View className='jf-inspect-choice' {...a11y('radiogroup', { label: i.label })}>
                      <View className={`jf-rental-chip jf-inspect-pass ${m.passed === true ? 'is-active is-pass' : ''}`} {...a11y('radio', { checked: m.passed === true })} onClick={() => mark(i.code, { passed: true })}>
                        <Text>合格</Text>
                      </View>
                      <View className={`jf-rental-chip jf-inspect-fail ${m.passed === false ? 'is-active' : ''}`} {...a11y('radio', { checked: m.passed === false })} onClick={() => mark(i.code, { passed: false })}>
                        <Text>不合格</Text>
                      </View>
                    </View>
                  </View>
                  {m.passed === false && (
                    <TextBox className='jf-rental-input jf-inspect-note' value={m.note} onChange={(v) => mark(i.code, { note: v })} placeholder='不合格情况，如：3 楼灭火器过期' maxLength={RENTAL_NOTE_MAX} />
                  )}
                  <FieldError field={`item-${i.code}`} message={errors[i.code]} />
                </View>
              )
            })}
          </View>
          <View className='jf-card'>
            <Text className='jf-section-title'>
              现场照片 <Text className='jf-muted'>（选填，最多 {MAX_PHOTOS} 张）</Text>
            </Text>
            <PhotoPicker photos={uploads.photos} max={MAX_PHOTOS} onAdd={uploads.add} onRemove={uploads.remove} onRetry={uploads.retry} />
          </View>
          <View className='jf-rental-submit'>
            <Button id='jf-inspect-submit' type='primary' block loading={busy} onClick={() => void submit()}>
              提交巡查
            </Button>
          </View>
        </>
      )}

      <InspectionHistory history={history} />
    </View>
  )
}
