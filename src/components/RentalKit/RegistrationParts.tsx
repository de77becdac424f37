import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { RegistrationView } from '../../contracts/rental'
import CaseNumber from '../CaseNumber'
import RentalStatusTag from '../RentalStatusTag'

/** A registration's first line for staff: who and where, 租约逾期 when it is, and its status. */
export function RegistrationHead({ reg, title, overdueClass = '' }: { reg: RegistrationView; title: ReactNode; overdueClass?: string }) {
  return (
    <>
      <View className='jf-rental-row-top'>
        <Text className='jf-rental-row-title'>
          {title}
          {reg.leaseOverdue && <Text className={`jf-rental-flag ${overdueClass}`.trim()}>租约逾期</Text>}
        </Text>
        <RentalStatusTag status={reg.status} label={reg.statusLabel} />
      </View>
      <CaseNumber value={reg.number} label='登记编号' />
    </>
  )
}

/** The conflicts on a registration's document (staff only), each a red flag; `children` follows them. */
export function RegistrationAlerts({ reg, prefix, children }: { reg: RegistrationView; prefix: string; children?: ReactNode }) {
  if (reg.alerts.length === 0) return null
  return (
    <View className={`jf-rental-alerts ${prefix}-alerts`} data-count={reg.alerts.length}>
      {reg.alerts.map((a) => (
        <Text key={a} className={`jf-rental-flag ${prefix}-alert`}>
          {a}
        </Text>
      ))}
      {children}
    </View>
  )
}
