/// Names of the cities a scenario's `city:` id most often names: the five pilot cities of July
/// 2021 and the other large cities that are candidates, so that tables and charts can say
/// 上海 / Shanghai where the result only holds the id `shanghai`.
public enum CityNames {
  /// The city's name in Chinese and English, or nil for an id not in the table.
  public static func name(of id: String) -> LocalizedText? {
    known[id]
  }

  /// The city's name in `language`, or its id when the city is not in the table.
  public static func text(of id: String, _ language: Language) -> String {
    name(of: id)?.text(language) ?? id
  }

  private static let known: [String: LocalizedText] = [
    "shanghai": LocalizedText(zh: "上海", en: "Shanghai"),
    "beijing": LocalizedText(zh: "北京", en: "Beijing"),
    "guangzhou": LocalizedText(zh: "广州", en: "Guangzhou"),
    "tianjin": LocalizedText(zh: "天津", en: "Tianjin"),
    "chongqing": LocalizedText(zh: "重庆", en: "Chongqing"),
    "shenzhen": LocalizedText(zh: "深圳", en: "Shenzhen"),
    "chengdu": LocalizedText(zh: "成都", en: "Chengdu"),
    "hangzhou": LocalizedText(zh: "杭州", en: "Hangzhou"),
    "wuhan": LocalizedText(zh: "武汉", en: "Wuhan"),
    "xian": LocalizedText(zh: "西安", en: "Xi'an"),
    "nanjing": LocalizedText(zh: "南京", en: "Nanjing"),
    "suzhou": LocalizedText(zh: "苏州", en: "Suzhou"),
    "changsha": LocalizedText(zh: "长沙", en: "Changsha"),
    "zhengzhou": LocalizedText(zh: "郑州", en: "Zhengzhou"),
    "qingdao": LocalizedText(zh: "青岛", en: "Qingdao"),
    "xiamen": LocalizedText(zh: "厦门", en: "Xiamen"),
    "shenyang": LocalizedText(zh: "沈阳", en: "Shenyang"),
    "dalian": LocalizedText(zh: "大连", en: "Dalian"),
    "harbin": LocalizedText(zh: "哈尔滨", en: "Harbin"),
    "kunming": LocalizedText(zh: "昆明", en: "Kunming"),
    "hefei": LocalizedText(zh: "合肥", en: "Hefei"),
    "ningbo": LocalizedText(zh: "宁波", en: "Ningbo"),
    "sanya": LocalizedText(zh: "三亚", en: "Sanya"),
    "haikou": LocalizedText(zh: "海口", en: "Haikou"),
  ]
}
