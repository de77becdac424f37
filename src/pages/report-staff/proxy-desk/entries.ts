import type { IconName } from '../../../components/Icon'

/** One service of 代办服务: a form in the staff subpackage of its area. */
export interface ProxyDeskEntry {
  id: string
  icon: IconName
  title: string
  hint: string
  url: string
}

/**
 * What a grid worker or 代办员 can do for a person who is present, each a form in its area's staff
 * subpackage (租户登记 and 一键求助 join with their pages); the hub lists them in this order.
 */
export const PROXY_DESK_ENTRIES: ProxyDeskEntry[] = [
  { id: 'jf-proxy-report', icon: 'camera', title: '上报问题', hint: '代居民反映身边的问题', url: '/pages/report-staff/proxy/index' },
  { id: 'jf-proxy-mediation', icon: 'scales', title: '申请调解', hint: '代当事人申请人民调解', url: '/pages/mediation-staff/proxy-apply/index' },
  { id: 'jf-proxy-checkin', icon: 'building', title: '租户登记', hint: '代租户办理出租屋实名登记', url: '/pages/rental-staff/proxy/index' },
  { id: 'jf-proxy-help', icon: 'siren', title: '一键求助', hint: '代身边的居民呼叫值班人员', url: '/pages/help-staff/proxy/index' },
]
