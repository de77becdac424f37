export default definePageConfig({
  navigationBarTitleText: '网格服务群管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
