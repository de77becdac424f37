import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useSession } from '../../hooks/useSession'
import DeskHeader from '../DeskHeader'
import '../StaffConsoleHeader/index.css'
import './index.css'

const PAGES = [
  { key: 'org', title: '单位与网格', url: '/pages/admin/org/index' },
  { key: 'staff', title: '工作人员与邀请', url: '/pages/admin/staff/index' },
  { key: 'config', title: '区级配置', url: '/pages/admin/config/index' },
  { key: 'roster', title: '一键求助值班', url: '/pages/admin/roster/index' },
  { key: 'integrations', title: '对外接口', url: '/pages/admin/integrations/index' },
] as const

export type AdminPage = (typeof PAGES)[number]['key']

/** Top bar of the administrator's desk pages (H5): the district, and its setup views. */
export default function AdminHeader({ current }: { current: AdminPage }) {
  const { state } = useSession()
  const admin = state.status === 'ready' ? state.me.roles.find((r) => r.role === 'admin') : undefined
  return (
    <DeskHeader
      id='jf-admin-header'
      navIdPrefix='jf-admin-nav'
      className='jf-ah'
      logo='管'
      title={admin ? `${admin.unitName} 区级管理` : '区级管理'}
      sub='街坊通 · 组织架构、人员与配置'
      pages={PAGES}
      current={current}
      who={state.status === 'ready' ? state.me.name : undefined}
    />
  )
}

/** An administrator's desk page: the top bar over the page's own sections. */
export function AdminDesk({ id, current, children }: { id: string; current: AdminPage; children: ReactNode }) {
  return (
    <View className='jf-console' id={id}>
      <AdminHeader current={current} />
      <View className='jf-console-main'>{children}</View>
    </View>
  )
}
