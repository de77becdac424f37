import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import ProgressSteps from '../../../components/ProgressSteps'
import CaseNumber from '../../../components/CaseNumber'
import RentalStatusTag from '../../../components/RentalStatusTag'
import TextBox from '../../../components/TextBox'
import WaitingHint from '../../../components/WaitingHint'
import type { RegistrationView } from '../../../contracts/rental'
import { formatFull } from '../../../core/time'
import { checkinProgress } from '../../../utils/progress'
import { useRegistration } from './useRegistration'

/** One of the tenant's registrations: where, status, masked number, and while it is open, edit or check out. */
export default function Registration({ reg, onChanged }: { reg: RegistrationView; onChanged: (r: RegistrationView) => void }) {
  const { editing, setEditing, phone, setPhone, leaseEnd, setLeaseEnd, errors, setErrors, busy, open, save, checkOut } = useRegistration(reg, onChanged)

  return (
    <View className='jf-card jf-rental-reg' data-id={reg.id} data-status={reg.status}>
      <View className='jf-rental-row'>
        <View className='jf-rental-row-top'>
          <Text className='jf-rental-row-title'>
            {reg.buildingName} {reg.room}
          </Text>
          <RentalStatusTag status={reg.status} label={reg.statusLabel} />
        </View>
        <WaitingHint kind='checkin' status={reg.status} className='jf-rental-waiting' />
        <ProgressSteps progress={checkinProgress(reg)} id={`jf-progress-${reg.id}`} card={false} />
        <Text className='jf-rental-row-sub'>
          {reg.buildingAddress} · {reg.gridName}
        </Text>
        <CaseNumber value={reg.number} label='登记编号' />
        {reg.proxyNote && <Text className='jf-rental-row-sub jf-muted jf-rental-mine-proxy'>{reg.proxyNote}</Text>}
        {reg.status === 'refused' && reg.refusedReason && (
          <Text className='jf-rental-row-sub jf-rental-refused'>驳回原因：{reg.refusedReason}</Text>
        )}
        {reg.status === 'purged' ? (
          <Text className='jf-rental-row-sub'>保存期限已到，您的个人信息已清除</Text>
        ) : (
          <>
            <Text className='jf-rental-row-sub'>
              {reg.name} · {reg.docTypeLabel} <Text className='jf-rental-doc jf-rental-mine-doc'>{reg.docNumberMasked}</Text>
            </Text>
            <Text className='jf-rental-row-sub'>
              手机 {reg.phone} · 入住 <Text className='jf-rental-when'>{reg.moveInDate}</Text> · 租约至 <Text className='jf-rental-when'>{reg.leaseEnd}</Text>
              {reg.leaseOverdue && <Text className='jf-rental-flag'>租约已到期</Text>}
            </Text>
            {reg.cohabitants.length > 0 && (
              <Text className='jf-rental-row-sub'>同住人：{reg.cohabitants.map((c) => `${c.name}（${c.relation}）`).join('、')}</Text>
            )}
          </>
        )}
        {reg.checkedOutAt && <Text className='jf-rental-row-sub'>{formatFull(reg.checkedOutAt)} 已退租</Text>}

        {open && editing && (
          <View className='jf-rental-edit'>
            <TextBox label='手机号码' labelClass='jf-rental-label' className='jf-rental-input jf-rental-edit-phone' value={phone} type='tel' onChange={(v) => (setPhone(v), setErrors((e) => ({ ...e, phone: undefined })))} maxLength={13} field='phone' error={errors.phone} />
            <Text className='jf-rental-label'>预计租约到期</Text>
            <Picker mode='date' value={leaseEnd} start={reg.moveInDate} onChange={(e) => (setLeaseEnd(String(e.detail.value)), setErrors((x) => ({ ...x, leaseEnd: undefined })))}>
              <View className='jf-rental-picker jf-rental-edit-lease'>
                <Text>{leaseEnd}</Text>
              </View>
            </Picker>
            <FieldError field='leaseEnd' message={errors.leaseEnd} />
          </View>
        )}
        {open && (
          <View className='jf-rental-actions'>
            {editing ? (
              <>
                <Button size='small' fill='outline' onClick={() => setEditing(false)}>
                  取消
                </Button>
                <Button className='jf-rental-save' size='small' type='primary' loading={busy} onClick={() => void save()}>
                  保存
                </Button>
              </>
            ) : (
              <>
                <Button className='jf-rental-edit-open' size='small' fill='outline' onClick={() => setEditing(true)}>
                  修改手机 / 租期
                </Button>
                <Button className='jf-rental-checkout' size='small' type='primary' fill='outline' loading={busy} onClick={() => void checkOut()}>
                  人走注销
                </Button>
              </>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
