import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { RegistrationAlerts, RegistrationHead } from '../../../../components/RentalKit/RegistrationParts'
import type { RegistrationView } from '../../../../contracts/rental'
import { formatFull, formatInstant } from '../../../../core/time'

interface Props {
  reg: RegistrationView
  /** This row's action is running. */
  busy: boolean
  onApprove: () => void
  onRefuse: () => void
  onCheckOut: () => void
}

/** One registration as the building manager sees it: masked number, conflicts to check in person, and what to do next. */
export default function RegistrationRow({ reg, busy, onApprove, onRefuse, onCheckOut }: Props) {
  return (
    <View className='jf-rental-row jf-building-reg' data-id={reg.id} data-status={reg.status} data-overdue={reg.leaseOverdue ? '1' : '0'}>
      <RegistrationHead reg={reg} title={`${reg.room} ${reg.name ?? '（已清除）'}`} overdueClass='jf-reg-overdue' />
      {reg.docNumberMasked && (
        <Text className='jf-rental-row-sub'>
          {reg.docTypeLabel} <Text className='jf-rental-doc jf-reg-doc'>{reg.docNumberMasked}</Text>
        </Text>
      )}
      <RegistrationAlerts reg={reg} prefix='jf-reg'>
        <Text className='jf-rental-row-sub jf-muted'>请当面核对本人证件后再确认；如不是本人，请驳回并写明原因。</Text>
      </RegistrationAlerts>
      <Text className='jf-rental-row-sub'>
        {reg.phone ? `手机 ${reg.phone} · ` : ''}入住 <Text className='jf-rental-when'>{reg.moveInDate}</Text> · 租约至 <Text className='jf-rental-when'>{reg.leaseEnd}</Text>
      </Text>
      {reg.cohabitants.length > 0 && <Text className='jf-rental-row-sub'>同住 {reg.cohabitants.map((c) => `${c.name}（${c.relation}）`).join('、')}</Text>}
      {reg.refusedReason && <Text className='jf-rental-row-sub'>驳回原因：{reg.refusedReason}</Text>}
      <Text className='jf-rental-row-sub jf-muted'>
        {formatInstant(reg.createdAt)}登记{reg.checkedOutAt ? ` · ${formatFull(reg.checkedOutAt)} 退租` : ''}
      </Text>
      {/* 代办: who registered the tenant for them (the tenant's consent was given to them in person). */}
      {reg.proxyNote && <Text className='jf-rental-row-sub jf-muted jf-reg-proxy'>{reg.proxyNote}</Text>}
      {reg.status === 'pending' && (
        <View className='jf-rental-actions'>
          <Button className='jf-reg-refuse' size='small' fill='outline' disabled={busy} onClick={onRefuse}>
            驳回
          </Button>
          <Button className='jf-reg-approve' size='small' type='primary' loading={busy} onClick={onApprove}>
            确认入住
          </Button>
        </View>
      )}
      {reg.status === 'active' && (
        <View className='jf-rental-actions'>
          <Button className='jf-reg-checkout' size='small' fill='outline' type='primary' loading={busy} onClick={onCheckOut}>
            办理退租
          </Button>
        </View>
      )}
    </View>
  )
}
