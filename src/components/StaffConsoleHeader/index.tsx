import { useSession } from '../../hooks/useSession'
import DeskHeader from '../DeskHeader'
import './index.css'

const PAGES = [
  { key: 'queue', title: '事项工作台', url: '/pages/report-staff/console/queue/index' },
  { key: 'dashboard', title: '数据看板', url: '/pages/report-staff/console/dashboard/index' },
  { key: 'moderation', title: '内容审核', url: '/pages/report-staff/console/moderation/index' },
] as const

/** Top bar of the 综治中心 desk pages: whose centre this is, and its views. */
export default function StaffConsoleHeader({ current }: { current: (typeof PAGES)[number]['key'] }) {
  const { state } = useSession()
  const desk = state.status === 'ready' ? state.me.roles.find((r) => r.role === 'dispatcher' || r.role === 'admin') : undefined
  const who = state.status === 'ready' ? `${state.me.name}${desk ? ` · ${desk.roleLabel}` : ''}` : ''

  return (
    <DeskHeader
      id='jf-console-header'
      navIdPrefix='jf-console-nav'
      logo='综'
      title={desk ? `${desk.unitName} 综治中心` : '综治中心'}
      sub='街坊通 · 基层治理事项办理'
      pages={PAGES}
      current={current}
      who={who}
      homeId='jf-console-home'
    />
  )
}
