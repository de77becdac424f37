export default definePageConfig({
  navigationBarTitleText: '我的工作台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
})
