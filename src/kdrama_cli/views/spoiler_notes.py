"""What a page, or stderr beside a `--json` or `--csv` answer, says it left out as a spoiler:
one wording for every kind of thing hidden, its count where it has one, and how to see it
("2 facts hidden as spoilers: add --spoilers", "headline and address hidden as a spoiler: add
--spoilers"). What is left out is answers.spoilers' rule; these are only its words.

No Rich here: the `--json` paths say these lines too.
"""

from __future__ import annotations

from collections.abc import Collection

from kdrama_cli.answers.spoilers import ADD_SPOILERS
from kdrama_cli.catalogue.vocab import ROLE_NOUNS, ROLES
from kdrama_cli.catalogue.wording import count_of

#: How to see the sources an output with no --spoilers of its own (quiz, top, chart) gave
#: without their headlines: the page of the title each belongs to, with --spoilers.
PAGES_SHOW_THEM = "the titles' pages show them with --spoilers"


def hidden_as_spoilers(what: str, count: int, how: str = ADD_SPOILERS, *, also: str = "") -> str:
    """The one wording of every note that says what a page hid as a spoiler: ``what`` was
    hidden (its count in it where it has one: '2 facts'), ``count`` of them ('hidden as a
    spoiler' after one, 'hidden as spoilers' after several), ``also`` what went with them,
    and ``how`` to see them ("add --spoilers"; where the output has no --spoilers, the
    command line that shows them)."""
    said = "hidden as a spoiler" if count == 1 else "hidden as spoilers"
    return f"{what} {said}{also}: {how}"


def credits_hidden(count: int, how: str = ADD_SPOILERS) -> str:
    """What a page says under what it lists when it left ``count`` flagged credits out, and
    ``how`` to see them (in browse, which has no --spoilers: the command line that does)."""
    return hidden_as_spoilers(count_of(count, "credit"), count, how)


def facts_hidden(count: int, how: str = ADD_SPOILERS) -> str:
    """What a title's page (under its facts) and `trivia` (with no fact left to pick) say when
    ``count`` flagged facts were left out."""
    return hidden_as_spoilers(count_of(count, "fact"), count, how)


def matches_hidden(count: int, how: str = ADD_SPOILERS) -> str:
    """What `search` says when it left out ``count`` matches found only through what a page
    hides ('2 matches hidden as spoilers: add --spoilers')."""
    return hidden_as_spoilers(count_of(count, "match", "matches"), count, how)


def source_hidden(how: str) -> str:
    """What a list of sources says in place of the headline and address of a citation flagged
    as a spoiler (it names a winner, a death, an ending), and ``how`` to see them."""
    return hidden_as_spoilers("headline and address", 1, how)


def notes_hidden_line(count: int, roles: Collection[str] = (), how: str = ADD_SPOILERS) -> str:
    """What the cast page says when it withheld ``count`` flagged notes of listed credits, and
    with them the other notes of the ``roles`` covered (answers.spoilers.covered_roles): '1
    cast note hidden as a spoiler, with the rest of the supporting cast's notes, so none stands
    out'."""
    return hidden_as_spoilers(count_of(count, "cast note"), count, how, also=_with_notes_of(roles))


def cast_hidden_line(
    credits: int, notes: int, roles: Collection[str] = (), how: str = ADD_SPOILERS
) -> str:
    """The one line a cast list says under it for what it left out as spoilers: ``credits``
    left out whole (credits_hidden) and ``notes`` withheld, with the other notes of the
    ``roles`` covered (notes_hidden_line): "1 credit and 2 cast notes hidden as spoilers" when
    both; '' for none."""
    if credits and notes:
        what = f"{count_of(credits, 'credit')} and {count_of(notes, 'cast note')}"
        return hidden_as_spoilers(what, credits + notes, how, also=_with_notes_of(roles))
    if credits:
        return credits_hidden(credits, how)
    return notes_hidden_line(notes, roles, how) if notes else ""


def cameos_not_compared(count: int, how: str = ADD_SPOILERS) -> str:
    """What compare says under its cast in common when the titles hide ``count`` surprise
    cameos: in the same words whether or not a cameo would be in common, as saying it would
    tells whose cameo a title hides."""
    what = f"{count_of(count, 'surprise cameo')} in these titles"
    return hidden_as_spoilers(what, count, how, also=", and so left out of the cast in common")


def sources_hidden_line(count: int, how: str = ADD_SPOILERS, addresses: bool = False) -> str:
    """What a `--json` output says on stderr when it gave ``count`` citations flagged as
    spoilers (their headline gives a result away) without their headline and address, or a
    `--csv` one (``addresses``) when it left their addresses out, and ``how`` to see them."""
    if addresses:
        what = count_of(count, "source address", "source addresses")
    else:
        what = count_of(count, "source headline and address", "source headlines and addresses")
    return hidden_as_spoilers(what, count, how)


def _with_notes_of(roles: Collection[str]) -> str:
    """', with the rest of the main and supporting cast's notes, so none stands out' (the row
    left without a note would point at the spoiler), or '' for no role."""
    if not roles:
        return ""
    named = [ROLE_NOUNS[r][1] if r in ROLE_NOUNS else r for r in sorted(roles, key=_role_place)]
    return f", with the rest of the {' and '.join(named)}'s notes, so none stands out"


def _role_place(role: str) -> tuple[int, str]:
    return (ROLES.index(role) if role in ROLES else len(ROLES), role)
