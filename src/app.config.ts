/** The street command centre's desk pages (table, bulk assign, CSV, charts) are H5 only: chart.js stays out of the mini-program. */
const consolePages = process.env.TARO_ENV === 'h5' ? ['console/queue/index', 'console/dashboard/index', 'console/moderation/index', 'console/help/index'] : []

/**
 * The administrator's setup pages (org import, staff and invitations, district configuration, 对外接口: keys,
 * 12345 platforms, webhook subscriptions and their delivery log) are desk work: H5 only.
 */
const adminPackages = process.env.TARO_ENV === 'h5' ? [{ root: 'pages/admin', pages: ['org/index', 'staff/index', 'config/index', 'roster/index', 'signin/index', 'integrations/index'] }] : []

/**
 * The mediation ledger (tables, CSV download) is a desk page for the centre: H5 only. 协助调解 (helping) is a helper's list of
 * cases; 录入纠纷 (intake) is also where a grid worker turns a 网格事件 into mediation; 代办申请调解 (proxy-apply) is a
 * grid worker's or 代办员's filing for a person who is present.
 */
const mediatorPages = process.env.TARO_ENV === 'h5' ? ['queue/index', 'case/index', 'ledger/index', 'helping/index', 'intake/index', 'proxy-apply/index'] : ['queue/index', 'case/index', 'helping/index', 'intake/index', 'proxy-apply/index']

export default defineAppConfig({
  // The tab pages (首页 / 消息 / 我的) must sit in the main package.
  pages: ['pages/home/index', 'pages/inbox/index', 'pages/me/index'],
  // Reporting and case pages load on demand so the first screen only pays for the home page.
  subPackages: [
    // A report that cannot be sent lands in 我的事项 (待发送), often with no network: one subpackage, downloaded together.
    { root: 'pages/report', pages: ['new/index', 'pick/index', 'mine/index', 'detail/index'] },
    // Staff work on reports; 内容审核 decides what of a report the public sees; 代办服务 (proxy-desk) lists every 代办 form.
    { root: 'pages/report-staff', pages: ['queue/index', 'case/index', 'proxy/index', 'proxy-desk/index', 'moderation/index', ...consolePages] },
    // 在线调解: parties (apply, mine, join, detail, the papers to print: 协议书, 司法确认申请书, 移送函) and mediators / the centre.
    { root: 'pages/mediation', pages: ['apply/index', 'mine/index', 'join/index', 'detail/index', 'agreement/index', 'judicial/index', 'referral/index'] },
    { root: 'pages/mediation-staff', pages: mediatorPages },
    // 一键求助: the person's request (kind, voice or text, position; 110/120/119 first for danger) and its status.
    { root: 'pages/help', pages: ['raise/index', 'status/index'] },
    // The on-duty helpers' side: live requests of their community, accept, call, close or turn into a case;
    // 代为求助 (proxy): a grid worker or 代办员 asks for the person with them.
    { root: 'pages/help-staff', pages: ['queue/index', 'case/index', 'proxy/index'] },
    // 网格服务群, residents' side: find my grid, its 公示牌 (join the group, 找网格员), announcements.
    { root: 'pages/grid', pages: ['find/index', 'board/index', 'news/index'] },
    // 网格服务群, staff side: the grid's board, QR, requests and announcements; the street's overview.
    { root: 'pages/grid-staff', pages: ['manage/index', 'publish/index', 'receipts/index', 'overview/index'] },
    // 出租屋实名登记: tenants (check-in from the building QR, my registrations), building managers, police and the street.
    { root: 'pages/rental', pages: ['checkin/index', 'mine/index'] },
    {
      root: 'pages/rental-staff',
      // 代办租户登记 (proxy): a grid worker or 代办员 registers a tenant who is present.
      pages: ['building/list/index', 'building/detail/index', 'building/qr/index', 'building/inspect/index', 'police/area/index', 'police/audit/index', 'police/overdue/index', 'proxy/index'],
    },
    // 我的: profile (头像昵称, phone), 个人信息与隐私, 查阅与导出, 注销账号, 认领代办事项 (claim).
    { root: 'pages/account', pages: ['profile/index', 'privacy/index', 'export/index', 'delete/index', 'claim/index'] },
    // A staff invitation opened in WeChat (code or QR) binds that identity to the staff record.
    { root: 'pages/join', pages: ['index'] },
    // WeChat's privacy authorisation asked on a page with no pop-up of its own: the prompt as a page.
    ...(process.env.TARO_ENV === 'weapp' ? [{ root: 'pages/privacy', pages: ['index'] }] : []),
    ...adminPackages,
  ],
  // Our own bar (src/custom-tab-bar, components/TabBar) so the elder mode can scale it; H5 has no custom
  // tab bar, so there the tab pages render the same component and Taro draws none.
  tabBar: {
    custom: true,
    color: '#6e7075',
    selectedColor: '#fa2c19',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    // Same pages and texts as TABS in utils/tabs.ts (test/app/tabs.test.ts keeps them equal): Taro reads this file alone.
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/inbox/index', text: '消息' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  window: {
    // H5: Taro 4 draws its own title bar (title from each page's index.config.ts, back or home) only when
    // asked for; desk pages draw theirs (DeskHeader, navigationStyle 'custom'). WeChat always draws one.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
    navigationBarTitleText: '街坊通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  permission: {
    'scope.userLocation': { desc: '用于确定您上报问题所在的网格' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
  // Only the home page may be indexed by WeChat search (src/sitemap.json); nothing personal is.
  sitemapLocation: 'sitemap.json',
})
