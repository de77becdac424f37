export default definePageConfig({
  navigationBarTitleText: '求助响应',
  enablePullDownRefresh: true,
})
