export default definePageConfig({
  navigationBarTitleText: '网格服务群总览',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
