export default definePageConfig({
  navigationBarTitleText: '调解案件',
  enablePullDownRefresh: true,
})
