"""Display text shared by the Rich views, the JSON views and the quiz: safe text, numbers, labels.

No Rich here: the ``--json`` and completion paths import this module too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from kdrama_cli.catalogue.printable import NOT_IN_ADDRESS, PAGE_MARKER, cells_of
from kdrama_cli.catalogue.printable import clean as clean  # re-exported for the views
from kdrama_cli.catalogue.vocab import ROLE_NOUNS, UNNAMED_ROLE
from kdrama_cli.catalogue.wording import count_of as count_of  # re-exported for the views
from kdrama_cli.catalogue.wording import first_few, joined
from kdrama_cli.errors import command_line, did_you_mean, suggested, suggested_commands

if TYPE_CHECKING:
    from kdrama_cli.answers.listing import AloneCount, UnknownYears, Unlabelled
    from kdrama_cli.answers.seen import SeenCredit
    from kdrama_cli.answers.upcoming import Coming
    from kdrama_cli.catalogue.models import LayerMark, Season, Show


#: What an address never holds as itself (RFC 3986), control characters and spaces among them.
#: Compiled on first use (re caches it): only a page that links an address reads it.
_NOT_IN_ADDRESS = f"[{re.escape(NOT_IN_ADDRESS)}\\s\\x00-\\x1f\\x7f]"


def link_target(url: str) -> str:
    """An address as a link's target, with what an address never holds as itself
    percent-encoded. `data check` refuses such an address, but the index is read back as
    untrusted input, and Rich writes a link's target into an --export-html page as it is: a
    quote there would end the href and make the rest of the address markup of the page."""
    return re.sub(
        _NOT_IN_ADDRESS, lambda sign: "".join(f"%{byte:02X}" for byte in sign.group().encode()), url
    )


def nothing_matches(
    query: str, nearest: Sequence[str], instead: tuple[str, str] | None = None
) -> str:
    """What an empty search says, on `search`'s page and in the browser: the command that
    answers what was asked, when the query is one ('squid game cast': "Squid Game's cast:
    kdrama cast squid-game"), else the titles `kdrama show` would suggest, if any, then what
    to try ("Nothing in the catalogue matches 'glory 2'. Did you mean The Glory? ...")."""
    if instead:
        what, command = instead
        return f"Nothing in the catalogue matches {query!r}. {what}: {command}"
    if not nearest:
        listing = command_line("list")
        return f"Nothing in the catalogue matches {query!r}: try fewer words, or {listing}."
    return (
        f"Nothing in the catalogue matches {query!r}. {did_you_mean(list(nearest))} "
        f"Else try fewer words, or {command_line('list')}."
    )


def layers_line(marks: Sequence[LayerMark], personal: Collection[str] = ()) -> str | None:
    """What the show and person pages say of an entry that layers made or changed, naming
    each file as the load named it (as `data check` and the errors do), grouped by how:
    "Layers: replaced by fix.toml; extended by more.toml; sources changed by cit.toml". A
    file in ``personal`` (the personal dataset and the files it includes) is said to come
    through it, as no command line named it. None for an entry of the base alone, whose page
    says nothing."""
    if not marks:
        return None
    by_how: dict[str, list[str]] = {}
    for mark in marks:
        file = clean(mark.file)
        if mark.file in personal:
            file += " (through your personal dataset)"
        by_how.setdefault(mark.how, []).append(file)
    said = "; ".join(f"{_LAYER_WORDS[how]} {joined(files)}" for how, files in by_how.items())
    return f"{'Layer' if len(marks) == 1 else 'Layers'}: {said}"


#: How layers_line says each of catalogue.models.LAYER_HOWS, before the files.
_LAYER_WORDS = {
    "added": "added by",
    "replaced": "replaced by",
    "extended": "extended by",
    "cited": "sources changed by",
    "related": "named as related by",
}


#: Beside a credit on a person's page that a layer gave (layer_credits_line says which).
LAYER_CREDIT_MARK = "*"


def layer_credits_line(given: Sequence[tuple[str, LayerMark]]) -> str | None:
    """What a person's page says under its credits of those a layer gave, each marked
    LAYER_CREDIT_MARK: for each layer and how, in the page's order, what it gave or changed
    (``given``: a title, or the source work of a maker's credit, with its layer): "* From a
    layer: Squid Game extended by mine.toml; My Fan Show added by mine.toml". None when no
    layer gave one."""
    by_mark: dict[LayerMark, list[str]] = {}
    for name, mark in given:
        named = by_mark.setdefault(mark, [])
        if clean(name) not in named:
            named.append(clean(name))
    if not by_mark:
        return None
    said = "; ".join(
        f"{joined(titles)} {m.how} by {clean(m.file)}" for m, titles in by_mark.items()
    )
    files = {mark.file for mark in by_mark}
    return f"{LAYER_CREDIT_MARK} From {'a layer' if len(files) == 1 else 'layers'}: {said}"


def layer_cast_line(given: Sequence[tuple[str, str, LayerMark, str]]) -> str | None:
    """What a page listing a title's credits (the show page's cast, `kdrama cast`, compare's
    cast in common, a path's hops) says under them of those a layer's extension added, each
    marked LAYER_CREDIT_MARK, in a person's page's words (layer_credits_line), naming whose
    credits they are (``given``: the title, the person's name, the layer, and the references
    of what the layer cites for it where no column shows them, else ""): "* From a layer:
    Squid Game extended by mine.toml (Kim New-actor [4])". None when no layer gave one."""
    by_mark: dict[tuple[str, LayerMark], list[str]] = {}
    for title, name, mark, refs in given:
        named = by_mark.setdefault((clean(title), mark), [])
        said = clean(name) + (f" {refs}" if refs else "")
        if said not in named:
            named.append(said)
    if not by_mark:
        return None
    said = "; ".join(
        f"{title} {m.how} by {clean(m.file)} ({joined(names)})"
        for (title, m), names in by_mark.items()
    )
    files = {mark.file for _, mark in by_mark}
    return f"{LAYER_CREDIT_MARK} From {'a layer' if len(files) == 1 else 'layers'}: {said}"


def unsourced_credits_line(given: Sequence[tuple[str, LayerMark]]) -> str | None:
    """What a person's page says under its credits of those a layer's extension added with no
    source (answers.person_page.PersonDetail.unsourced): that the layer cites none, so the
    row cites nothing, rather than the title's own pages, which do not name the credit. None
    when every such credit has a source."""
    if not given:
        return None
    by_file: dict[str, list[str]] = {}
    for title, mark in given:
        titles = by_file.setdefault(clean(mark.file), [])
        if clean(title) not in titles:
            titles.append(clean(title))
    said = "; ".join(
        f"{file} cites no source for its credit in {joined(titles)}"
        for file, titles in by_file.items()
    )
    return f"{LAYER_CREDIT_MARK} No source: {said} (the title's own sources do not name it)"


def seen_left_out(count: int) -> str:
    """'1 title you have seen is left out: --include-seen lists it.': under `similar`'s page,
    and on stderr beside its --json and --csv."""
    if count == 1:
        return "1 title you have seen is left out: --include-seen lists it."
    return f"{count:,} titles you have seen are left out: --include-seen lists them."


#: How many titles known only as out by a Top 10 week the note names before "and N more".
OUT_BY_NAMED = 3


def unlabelled_note(unlabelled: Unlabelled, counted: bool = False) -> str:
    """What `list --genre/--platform` says (under its table, or on stderr beside --json and
    --csv) of the titles held only as Netflix's record, which name neither and so never match
    (``counted``: what `values` says, as no row counts them)."""
    what = " or ".join(unlabelled.facets)
    how = "counted in no row" if counted else "left out"
    return (
        f"{count_of(unlabelled.left_out, 'title')} held only as Netflix's record {how}: "
        f"Netflix's files name no {what} "
        f"({command_line('list --completeness netflix-only')} lists them)."
    )


def each_alone_note(alone: Sequence[AloneCount]) -> str:
    """What an empty `list` of several filters says after "No title matches those filters":
    how many titles each keeps on its own, so the one that emptied it shows."""
    parts = [
        " ".join(f"--{name} {shell_word(value)}" for name, value in count.flags)
        + f" {count_of(count.keeps, 'title') if count.keeps else 'none'}"
        for count in alone
    ]
    return f"On its own, each matches: {', '.join(parts)}."


def unknown_year_note(unknown: UnknownYears) -> str:
    """What `list --year/--from/--to` says of the titles it left out for want of a year: those
    no source dates, and apart, those only known to be out by a week in Netflix's Top 10."""
    lines: list[str] = []
    if unknown.undated:
        lines.append(
            f"{count_of(unknown.undated, 'title')} of unknown year left out (no source in the "
            "catalogue dates them)."
        )
    if unknown.out_by:
        one = len(unknown.out_by) == 1
        lines.append(
            f"{'Also left out' if unknown.undated else 'Left out'}: "
            f"{count_of(len(unknown.out_by), 'title')} whose first week in Netflix's Top 10 "
            f"shows only that {'it was' if one else 'they were'} out by then, not since when "
            f"({_out_by_named(unknown)})."
        )
    return " ".join(lines)


def _out_by_named(unknown: UnknownYears) -> str:
    """The first few titles known only to be out by a Top 10 week, each with that week:
    'If Wishes Could Kill by 2026-04-26, … and 31 more'."""
    named = [f"{clean(title)} by {week.isoformat()}" for title, week in unknown.out_by]
    return first_few(named, OUT_BY_NAMED)


def listed_last_note(undated: UnknownYears, past_limit: int = 0) -> str:
    """What `list --sort year/newest` says of the titles of unknown year it puts last, naming
    those known to be out by a week of Netflix's Top 10: the newest of the catalogue's own
    titles may be among them, and a limit may leave them out (``past_limit`` of them)."""
    total = undated.left_out
    one = total == 1
    where = "Last"
    if past_limit == total:
        where = "Last, past the limit"
    elif past_limit:
        where = f"Last ({past_limit:,} past the limit)"
    said = (
        f"{where}: {count_of(total, 'title')} of unknown year (no source in the catalogue dates "
        f"{'it' if one else 'them'})"
    )
    if not undated.out_by:
        return said + "."
    these = "it was out by its" if len(undated.out_by) == 1 else "they were out by their"
    shown = f"Netflix's Top 10 shows only that {these} first week there: {_out_by_named(undated)}."
    return f"{said}; {shown}" if one else f"{said}. Of them, {shown}"


def due_words(season: Season) -> str | None:
    """When a season still to come is due: 'due 2026-12-20' where the premiere day is set,
    'due Q2 2026' for a window announced without a day; None for a season out or cancelled,
    or one of no known date."""
    from kdrama_cli.catalogue.models import release_window

    if season.is_out or season.status == "cancelled":
        return None
    if season.release_date:
        return f"due {season.release_date.isoformat()}"
    window = release_window(season.release_window) if season.release_window else None
    return f"due {window[0]}" if window else None


def coming_words(season: Season, stale: bool) -> str:
    """A season still to come as compare gives it: 'announced since 2022-08-17, as of
    2023-06-09, stale', its due day or window before the flag (answers.upcoming.dated_status;
    the flag is answers.upcoming.staleness's)."""
    from kdrama_cli.answers.upcoming import dated_status

    words = [dated_status(season), due_words(season), "stale" if stale else None]
    return ", ".join(word for word in words if word)


def shell_word(value: str) -> str:
    """A filter value as one word the shells keep whole, the form TAB offers and the notes
    print: "Theatrical (Lotte Entertainment)" is Theatrical-Lotte-Entertainment.

    Click's bash script puts a completion on the command line as it is, unquoted, so a space
    splits it into words and a parenthesis is a syntax error; fish splits a completion at a
    comma. The filters compare values ignoring case, spacing and punctuation, so this form
    finds exactly the titles the value as spelled does. Only letters, digits, ".", "+" and "-"
    are kept, so it needs no quoting and holds no control character.
    """
    return "-".join(part for part in re.split(r"[^\w.+]+", value) if part)


def lookup_command(kind: str, target: str, season: int | None = None) -> str:
    """The command that opens a search result: `kdrama person ID` for a person, else `kdrama
    show SLUG`, with `--season N` when the query named a season ("squid game 2")."""
    if kind == "person":
        return command_line(f"person {target}")
    return command_line(f"show {target}" + (f" --season {season}" if season is not None else ""))


def spoilers_command(target: str, season: int | None = None, kind: str = "title") -> str:
    """The command whose page shows what another page hid as a spoiler: `kdrama show SLUG
    [--season N] --spoilers`, or `kdrama person ID --spoilers` (for the pages and files that
    have no --spoilers of their own)."""
    return suggested(f"{lookup_command(kind, target, season)} --spoilers")


def hidden_matches(count: int, query: str) -> str:
    """'3 matches hidden as spoilers: kdrama search --spoilers winner': the matches a search
    left out as spoilers, in search's words, and the command line that lists them (for
    browse, which has no --spoilers)."""
    from kdrama_cli.answers.finding import command_argument
    from kdrama_cli.views.spoiler_notes import matches_hidden

    return matches_hidden(count, command_line(f"search --spoilers {command_argument(query)}"))


def no_cast(
    chosen: Show | None, season: int | None, role: str, holders: Sequence[Show] = ()
) -> str:
    """Why `cast` lists no one (no credit was hidden as a spoiler): the page's one line, and
    the line on stderr beside --json's [] and --csv's header, so that a script can tell a
    title with no cast in the catalogue from a filter that matched none of its cast.
    ``chosen``: the title asked for, or None for every title; ``holders``: then, with
    --season N, the titles that have a season N, oldest first."""
    if chosen is None:
        return _no_cast_of_any(season, role, holders)
    if chosen.netflix_only:
        return f"{chosen.title}: no cast yet; the catalogue holds only Netflix's record."
    if chosen.cast_unknown:
        return f"{chosen.title}: no cast. {chosen.cast_unknown}"
    if not chosen.cast:
        return f"{chosen.title}: the catalogue lists no cast for it yet."
    cast_of = "cast" if season is None else f"season-{season} cast"
    what = "credit" if role == "all" else ROLE_NOUNS[role][0]
    return f"{chosen.title}: no {what} in the catalogue's {cast_of}."


def _no_cast_of_any(season: int | None, role: str, holders: Sequence[Show]) -> str:
    """Why `cast` of every title lists no one: with --season N, what the titles that have a
    season N lack (the catalogue holds only Netflix's record of them, or no credit of the role
    asked for), rather than a bare "no match" that reads as if no title had one."""
    if season is None:
        return "No cast in the catalogue matches."
    which = (
        "the title that has one"
        if len(holders) == 1
        else f"the {len(holders):,} titles that have one"
    )
    if role != "all":
        return f"Season {season}: no {ROLE_NOUNS[role][0]} in the catalogue's cast of {which}."
    names = first_few([h.title for h in holders])
    if all(h.netflix_only for h in holders):
        return (
            f"Season {season}: no cast yet; the catalogue holds only Netflix's record of {which}"
            f" ({names})."
        )
    return f"Season {season}: no cast in the catalogue for {which} ({names})."


def upcoming_hidden(coming: Coming, addresses: bool = True) -> str | None:
    """What `upcoming --csv` says on stderr when it left source addresses out as spoilers
    (`--json`, not ``addresses``: their headlines and addresses): how many, and the command
    of each title whose news cites one (as the page does). Here, not in sheets or jsonview, so
    that each output imports only its own view."""
    from kdrama_cli.answers.spoilers import hidden
    from kdrama_cli.views.spoiler_notes import sources_hidden_line

    left_out: dict[str, None] = {}
    pages: dict[str, None] = {}
    for entry in coming.entries:
        for citation in entry.citations:
            if hidden(citation, spoilers=False):
                left_out[citation.id] = None
                pages[spoilers_command(entry.slug)] = None
    if not left_out:
        return None
    count = len(left_out)
    how = f"{' or '.join(pages)} shows {'it' if count == 1 else 'them'}"
    return sources_hidden_line(count, how, addresses)


def seen_credit_label(credit: SeenCredit, between: str = "; ") -> str:
    """A title you have seen someone in, as `seen people` and "You have seen them in" say it:
    'Squid Game S1 (as Ji-yeong)'; crew say what they were, with no season, as the catalogue
    holds crew for the whole title: 'Squid Game (creator)', and someone who was both, 'Hunt
    (as Park Pyong-ho; director, writer)' (``between`` those two: `seen people --csv` joins
    its titles with '; ', so it writes ', ' there)."""
    text = clean(credit.show.title)
    if credit.cast_seasons:  # the seasons of their roles, never a crew credit's
        text += f" {seasons_label(credit.cast_seasons)}"
    said = [f"as {clean(credit.character)}"] if credit.character else []
    said += [", ".join(credit.crew)] if credit.crew else []
    if said:
        text += f" ({between.join(said)})"
    return text


def characters_label(characters: Sequence[str | None]) -> str:
    """A person's characters in one title, 'A / B', an unnamed role as UNNAMED_ROLE."""
    return " / ".join(c or UNNAMED_ROLE for c in characters)


def human_number(value: float, short: bool = False) -> str:
    """1650450000 -> '1.65 billion' ('1.65B' short); 124790000 -> '124.79 million'; 800000 ->
    '800,000' ('800K' short); 91 -> '91'; a layer's 9,999,999,999,999 -> '10 trillion' ('10T'),
    not '10000B'."""
    scales = (
        (1e12, " trillion", "T"),
        (1e9, " billion", "B"),
        (1e6, " million", "M"),
        (1e3, "", "K"),
    )
    for index, (size, word, letter) in enumerate(scales):
        if abs(value) < size or not (short or word):
            continue
        scaled = round(value / size, 2)
        if abs(scaled) >= 1000 and index:  # 999,999 is '1M', not '1000K'
            size, word, letter = scales[index - 1]
            scaled = round(value / size, 2)
        text = f"{scaled:.2f}".rstrip("0").rstrip(".")
        return text + (letter if short else word)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_UNIT_WORDS = {
    "hours": ("hour", "hours"),
    "views": ("view", "views"),
    "weeks": ("week", "weeks"),
    "countries": ("country", "countries"),
    "households": ("household", "households"),
    "people": ("person", "people"),
}


def duration_label(minutes: float) -> str:
    """499 -> '8h 19m', 28 -> '28m': a running time, as every page gives one."""
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}h {rest:02d}m" if hours else f"{rest}m"


def format_figure(value: float, unit: str, short: bool = False) -> str:
    """A figure with its unit: '560.78 million hours' ('560.78M hours' short), '$4.56 million',
    '14.636%'; minutes as a running time, '8h 19m'."""
    if unit == "minutes" and value:
        return duration_label(value)
    number = human_number(value, short)
    if unit == "USD":
        return f"${number}"
    if unit == "rank":
        return f"#{number}"
    if unit == "percent":
        # a rating as Nielsen gives it, to the thousandth (14.636%): rounded to 14.64% it
        # would read as a figure no page printed
        return f"{value:.3f}".rstrip("0").rstrip(".") + "%" if abs(value) < 1000 else f"{number}%"
    singular, plural = _UNIT_WORDS.get(unit, (unit, unit))
    return f"{number} {singular if value == 1 else plural}"


def status_label(status: str) -> str:
    """'in-production' -> 'in production'."""
    return status.replace("-", " ")


METRIC_LABELS = {
    "hours-viewed": "Hours viewed",
    "views": "Views",
    "weeks-in-top10": "Weeks in Top 10",
    "countries-in-top10": "Countries in Top 10",
    "rank": "Rank",
    "households": "Households",
    "prize": "Prize",
    "contestants": "Contestants",
    "ratings": "TV rating",
}


def metric_label(metric: str, window: str = "") -> str:
    """'Hours viewed'; a rank over more than one week is the best rank in that span."""
    if metric == "rank" and window and not window.startswith("week:"):
        return "Best rank"
    return METRIC_LABELS.get(metric, metric.replace("-", " ").capitalize())


def tied_ranks(values: Sequence[object]) -> list[int]:
    """Each place's rank in a list sorted best first, ties sharing one (competition ranking:
    1, 2, 2, 4): a value equal to the one before takes its rank. `top` and `seen people`."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        tied = index > 0 and value == values[index - 1]
        ranks.append(ranks[-1] if tied else index + 1)
    return ranks


def cut_at_limit(
    shown: int, total: int | None, singular: str, plural: str | None = None
) -> str | None:
    """'3 of 12 results (--limit N for more)': the line under a page that --limit, or its
    default, cut short, the same on every command that takes --limit (list, search, top,
    similar, cast, seen people); None when nothing was cut. It says how to see more, as
    "(--limit)" alone did not to one who never typed it (search shows 20 by default)."""
    if total is None or total <= shown:
        return None
    return f"{shown:,} of {count_of(total, singular, plural)} (--limit N for more)"


def season_label(number: int) -> str:
    """How a season qualifies a title or a figure on every page: 'S2' (headings and sentences
    say 'Season 2')."""
    return f"S{number}"


def seasons_label(numbers: Sequence[int]) -> str:
    """'S1, S2' (or '' for none)."""
    return ", ".join(season_label(n) for n in numbers)


def announced_label(out: Sequence[int], announced: Sequence[int]) -> str:
    """' (S1, announced S2)' beside a credit with seasons not out, as a path's hop says it
    (' (announced S2)' when none is out); '' when every season is out: a season that is only
    renewed, announced or in production is never given as released."""
    if not announced:
        return ""
    said = f"announced {seasons_label(announced)}"
    return f" ({seasons_label(out)}, {said})" if out else f" ({said})"


def source_title(publisher: str, title: str, described: bool) -> str:
    """A citation's title as a source line prints it after the publisher. A title that
    ``described`` the page (its headline was not kept: ``title_note``) often begins with the
    publisher's name ("Segye Ilbo report on ..."); after "Segye Ilbo, " that name is left out
    rather than said twice."""
    name = publisher.split(" (", 1)[0].strip()
    if described and name and title.startswith(name + " "):
        rest = title[len(name) + 1 :]
        return rest[:1].lower() + rest[1:]
    return title


def citation_label(publisher: str, title: str, described: bool, date: dt.date | None) -> str:
    """A citation as every list of sources names it: 'Publisher, “Headline”, 2024-05-01'; a
    page ``described`` (its headline was not kept) unquoted: 'Publisher, report on …'."""
    said = source_title(publisher, title, described) if described else f"“{_nested(title)}”"
    label = f"{clean(publisher)}, {clean(said)}"
    return f"{label}, {date.isoformat()}" if date else label


#: Double quotation marks inside a quoted headline become single ones, as nested quotations
#: are written: “‘Squid Game’ star …”, never ““Squid Game” star …”.
_NESTED_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _nested(headline: str) -> str:
    return headline.translate(_NESTED_QUOTES)


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a Hangul syllable or another wide
    character, none for a combining mark (printable.cells_of)."""
    return len(text) if text.isascii() else sum(cells_of(c) for c in text)


def wrap_cells(text: str, width: int, first: str = "", rest: str = "") -> str:
    """``text`` in lines of at most ``width`` cells, broken between words, with ``first``
    before its first line and ``rest`` before the others (a hanging indent). Counted in cells,
    not characters, so a line of Hangul is not left for the terminal to break mid-word; a word
    wider than a line is left whole, and so is a command kdrama suggests (a command split over
    two lines fails when pasted)."""
    lines: list[str] = []
    line, used = first, cell_width(first)
    started = False
    for word in _words(text):
        size = cell_width(word)
        if started and used + 1 + size > width:
            lines.append(line)
            line, used = rest + word, cell_width(rest) + size
        elif started:
            line, used = f"{line} {word}", used + 1 + size
        else:
            line, used = line + word, used + size
        started = True
    lines.append(line)
    return "\n".join(lines)


def join_commands(text: str, commands: Sequence[str] | None = None) -> str:
    """``text`` with the spaces inside each command kdrama suggested in it (``commands``, by
    default errors.suggested_commands()) made catalogue.printable.PAGE_MARKER, which is no
    place to break a line; one character for one space, so positions in ``text`` still hold."""
    if "kdrama " not in text:
        return text
    if commands is None:
        commands = suggested_commands()
    for command in commands:
        if command in text:
            text = text.replace(command, command.replace(" ", PAGE_MARKER))
    return text


def unjoin(text: str) -> str:
    """``text`` (a page drawn, a word) with its commands' spaces back: join_commands undone."""
    return text.replace(PAGE_MARKER, " ")


def _words(text: str) -> list[str]:
    """``text``'s words, each command kdrama suggested in it one word."""
    return [unjoin(word) for word in join_commands(text).split()]


#: The dataset's count keys in the words every other page uses: a "show" is a title, a "stat"
#: a figure (README); `data check`'s table and its --json both say them so.
COUNT_WORDS = {"shows": "titles", "stats": "figures"}
