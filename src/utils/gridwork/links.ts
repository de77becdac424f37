/** The grid staff pages, as they link to each other. */
export const MANAGE_URL = '/pages/grid-staff/manage/index'
export const PUBLISH_URL = '/pages/grid-staff/publish/index'
export const RECEIPTS_URL = '/pages/grid-staff/receipts/index'
export const OVERVIEW_URL = '/pages/grid-staff/overview/index'
