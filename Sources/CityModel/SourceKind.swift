import Foundation

/// How far a figure's source page can be trusted, judged from its web address (the grouping of
/// `scenarios/data/sources.md`, "Reliability of the sources used").
public enum SourceKind: String, CaseIterable, Sendable {
  /// A government or statistics-bureau page (`*.gov.cn`, the airport authority …).
  case official
  /// National Bureau of Statistics tables republished as data files.
  case nbs
  /// Official, state or established news media.
  case media
  /// Compilations, encyclopaedias, research or trade sites: use with care.
  case secondary
  /// Copies of news on unrelated or spammy domains: re-source before publishing.
  case spammyCopy = "spammy-copy"

  /// The kind of the page at `source` (a URL, possibly after a mark such as `LOWER BOUND — `), or
  /// nil when its address is not in the table. The longest matching pattern wins.
  public static func classify(_ source: String) -> SourceKind? {
    guard let start = source.range(of: "://") else { return nil }
    let address = source[start.upperBound...]
    let hostEnd = address.firstIndex { "/?#".contains($0) } ?? address.endIndex
    let host = address[..<hostEnd].split(separator: ":").first.map { $0.lowercased() } ?? ""
    let path = String(address[hostEnd...])
    let matches = patterns.filter { pattern, _ in
      let parts = pattern.split(separator: "/", maxSplits: 1).map(String.init)
      let domain = parts[0]
      let onHost = host == domain || host.hasSuffix("." + domain)
      return onHost && (parts.count == 1 || path.hasPrefix("/" + parts[1]))
    }
    return matches.max { $0.key.count < $1.key.count }?.value
  }

  /// Address patterns (a domain, matched with its subdomains, optionally followed by a path prefix).
  static let patterns: [String: SourceKind] = [
    // Official releases.
    "gov.cn": .official, "gov.mo": .official, "shairport.com": .official, "investincq.com": .official,
    "apec2026.cn": .official,
    // NBS provincial tables republished on GitHub.
    "github.com/long-yj": .nbs,
    // Official, state and established media.
    "people.cn": .media, "people.com.cn": .media, "news.cn": .media, "xinhuanet.com": .media,
    "chinadaily.com.cn": .media, "china.org.cn": .media, "ecns.cn": .media, "shine.cn": .media,
    "globaltimes.cn": .media, "ichongqing.info": .media, "cgtn.com": .media, "southcn.com": .media,
    "cri.cn": .media, "cnr.cn": .media, "chinaculture.org": .media, "xfafinance.com": .media,
    "hindustantimes.com": .media, "agenzianova.com": .media, "udn.com": .media, "railwaygazette.com": .media,
    "chinatravelnews.com": .media,
    // Compilations, encyclopaedias, research and trade sites.
    "github.com/zz14754": .secondary, "hktdc.com": .secondary, "wikipedia.org": .secondary,
    "wikimili.com": .secondary, "movatter.jp": .secondary, "enow.com": .secondary, "realchina.cc": .secondary,
    "thewanderlustpilgrim.com": .secondary, "pdfslide.net": .secondary, "qikanchina.com": .secondary,
    "doczj.com": .secondary, "abagent.com": .secondary, "aimsen.com": .secondary, "huaon.com": .secondary,
    "fx361.cc": .secondary, "confirmado.net": .secondary, "futureairport.com": .secondary,
    "datasetsearch.research.google.com": .secondary, "wtcf.org.cn": .secondary, "sssa.org.cn": .secondary,
    "accem.org.cn": .secondary, "chongqinglifeguide.com": .secondary, "bdnewsportal.com": .secondary,
    "livedoor.com": .secondary, "railinks.cn": .secondary, "railinks.net": .secondary, "ecbnnews.com": .secondary,
    "chinaccm.cn": .secondary, "shvoice.com": .secondary, "shaoqun.com": .secondary, "dailyeconomic.com": .secondary,
    // Copies on unrelated or spammy domains.
    "gome-cellars.com": .spammyCopy, "dinovaliano.com": .spammyCopy, "nanxi123.com": .spammyCopy,
    "nsh-em.com": .spammyCopy, "138479.xyz": .spammyCopy, "molybdenumka32.cfd": .spammyCopy, "a899.cn": .spammyCopy,
    "gwejianzhan.com": .spammyCopy, "tuburidinbeton.com": .spammyCopy, "zfclafg.cn": .spammyCopy,
    "156152.com": .spammyCopy, "48903.com": .spammyCopy, "86hh.com": .spammyCopy, "baogaosu.com": .spammyCopy,
    "hevay-plate.com": .spammyCopy, "information.bz": .spammyCopy, "infosurhoy.com": .spammyCopy,
    "bsbk.net": .spammyCopy, "digipub.cc": .spammyCopy, "my67778.com": .spammyCopy, "idea-sf.com": .spammyCopy,
    "hbzqbyyxgs.com": .spammyCopy, "sx-sn.com": .spammyCopy, "unclechef2008.com": .spammyCopy,
    "4ll.net": .spammyCopy, "imline.cn": .spammyCopy, "blhdazhe.com": .spammyCopy,
    "breakinglatest.news": .spammyCopy, "eyewasher.cn": .spammyCopy, "laitimes.com": .spammyCopy,
    "sourcejuice.com": .spammyCopy, "zzndh.com": .spammyCopy,
  ]
}
