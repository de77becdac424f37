import { View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { useSession } from '../../hooks/useSession'
import DeskHeader from '../DeskHeader'
import './index.css'

export const CONSOLE_QUEUE_URL = '/pages/report-staff/console/queue/index'
export const CONSOLE_HELP_URL = '/pages/report-staff/console/help/index'

const PAGES = [
  { key: 'queue', title: '事项工作台', url: CONSOLE_QUEUE_URL },
  { key: 'dashboard', title: '数据看板', url: '/pages/report-staff/console/dashboard/index' },
  { key: 'moderation', title: '内容审核', url: '/pages/report-staff/console/moderation/index' },
  { key: 'help', title: '一键求助', url: CONSOLE_HELP_URL },
] as const

interface Props {
  current: (typeof PAGES)[number]['key']
  /** A page opened from a desk list (a case): the way back to it. */
  back?: { url: string; label: string }
}

/** Top bar of the 综治中心 desk pages: whose centre this is, and its views. */
export default function StaffConsoleHeader({ current, back }: Props) {
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
      back={back}
    />
  )
}

/** While shown, the page's desk header is its title bar: Taro's H5 bar (drawn for the phone page) steps aside. */
function useDeskTitleBar() {
  const set = (on: boolean) => {
    if (typeof document !== 'undefined') document.body.classList.toggle('jf-desk-mode', on)
  }
  useEffect(() => (set(true), () => set(false)), [])
  useDidShow(() => set(true))
  useDidHide(() => set(false))
}

/** The desk lists a case can be opened from (`from=` in the case's url), and the way back to each. */
const DESK_LISTS = {
  console: { current: 'queue', back: { url: CONSOLE_QUEUE_URL, label: '返回事项工作台' } },
  moderation: { current: 'moderation', back: { url: '/pages/report-staff/console/moderation/index', label: '返回内容审核' } },
  help: { current: 'help', back: { url: CONSOLE_HELP_URL, label: '返回一键求助' } },
} as const

export type DeskList = keyof typeof DESK_LISTS
export const isDeskList = (from: string | undefined): from is DeskList => !!from && Object.prototype.hasOwnProperty.call(DESK_LISTS, from)

/**
 * A phone page opened from a 综治中心 desk list (a console row, 内容审核's 查看事项): the desk's header with
 * the way back (the list comes back with its filters), and the page as a centred column, not stretched.
 */
export function ConsoleCaseDesk({ from, children }: { from: DeskList; children: ReactNode }) {
  useDeskTitleBar()
  const list = DESK_LISTS[from]
  return (
    <View className='jf-console jf-desk-case' id='jf-desk-case' data-from={from}>
      <StaffConsoleHeader current={list.current} back={list.back} />
      <View className='jf-desk-case-main'>{children}</View>
    </View>
  )
}
