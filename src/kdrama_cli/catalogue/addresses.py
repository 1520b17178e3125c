"""Whether a citation's address is the page's own public address, as a reader should get it.

A copied address often carries what is not the page: tracking parameters (``utm_source``,
``fbclid``, Segye's ``OutUrl=google``), a web translator's wrapper around the real address
(``translate.google.com/website?...&u=…``, ``www-example-com.translate.goog``), or a publisher's
staging or development host (``staging.collider.com``) that readers cannot rely on. Each is
reported with what to cite instead, where the address itself says it. No printing.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

#: Query parameters that only say where a click came from; ``utm_`` is a prefix.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ncid",
        "outurl",
        "_hsenc",
        "_hsmi",
        "ref",  # the site a click came from (?ref=naver)
        "cloc",  # JoongAng's click location
        "areatype",  # the list an article was opened from (My Daily's mb_best)
    }
)
#: Host labels of a publisher's non-public copies of its site (staging.collider.com,
#: www.qa.newsweek.com), also numbered or hyphenated (stage-a1.asiaone.com, qa2-www.…,
#: www-staging2.…).
NON_PUBLIC_LABELS = frozenset({"staging", "stage", "dev", "test", "qa", "uat", "preprod"})
_NON_PUBLIC_LABEL = re.compile(
    rf"(?:[a-z0-9]+-)?(?:{'|'.join(sorted(NON_PUBLIC_LABELS))})\d*(?:-[a-z0-9-]*)?"
)


def is_tracking(name: str) -> bool:
    folded = name.casefold()
    return folded in TRACKING_PARAMETERS or folded.startswith(TRACKING_PREFIXES)


def unwrapped(url: str) -> str | None:
    """The original address inside a Google Translate wrapper, or None when ``url`` is none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").casefold()
    if host.startswith("translate.google.") or host == "translate.googleusercontent.com":
        for name, value in parse_qsl(parts.query):
            if name == "u" and value.startswith(("http://", "https://")):
                return value
        return None
    if host.endswith(".translate.goog"):
        # www-example-com.translate.goog: "-" stands for "." and "--" for "-".
        label = host.removesuffix(".translate.goog")
        original = ".".join(
            part.replace("\0", "-") for part in label.replace("--", "\0").split("-")
        )
        query = "&".join(
            f"{name}={value}" if value else name
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not name.startswith("_x_tr_")
        )
        return urlunsplit(("https", original, parts.path, query, parts.fragment))
    return None


#: Second-level suffixes under which a site's own name is its last three labels
#: (news.kbs.co.kr is KBS's), where the press we cite lives.
TWO_LABEL_SUFFIXES = frozenset(
    {
        "co.kr",
        "or.kr",
        "go.kr",
        "ne.kr",
        "re.kr",
        "ac.kr",
        "co.uk",
        "org.uk",
        "com.au",
        "co.jp",
        "com.sg",
        "com.ph",
        "co.in",
        "com.hk",
        "com.tw",
        "com.br",
    }
)


def _non_public(host: str) -> bool:
    """Whether a label before the site's own name (its last two labels, or three under a
    second-level suffix such as co.kr) marks a non-public copy: www.qa.newsweek.com,
    staging.example.co.kr; never dev.co.kr, a site of that name."""
    labels = host.split(".")
    own = 3 if ".".join(labels[-2:]) in TWO_LABEL_SUFFIXES else 2
    return any(_NON_PUBLIC_LABEL.fullmatch(label) for label in labels[:-own])


def address_problem(url: str, url_note: str | None = None) -> str | None:
    """What is wrong with a citation's address, as one phrase, or None when nothing is. A
    non-public host is not reported when ``url_note`` says why the address is kept (the public
    one could not be checked to hold the same page)."""
    original = unwrapped(url)
    if original is not None:
        return f"is a Google Translate wrapper; cite the original address: {original}"
    try:
        parts = urlsplit(url)
        names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True)]
    except ValueError:
        return None
    host = (parts.hostname or "").casefold()
    # a label in front of a site's own name (staging.collider.com, www.qa.newsweek.com), not a
    # site named so (dev.to)
    if _non_public(host) and not url_note:
        return (
            f"is on a non-public host ({host}); cite the public address, or say in url_note "
            "why this one is kept"
        )
    tracking = sorted({name for name in names if is_tracking(name)})
    if tracking:
        return f"carries tracking parameters ({', '.join(tracking)}); cite the address without them"
    return None
