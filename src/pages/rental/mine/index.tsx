import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import EmptyState from '../../../components/EmptyState'
import LoadState from '../../../components/LoadState'
import { CAN_SCAN, scanAndOpen } from '../../../utils/scan'
import Registration from './Registration'
import { useRentalMine } from './useRentalMine'
import '../../../components/RentalKit/kit.css'
import './index.css'

/** The tenant's own registrations: status, masked number, update phone / lease end, 人走注销. */
export default function RentalMine() {
  const { load, refresh, replace } = useRentalMine()

  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在加载…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-rental-mine-error' onRetry={() => void refresh()} />

  return (
    <View className='jf-page' id='jf-rental-mine' data-count={load.items.length}>
      {load.items.length === 0 && (
        <View className='jf-card' id='jf-rental-mine-empty'>
          <EmptyState icon='house' title='还没有租住登记' description='请扫描出租屋楼栋门口张贴的「实名登记」二维码，按提示填写登记' />
        </View>
      )}
      {load.items.map((reg) => (
        <Registration key={reg.id} reg={reg} onChanged={replace} />
      ))}
      {CAN_SCAN && (
        <View className='jf-card jf-row-between jf-rental-scan' id='jf-rental-scan'>
          <Text className='jf-rental-scan-text'>扫描楼栋门口的「实名登记」二维码</Text>
          <Button id='jf-rental-scan-button' size='small' type='primary' onClick={() => void scanAndOpen()}>
            扫一扫
          </Button>
        </View>
      )}
    </View>
  )
}
