/** The grid staff pages, as they link to each other. */
export const MANAGE_URL = '/pages/gridwork/manage/index'
export const PUBLISH_URL = '/pages/gridwork/publish/index'
export const RECEIPTS_URL = '/pages/gridwork/receipts/index'
export const OVERVIEW_URL = '/pages/gridwork/overview/index'
