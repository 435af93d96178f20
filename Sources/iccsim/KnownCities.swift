/// Chinese names of cities `init` knows: the five first-batch pilot cities (July 2021), the other
/// cities of the shipped panel, and further large cities that are building towards the title.
enum KnownCities {
  static let chineseNames = [
    "shanghai": "上海", "beijing": "北京", "guangzhou": "广州", "tianjin": "天津", "chongqing": "重庆",
    "chengdu": "成都", "hangzhou": "杭州", "nanjing": "南京", "shenzhen": "深圳", "wuhan": "武汉",
    "xian": "西安", "suzhou": "苏州", "changsha": "长沙", "zhengzhou": "郑州", "qingdao": "青岛",
    "xiamen": "厦门", "hefei": "合肥", "ningbo": "宁波", "kunming": "昆明", "shenyang": "沈阳",
    "dalian": "大连", "harbin": "哈尔滨",
  ]
}
