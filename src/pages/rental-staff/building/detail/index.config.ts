export default definePageConfig({
  navigationBarTitleText: '楼栋登记管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
