export default definePageConfig({
  navigationBarTitleText: '网格信息公示牌',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  backgroundTextStyle: 'dark',
})
