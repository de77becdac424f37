/**
 * Which pages the sweep opens, as whom. Every H5 page of src/app.config.ts appears for at least one
 * role (test/sweep/sweep.test.ts checks that), each opened by its hash route with the ids of the
 * sweep's world.
 */
import type { SweepWorld } from './world'
import { DEMO_BUILDING_CODE, DEMO_BUILDING_ID, GRID1_CODE } from './world'

export interface Role {
  /** Short name for files and findings. */
  key: string
  /** Who, in the findings. */
  label: string
  /** A demo user id, or a brand-new WeChat identity. */
  userId?: string
  openid?: (w: SweepWorld) => string
  /** Residents' screens carry no unit codes either. */
  resident: boolean
  pages: (w: SweepWorld) => string[]
}

const RESIDENT_COMMON = [
  '/pages/home/index',
  '/pages/inbox/index',
  '/pages/me/index',
  '/pages/report/new/index',
  '/pages/report/pick/index',
  '/pages/report/mine/index',
  '/pages/mediation/apply/index',
  '/pages/mediation/mine/index',
  '/pages/help/raise/index',
  '/pages/help/status/index',
  '/pages/grid/find/index',
  `/pages/grid/board/index?code=${GRID1_CODE}`,
  `/pages/grid/news/index?code=${GRID1_CODE}`,
  '/pages/rental/mine/index',
  '/pages/account/profile/index',
  '/pages/account/privacy/index',
  '/pages/account/export/index',
  '/pages/account/delete/index',
  // 认领代办事项: 陈小梅's phone lists what was filed for it; a newcomer without one is asked to set it.
  '/pages/account/claim/index',
]

const STAFF_COMMON = ['/pages/home/index', '/pages/inbox/index', '/pages/me/index']

export const ROLES: Role[] = [
  {
    key: 'resident',
    label: '居民 陈小梅',
    userId: 'demo-resident',
    resident: true,
    pages: (w) => [
      ...RESIDENT_COMMON,
      `/pages/report/detail/index?id=${w.reportId}`,
      `/pages/mediation/detail/index?id=${w.mediationId}`,
      `/pages/mediation/agreement/index?id=${w.mediationId}`,
      // The hand-off papers: the sweep's case has neither yet, so each page says so.
      `/pages/mediation/judicial/index?id=${w.mediationId}`,
      `/pages/mediation/referral/index?id=${w.mediationId}`,
      `/pages/help/status/index?id=${w.helpId}`,
      '/pages/join/index',
    ],
  },
  {
    key: 'newcomer',
    label: '新微信用户',
    openid: (w) => w.newcomerOpenid,
    resident: true,
    pages: (w) => [
      ...RESIDENT_COMMON,
      `/pages/report/detail/index?id=${w.newcomerReportId}`,
      // Someone else's report: the public view.
      `/pages/report/detail/index?id=${w.reportId}&from=follow`,
      `/pages/rental/checkin/index?b=${DEMO_BUILDING_CODE}`,
      '/pages/mediation/join/index',
    ],
  },
  {
    key: 'tenant',
    label: '租户 刘洋',
    userId: 'demo-tenant',
    resident: true,
    // 我的租住登记 with a registration waiting for the manager.
    pages: () => ['/pages/home/index', '/pages/inbox/index', '/pages/me/index', '/pages/rental/mine/index'],
  },
  {
    key: 'grid',
    label: '网格员 李明',
    userId: 'demo-grid-worker',
    resident: false,
    pages: (w) => [
      ...STAFF_COMMON,
      '/pages/report-staff/queue/index',
      `/pages/report-staff/case/index?id=${w.reportId}`,
      '/pages/report-staff/proxy/index',
      // 代办服务 and its 申请调解 form.
      '/pages/report-staff/proxy-desk/index',
      '/pages/mediation-staff/proxy-apply/index',
      // 代办租户登记 (the buildings of his grid) and 代为求助 (Part D2).
      '/pages/rental-staff/proxy/index',
      '/pages/help-staff/proxy/index',
      '/pages/report-staff/moderation/index',
      `/pages/grid-staff/manage/index?code=${GRID1_CODE}`,
      `/pages/grid-staff/publish/index?code=${GRID1_CODE}`,
      // 录入纠纷, and 转为调解 of the sweep's report (not a category marked 可转为调解: the page says so).
      '/pages/mediation-staff/intake/index',
      `/pages/mediation-staff/intake/index?report=${w.reportId}`,
      '/pages/help-staff/queue/index',
      `/pages/help-staff/case/index?id=${w.helpId}`,
    ],
  },
  {
    // 代办员: the village's designated agent, who files for people present without a phone of their own — 代办服务 and its forms.
    key: 'proxy',
    label: '代办员 郭秀兰',
    userId: 'demo-proxy-agent',
    resident: false,
    pages: () => [
      ...STAFF_COMMON,
      '/pages/report-staff/proxy-desk/index',
      '/pages/report-staff/proxy/index',
      '/pages/mediation-staff/proxy-apply/index',
      '/pages/rental-staff/proxy/index',
      '/pages/help-staff/proxy/index',
    ],
  },
  {
    key: 'mediator',
    label: '调解员 周敏',
    userId: 'demo-mediator',
    resident: false,
    pages: (w) => [...STAFF_COMMON, '/pages/mediation-staff/queue/index', `/pages/mediation-staff/case/index?id=${w.mediationId}`, '/pages/mediation-staff/intake/index'],
  },
  {
    // 协助调解人: their list of cases (none invited in the sweep's world: its empty state), and, on
    // 云景社区's 一键求助 duty, its requests.
    key: 'helper',
    label: '协助调解人 林志远',
    userId: 'demo-helper',
    resident: false,
    pages: (w) => [...STAFF_COMMON, '/pages/mediation-staff/helping/index', '/pages/help-staff/queue/index', `/pages/help-staff/case/index?id=${w.helpId}`],
  },
  {
    key: 'police',
    label: '民警 吴刚',
    userId: 'demo-police',
    resident: false,
    pages: () => [...STAFF_COMMON, '/pages/rental-staff/police/area/index', '/pages/rental-staff/police/audit/index'],
  },
  {
    key: 'manager',
    label: '楼栋长 王建国',
    userId: 'demo-building-manager',
    resident: false,
    pages: () => [
      ...STAFF_COMMON,
      '/pages/rental-staff/building/list/index',
      `/pages/rental-staff/building/detail/index?id=${DEMO_BUILDING_ID}`,
      `/pages/rental-staff/building/qr/index?id=${DEMO_BUILDING_ID}`,
      `/pages/rental-staff/building/inspect/index?id=${DEMO_BUILDING_ID}`,
    ],
  },
  {
    key: 'centre',
    label: '指挥中心 赵强',
    userId: 'demo-dispatcher',
    resident: false,
    pages: (w) => [
      ...STAFF_COMMON,
      '/pages/report-staff/queue/index',
      `/pages/report-staff/case/index?id=${w.reportId}`,
      '/pages/report-staff/console/queue/index',
      '/pages/report-staff/console/dashboard/index',
      '/pages/report-staff/console/moderation/index',
      '/pages/report-staff/console/help/index',
      `/pages/help-staff/case/index?id=${w.helpId}&from=help`,
      '/pages/mediation-staff/queue/index',
      `/pages/mediation-staff/case/index?id=${w.mediationId}`,
      '/pages/mediation-staff/ledger/index',
      '/pages/grid-staff/overview/index',
      // 巡查逾期 is the street's list (police are refused it).
      '/pages/rental-staff/police/overdue/index',
    ],
  },
  {
    key: 'admin',
    label: '区管理员 郑华',
    userId: 'demo-admin',
    resident: false,
    pages: () => [...STAFF_COMMON, '/pages/admin/org/index', '/pages/admin/staff/index', '/pages/admin/config/index', '/pages/admin/roster/index', '/pages/admin/signin/index', '/pages/admin/integrations/index'],
  },
]

/** Pages swept by none of the roles, with the reason. */
export const NOT_SWEPT: Record<string, string> = {
  'pages/privacy/index': 'weapp only (WeChat privacy authorisation)',
  'pages/grid-staff/receipts/index': 'needs an announcement id; covered by test/app/grid-staff-h5',
}

/** The file name of a page's screenshot: role, route path without pages/ and index, query dropped. */
export function shotName(role: string, route: string, width: number): string {
  const path = route.split('?')[0]!.replace(/^\/pages\//, '').replace(/\/index$/, '').replace(/\//g, '-')
  return `${role}-${path}${route.includes('from=follow') ? '-public' : ''}-${width}`
}
