export default definePageConfig({
  navigationBarTitleText: '网格公告',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
})
