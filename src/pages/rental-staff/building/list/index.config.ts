export default definePageConfig({
  navigationBarTitleText: '楼栋管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
