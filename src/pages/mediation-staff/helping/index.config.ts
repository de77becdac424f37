export default definePageConfig({
  navigationBarTitleText: '协助调解',
  enablePullDownRefresh: true,
})
