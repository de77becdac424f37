export default definePageConfig({
  navigationBarTitleText: '消防巡查逾期',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
