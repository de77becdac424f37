import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PickedLocation, useLocationPicker } from '../../hooks/useLocationPicker'
import type { DraftErrors } from '../../utils/report-draft'
import FieldError from '../FieldError'
import type { ReportFieldValues } from './useReportForm'
import { ADDRESS_MAX } from '../../contracts/limits'
import { limitText, overLimitMessage } from '../../utils/textLimit'
import { a11y } from '../../utils/a11y'

interface Props {
  fields: Pick<ReportFieldValues, 'point' | 'address'>
  set(k: 'address', v: string): void
  errors: DraftErrors
  grid: PickedLocation['grid']
  location: ReturnType<typeof useLocationPicker>
}

/** Where the problem is: the device's position or a point on the map, the grid it falls in, and the address. */
export default function LocationCard({ fields, set, errors, grid, location }: Props) {
  // A pasted address over the limit keeps its first ADDRESS_MAX characters and says so.
  const [over, setOver] = useState(false)
  const address = (v: string) => {
    const kept = limitText(v, ADDRESS_MAX)
    setOver(kept.over)
    set('address', kept.text)
  }
  return (
    <View className='jf-card'>
      <Text className='jf-section-title jf-required' {...a11y('heading', { level: 2 })}>问题位置</Text>
      <View className='jf-loc-actions'>
        <Button id='jf-loc-current' size='small' fill='outline' type='primary' loading={location.busy} onClick={() => void location.fromDevice()}>
          使用当前位置
        </Button>
        <Button id='jf-loc-pick' size='small' fill='outline' onClick={() => void location.fromMap()}>
          在地图上选点
        </Button>
      </View>
      {fields.point && (
        <View className='jf-loc-grid' id='jf-loc-grid'>
          {grid ? (
            <>
              <Text className='jf-loc-grid-name'>所属网格：{grid.name}</Text>
              <Text className='jf-muted'>{grid.path}</Text>
            </>
          ) : (
            <Text className='jf-muted'>已选位置，暂未匹配到网格</Text>
          )}
        </View>
      )}
      <FieldError field='location' message={errors.location || location.error} />
      <View id='jf-address' className='jf-address'>
        <Input
          value={fields.address}
          onChange={address}
          placeholder='详细地址，如：云景路 12 号东门'
          maxLength={-1}
        />
      </View>
      {over && (
        <Text className='jf-field-error' id='jf-address-over'>
          {overLimitMessage(ADDRESS_MAX)}
        </Text>
      )}
      <FieldError field='address' message={errors.address} />
    </View>
  )
}
