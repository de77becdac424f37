export default definePageConfig({
  navigationBarTitleText: '我的事项',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
})
