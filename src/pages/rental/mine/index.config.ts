export default definePageConfig({
  navigationBarTitleText: '我的租住登记',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
