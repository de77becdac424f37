export default definePageConfig({
  navigationBarTitleText: '辖区出租屋登记',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
