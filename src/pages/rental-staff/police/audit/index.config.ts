export default definePageConfig({
  navigationBarTitleText: '查询审计记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
