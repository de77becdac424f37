export default definePageConfig({
  navigationBarTitleText: '在地图上选点',
})
