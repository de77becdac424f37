import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../../components/FieldError'
import TextBox from '../../../../components/TextBox'
import type { BuildingView } from '../../../../contracts/rental'
import { useRegisterBuilding } from './useRegisterBuilding'
import { ADDRESS_MAX, BUILDING_NAME_MAX } from '../../../../contracts/limits'

/** 登记新楼栋: name, place, address and size; the rooms are numbered from the size. */
export default function RegisterForm({ onDone, onCancel }: { onDone: (b: BuildingView) => void; onCancel: () => void }) {
  const { draft, grid, errors, busy, set, location, preview, submit } = useRegisterBuilding(onDone)

  return (
    <View className='jf-card jf-building-form' id='jf-building-form'>
      <Text className='jf-section-title'>登记新楼栋</Text>
      <TextBox label='楼栋名称' labelClass='jf-rental-label' required id='jf-building-name' className='jf-rental-input' value={draft.name} onChange={(v) => set('name', v)} placeholder='如：云景花园 3 栋' maxLength={BUILDING_NAME_MAX} field='name' error={errors.name} />

      <Text className='jf-rental-label jf-required'>楼栋位置</Text>
      <View className='jf-rental-field jf-building-loc'>
        <Button id='jf-building-loc-current' size='small' fill='outline' type='primary' loading={location.busy} onClick={() => void location.fromDevice()}>
          使用当前位置
        </Button>
        <Button id='jf-building-loc-pick' size='small' fill='outline' onClick={() => void location.fromMap()}>
          在地图上选点
        </Button>
      </View>
      {draft.point && (
        <Text className='jf-rental-notice' id='jf-building-grid' data-found={grid ? '1' : '0'}>
          {grid ? `所属网格：${grid.name}（${grid.path}）` : '已选位置，暂未匹配到网格'}
        </Text>
      )}
      <FieldError field='location' message={errors.location || location.error} />

      <TextBox label='地址' labelClass='jf-rental-label' required id='jf-building-address' className='jf-rental-input' value={draft.address} onChange={(v) => set('address', v)} placeholder='如：白云区云景路 12 号' maxLength={ADDRESS_MAX} field='address' error={errors.address} />

      <View className='jf-building-sizes'>
        <View className='jf-building-size'>
          <TextBox label='楼层数' labelClass='jf-rental-label' required id='jf-building-floors' className='jf-rental-input' value={draft.floors} type='number' onChange={(v) => set('floors', v)} placeholder='如：6' maxLength={2} field='floors' error={errors.floors} />
        </View>
        <View className='jf-building-size'>
          <TextBox label='每层户数' labelClass='jf-rental-label' required id='jf-building-per-floor' className='jf-rental-input' value={draft.perFloor} type='number' onChange={(v) => set('perFloor', v)} placeholder='如：4' maxLength={2} field='perFloor' error={errors.perFloor} />
        </View>
      </View>
      {preview.length > 0 && (
        <Text className='jf-rental-notice' id='jf-building-rooms' data-count={preview.length}>
          共 {preview.length} 户：{preview.length > 8 ? `${preview.slice(0, 4).join('、')} … ${preview.slice(-2).join('、')}` : preview.join('、')}
        </Text>
      )}

      <View className='jf-rental-sheet-actions jf-rental-field'>
        <Button size='small' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='jf-building-submit' size='small' type='primary' loading={busy} onClick={() => void submit()}>
          登记楼栋
        </Button>
      </View>
    </View>
  )
}
