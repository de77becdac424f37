export default definePageConfig({
  navigationBarTitleText: '调解工作台',
  enablePullDownRefresh: true,
})
