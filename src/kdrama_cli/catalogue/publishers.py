"""What kind of publisher a citation comes from, and whether it may carry a fact on its own.

The dataset's rule: every fact rests on the press or an official source (news agencies,
newspapers, entertainment dailies, trade press; Netflix, broadcasters, agencies). Wikis,
databases, blogs and fan or aggregator sites may stand *beside* such a source, never alone.

A citation may say its kind (``kind = "blog"``). Otherwise it is read from the web address:
the hosts below are the wikis, databases, blogs and fan sites we know; Netflix's own sites are
official; every other address counts as press. That default is generous on purpose: a list of
every newspaper in the world cannot be kept, a list of the handful of wikis that get cited can.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from kdrama_cli.catalogue.folding import normalize
from kdrama_cli.catalogue.models import Citation
from kdrama_cli.catalogue.vocab import PUBLISHER_KINDS, WEAK_PUBLISHER_KINDS

__all__ = ["citation_kind", "is_weak", "outlet_name", "rests_on_weak_only", "weak_share"]

#: Host (or a parent domain of it) → kind. Matching walks up the domain: ``ko.wikipedia.org``
#: is ``wikipedia.org``.
_HOSTS: Mapping[str, str] = {
    # wikis
    "wikipedia.org": "wiki",
    "wikiwand.com": "wiki",
    "namu.wiki": "wiki",
    "fandom.com": "wiki",
    "everybodywiki.com": "wiki",
    "dhlab.aks.ac.kr": "wiki",  # the Academy of Korean Studies' teaching wiki
    # databases
    "mydramalist.com": "database",
    "asianwiki.com": "database",
    "hancinema.net": "database",
    "imdb.com": "database",
    "themoviedb.org": "database",
    "kmdb.or.kr": "database",
    # blogs and self-publishing
    "blogspot.com": "blog",
    "tistory.com": "blog",
    "wordpress.com": "blog",
    "medium.com": "blog",
    "dramabeans.com": "blog",
    "blog.naver.com": "blog",
    "m.blog.naver.com": "blog",
    "brunch.co.kr": "blog",
    "kdramalove.com": "blog",
    "allsinfo.co.kr": "blog",
    "readysteadycut.com": "blog",  # volunteer writers' review site
    "korea-paradise.com": "blog",  # review blogs
    "gwenchanoona.com": "blog",
    "jazminemedia.com": "blog",
    "thenewscompany.org": "blog",  # explainer site, not a known news outlet
    "thedramacorner.com": "blog",
    "makemaday.com": "blog",
    "scene-note.com": "blog",
    "welcometodramaworld.com": "blog",
    "kwavesandbeyond.com": "blog",  # one writer's K-drama reviews
    "baapofmovies.com": "blog",  # review blog
    "dramaio.com": "blog",  # review site
    "thekmeal.com": "blog",  # review site
    "oppanoona.kr": "blog",  # reviews with scores
    "cinemamonogatari.com": "blog",  # summaries and reviews
    "kdramadiary.com": "blog",
    "hikoco.co.nz": "blog",  # a shop's K-drama blog
    "dugompinoy.com": "blog",
    "woodsidepawprint.com": "blog",  # a student newspaper
    "cityonfire.com": "blog",  # martial-arts and Asian film reviews
    "asianmoviepulse.com": "blog",  # Asian film reviews
    # fan, aggregator and content-farm sites
    "allkpop.com": "fan",
    "soompi.com": "fan",  # K-pop/K-drama fan news, like allkpop
    "hallyudorama.com": "fan",  # K-drama fan news and features
    "hellokpop.com": "fan",  # K-pop fan news and reviews, like allkpop
    "gokpop.co": "fan",  # K-pop/K-drama fan site on Blogger-style addresses
    "kbizoom.com": "fan",
    "sportskeeda.com": "fan",
    "zapzee.net": "fan",
    "kstartrend.com": "fan",
    "kdramastars.com": "fan",
    "quora.com": "fan",
    "reddit.com": "fan",
    "koreaboo.com": "fan",
    "pinkvilla.com": "fan",
    "netizensbuzz.com": "fan",
    "thenewstrace.com": "fan",
    "gotechdaily.com": "fan",
    "unisquads.com": "fan",
    "koalasplayground.com": "fan",
    "leosigh.com": "fan",
    "kisskh.at": "fan",
    "koreandramaland.com": "fan",
    "kepoper.com": "fan",
    "kdramapharma.com": "fan",  # retells agency stories ("citing Yonhap")
    "dramacaps.com": "fan",
    "dramatic-eye.com": "fan",
    "latestchika.com": "fan",
    "unitedkpop.com": "fan",
    "kpopro.com": "fan",
    "asianpin.com": "fan",
    "koreanallday.com": "fan",
    "kstarvibes.com": "fan",
    "jguru.com": "fan",
    "koogle.tv": "fan",
    "oppagram.com": "fan",
    "pikle.io": "fan",
    "tvmoviekr.net": "fan",  # machine-translated retellings of Korean entertainment news
    "kpopnews.co": "fan",  # K-pop/K-drama aggregator stories
    "kdramapal.com": "fan",  # K-drama fan news, retelling Korean reports
    "ohfun.net": "fan",  # machine-written entertainment digests
    "kdramaclicks.com": "fan",  # fan site with drama summaries and credit lists
    "ghsexplosion.com": "fan",  # The Explosion, a high-school student paper's reviews
    "unisquads.io": "fan",  # wiki-like K-culture aggregator pages, like unisquads.com
    # official
    "netflix.com": "official",
    "netflix.net": "official",
    "blog.mbc.co.kr": "official",  # the broadcaster's own blog
}


#: An outlet's own sites → the name citations give it. A citation of a page on one of these
#: sites names the outlet exactly this way, a note in brackets allowed after it ("Sports Donga
#: (Newsis report)"); a copy elsewhere says whose it is ("Xportsnews (via Daum)"). So one
#: outlet is not listed under four spellings. A site's subdomains are its own (m1.edaily.co.kr,
#: www2.osen.co.kr); where a domain is shared by several outlets, the subdomain is listed
#: instead (osen.mt.co.kr is OSEN, star.mt.co.kr Star News; mt.co.kr itself is not listed).
_OUTLETS: Mapping[str, str] = {
    "ajunews.com": "Aju Business Daily",
    "asiatoday.co.kr": "Asia Today",
    "biz.chosun.com": "Chosun Biz",
    "biz.heraldcorp.com": "Herald Business",  # 헤럴드경제, not The Korea Herald
    "bntnews.co.kr": "BNT News",
    "bntnews.hankyung.com": "BNT News",
    "celuvmedia.com": "Celuv Media",
    "dailian.co.kr": "Dailian",
    "digitalchosun.dizzo.com": "Digital Chosun",
    "dizzotv.com": "Dizzo TV",
    "donga.com": "The Dong-A Ilbo",
    "edaily.co.kr": "Edaily",
    "enews.imbc.com": "iMBC",
    "etnews.com": "Electronic Times",
    "etoday.co.kr": "Etoday",  # enter.etoday.co.kr is its BizEnter: "Etoday (BizEnter)"
    "fnnews.com": "Financial News",  # carries News1 and Newsis: "News1 (via Financial News)"
    # hankyung.com carries Yonhap: "Yonhap News Agency (via The Korea Economic Daily)"
    "hankyung.com": "The Korea Economic Daily",
    "harpersbazaar.co.kr": "Harper's Bazaar Korea",
    "imnews.imbc.com": "MBC News",
    "insight.co.kr": "Insight",
    "isplus.com": "Ilgan Sports",
    "isplus.joins.com": "Ilgan Sports",
    "isplus.live.joins.com": "Ilgan Sports",
    "joynews24.com": "JoyNews24",
    "joynews.inews24.com": "JoyNews24",
    "news.jtbc.co.kr": "JTBC News",
    "news.jtbc.joins.com": "JTBC News",
    "kmib.co.kr": "Kookmin Ilbo",
    "korean-vibe.com": "Korean Vibe",  # carries Yonhap's English stories: "… (via Korean Vibe)"
    "koreaherald.com": "The Korea Herald",
    "koreatimes.co.kr": "The Korea Times",
    "kstar.kbs.co.kr": "KBS Kstar",
    "kukinews.com": "Kuki News",
    "maxmovieen.com": "Max Movie",
    "mbiz.heraldcorp.com": "Herald Business",
    # MBN's site also carries Maeil Business's Star Today: "Maeil Business Star Today (via MBN)"
    "mbn.co.kr": "MBN",
    "mediapen.com": "Mediapen",
    "mhns.co.kr": "Munhwa News",  # its bylines read "문화뉴스 MHN"
    "mydaily.co.kr": "My Daily",
    "newsen.com": "Newsen",
    "newsinstar.com": "News In Star",
    "nocutnews.co.kr": "CBS NoCut News",
    "tf.co.kr": "The Fact",
    "osen.co.kr": "OSEN",
    "osen.mt.co.kr": "OSEN",
    "mosen.mt.co.kr": "OSEN",
    "pickcon.co.kr": "Pickcon",
    "sisaweek.com": "Sisa Week",
    "ent.sbs.co.kr": "SBS Entertainment News",
    "sbsfune.sbs.co.kr": "SBS Entertainment News",  # SBS funE
    "news.sbs.co.kr": "SBS News",
    "sports.chosun.com": "Sports Chosun",
    "sportschosun.com": "Sports Chosun",
    "sports.donga.com": "Sports Donga",
    "star.mt.co.kr": "Star News",
    "starnewskorea.com": "Star News",
    "starinnews.com": "Starin News",
    "star.ytn.co.kr": "YTN Star",
    "tenasia.co.kr": "Tenasia",
    "tenasia.com": "Tenasia",
    "tenasia.hankyung.com": "Tenasia",
    "topstarnews.net": "Top Star News",
    "twig24.com": "Twig24",  # Seoul Shinmun's entertainment site
    "wowtv.co.kr": "Korea Economic TV",
    "xportsnews.com": "Xportsnews",
}


def outlet_name(citation: Citation) -> str | None:
    """The name citations give the outlet whose own site the citation's page is on, when it is
    one of ours and the citation spells it otherwise ("Joy News 24" for JoyNews24)."""
    name = _by_domain(_OUTLETS, _host(citation.url).rstrip("."))  # m1.edaily.co.kr: edaily's
    if name is None:
        return None
    publisher = citation.publisher
    if publisher == name or publisher.startswith(f"{name} (") or f"(via {name})" in publisher:
        return None  # the name, a note after it, or another outlet's article it carries
    return name


#: News portals → the name citations give them. A portal's page is another outlet's article
#: that it carries, so a citation of one says whose it is and where: "OSEN (via Daum)", or the
#: portal alone ("Daum", "Daum (outlet not named)") when the page names no outlet. A note that
#: ends with the portal's name ("(summarised by Newspic)") says so too.
#: Only their news hosts: Daum Webtoon (webtoon.daum.net) or Nate Pann are sites of their own.
_PORTALS: Mapping[str, str] = {
    "v.daum.net": "Daum",  # also entertain.v.daum.net
    "media.daum.net": "Daum",  # also v.media.daum.net
    "news.search.daum.net": "Daum",  # cp.news.search.daum.net
    "news.nate.com": "Nate",
    "view.nate.com": "Nate",  # also m.view.nate.com
    "newspic.kr": "Newspic",
    "news.zum.com": "Zum",  # also m.news.zum.com
    "hub.zum.com": "Zum",  # m.hub.zum.com
    "news.zumst.com": "Zum",  # Zum's news pages are also served from this domain
}


def portal_spelling(citation: Citation) -> tuple[str, str] | None:
    """For a page on a news portal whose citation does not name the portal as the others do,
    the portal's name and how to write the publisher ("OSEN" → "OSEN (via Daum)", "Daum News
    (outlet not named)" → "Daum (outlet not named)", "Joy News 24 (via Daum)" → "JoyNews24
    (via Daum)", "OSEN (Newsis report, via Daum News)" → "OSEN (Newsis report, via Daum)")."""
    portal = _by_domain(_PORTALS, _host(citation.url).rstrip("."))
    if portal is None:
        return None
    publisher = citation.publisher
    if publisher == portal or publisher.startswith(f"{portal} ("):
        return None  # the portal alone, with or without a note
    first, bracket, rest = publisher.partition(" (")
    if first.casefold().startswith(portal.casefold()):  # "Daum News", "ZUM News"
        return portal, f"{portal}{bracket}{rest}"
    first = re.sub(r",?\s+via\s+.*$", "", first)  # "OSEN via Daum", "OSEN, via Daum"
    outlet = _OUTLET_NAMES.get(normalize(first), first.rstrip(","))
    names_portal = f"via {portal})" in publisher or publisher.endswith(f" {portal})")
    if names_portal and outlet == publisher.partition(" (")[0]:
        return None
    note = rest[:-1] if rest.endswith(")") else ""
    if re.search(r"\bvia\b", note):  # keep the note, name the portal: "Newsis report, via Daum"
        renamed = re.sub(r"via\s+.*$", f"via {portal}", note)
        return portal, f"{outlet} ({renamed})"
    if note.endswith(f" {portal}"):  # "(summarised by Newspic)"
        return portal, f"{outlet} ({note})"
    if note:
        return portal, f"{outlet} ({note}, via {portal})"
    return portal, f"{outlet} (via {portal})"


#: Each outlet's name by its folded key ("Joy News 24" and "JoyNews24" agree), to name a
#: carried article's outlet as the dataset does.
_OUTLET_NAMES: Mapping[str, str] = {normalize(name): name for name in _OUTLETS.values()}


def _by_domain(table: Mapping[str, str], host: str) -> str | None:
    """The entry for the host or the nearest parent domain listed: ko.wikipedia.org is
    wikipedia.org's; osen.mt.co.kr is found before mt.co.kr."""
    while host:
        found = table.get(host)
        if found is not None:
            return found
        _, _, host = host.partition(".")
    return None


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def citation_kind(citation: Citation) -> str:
    """The citation's publisher kind: its own ``kind``, else the one its address implies."""
    if citation.kind in PUBLISHER_KINDS:
        return citation.kind
    return _by_domain(_HOSTS, _host(citation.url)) or "press"


def is_weak(citation: Citation) -> bool:
    """A wiki, database, blog or fan site: may stand beside a press source, not alone."""
    return citation_kind(citation) in WEAK_PUBLISHER_KINDS


def rests_on_weak_only(ids: Iterable[str], citations: Mapping[str, Citation]) -> bool:
    """True when every known citation among ``ids`` is weak (and there is at least one)."""
    known = [citations[i] for i in ids if i in citations]
    return bool(known) and all(is_weak(c) for c in known)


def weak_share(citations: Iterable[Citation]) -> tuple[int, int]:
    """How many citations are weak, of how many."""
    weak = total = 0
    for citation in citations:
        total += 1
        weak += is_weak(citation)
    return weak, total
