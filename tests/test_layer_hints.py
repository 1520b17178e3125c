"""What `data check` tells a fan extending the dataset (walk35, a fan extending it): a Netflix
record researched as data/README.md says, a list written as one string, an entry that means to
add to a shipped one, what an override drops and where it came from."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI, Run

CITATION = """
[[citations]]
id = "my-page"
url = "https://example.com/news/my-page"
title = "Example article"
publisher = "Example News"
date = 2025-01-10
"""

#: 18 Again, held in the shipped netflix.toml only as Netflix's record, researched.
AGAIN = (
    CITATION
    + """
[[shows]]
slug = "18-again"
override = true
title = "18 Again"
korean_title = "18 어게인"
kind = "series"
platform = "JTBC"
genres = ["fantasy", "romance"]
synopsis = "A made-up synopsis: a man wakes up in his eighteen-year-old body."
sources = ["my-page"]
cast_unknown = "No source names a cast yet."

[[shows.seasons]]
number = 1
status = "released"
release_date = 2020-09-21
episodes = 16
netflix_titles = ["18 Again: Limited Series", "18 Again: Season 1"]
sources = ["my-page"]
"""
)


def _layer(tmp_path: Path, text: str, name: str = "layer.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _said(stderr: str, kind: str = "warning") -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"kdrama: {kind}:")]


def test_a_netflix_record_researched_as_the_docs_say_passes_strict(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #1: an override of a netflix_only title without netflix_only (data/README.md,
    Layers) was warned that it "drops its netflix_only", and told to copy it back, which
    would undo the research; only drops = ["field:netflix_only"], which no doc names, passed."""
    layer = _layer(tmp_path, AGAIN)
    checked = run_shipped("data", "check", "--strict", str(layer))
    assert checked.exit_code == 0, checked.output
    assert _said(checked.stderr) == []
    assert "netflix_only" not in checked.stderr


def test_a_researched_film_gives_its_release_date_for_netflixs_day(
    run_shipped: Run, tmp_path: Path
) -> None:
    """A Netflix record of a film has the day it came to Netflix; a researched one gives its
    release date instead, and leaving the Netflix day out is no warning. Leaving out the
    Netflix title `seen import` matches it by still is."""
    film = CITATION + (
        '\n[[shows]]\nslug = "forgotten"\noverride = true\ntitle = "Forgotten"\n'
        'korean_title = "기억의 밤"\nkind = "film"\nplatform = "Theatrical"\n'
        'genres = ["thriller"]\n'
        'synopsis = "A made-up synopsis."\nrelease_date = 2017-11-29\nsources = ["my-page"]\n'
        'cast_unknown = "No source names a cast yet."\n'
    )
    layer = _layer(tmp_path, film + 'netflix_titles = ["Forgotten"]\n')
    checked = run_shipped("data", "check", "--strict", str(layer))
    assert checked.exit_code == 0, checked.output
    assert _said(checked.stderr) == []
    bare = _layer(tmp_path, film, "bare.toml")
    checked = run_shipped("data", "check", str(bare))
    (warning,) = _said(checked.stderr)
    assert warning.startswith(
        f"kdrama: warning: {bare}:9: shows[forgotten]: drops 1 Netflix title (netflix_titles:"
        " what kdrama seen import matches a viewing history by) that the entry it overrides has"
    )
    assert "netflix_release_date" not in warning and "netflix_only" not in warning


def test_an_override_that_loses_a_seasons_netflix_titles_is_told_so(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #1: season 1's netflix_titles ("18 Again: Limited Series") are what `seen
    import` matches a viewing history by; an override that leaves them out was not warned.
    drops names them as netflix_title:NAME, in any case."""
    lost = _layer(
        tmp_path,
        AGAIN.replace('netflix_titles = ["18 Again: Limited Series", "18 Again: Season 1"]\n', ""),
    )
    checked = run_shipped("data", "check", str(lost))
    assert checked.exit_code == 0, checked.output
    (warning,) = _said(checked.stderr)
    assert warning.startswith(
        f"kdrama: warning: {lost}:9: shows[18-again]: drops 2 Netflix titles (netflix_titles:"
        " what kdrama seen import matches a viewing history by) that the entry it overrides"
        " has (an override replaces it whole, and hides what it gains later too): copy what"
        " yours should keep from "
    )
    assert "netflix_only" not in warning
    named = _layer(
        tmp_path,
        lost.read_text(encoding="utf-8").replace(
            "override = true\n",
            'override = true\ndrops = ["netflix_title:18 again: limited series",'
            ' "netflix_title:18 Again: Season 1"]\n',
        ),
        "named.toml",
    )
    checked = run_shipped("data", "check", "--strict", str(named))
    assert checked.exit_code == 0, checked.output


def test_the_title_clash_with_a_netflix_record_says_what_the_override_keeps(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #1: a new title named as a Netflix record is told to override it instead; the
    hint says to leave out netflix_only and keep the Netflix titles."""
    layer = _layer(tmp_path, AGAIN.replace('slug = "18-again"\noverride = true', 'slug = "again"'))
    checked = run_shipped("data", "check", str(layer))
    assert (
        f"kdrama: warning: {layer}:9: shows[again].title: '18 Again' (18 어게인) is 18-again's"
        " title too, and 18-again's Korean title: a lookup of either finds both. To correct"
        " 18-again, write this block as slug = '18-again' with override = true, without"
        " netflix_only, keeping its seasons' netflix_titles ('18 Again: Limited Series' and"
        " '18 Again: Season 1')"
    ) in _said(checked.stderr)


def test_a_list_written_as_one_comma_separated_string_is_told_its_items(
    run: Run, tmp_path: Path
) -> None:
    """walk35 #2: genres = "romance, comedy" was told to write ["romance, comedy"], one genre,
    which then passed --strict and which list --genre romance misses. Where no item holds a
    comma (genres, ids, numbers) the hint splits it; where one may (an alias), it offers both."""
    text = MINI.read_text(encoding="utf-8")
    cases = {
        'genres = "horror, coming-of-age"': (
            'genres: expected a list, got a string; write it as a list: ["horror", "coming-of-age"]'
        ),
        'directors = "oh-taeyang,han-ji-won"': (
            'directors: expected a list, got a string; write it as a list: ["oh-taeyang",'
            ' "han-ji-won"]'
        ),
        'aliases = "The Lantern Room, Lantern"': (
            'aliases: expected a list, got a string; write it as a list: ["The Lantern Room",'
            ' "Lantern"], or ["The Lantern Room, Lantern"] if it is one item'
        ),
        # one item, as before
        'genres = "horror"': (
            'genres: expected a list, got a string; write it in brackets: ["horror"]'
        ),
    }
    for typed, said in cases.items():
        key = typed.partition(" =")[0]
        block = text.index('slug = "moonlit-hallway"')
        line = next(line for line in text[block:].splitlines() if line.startswith(f"{key} = "))
        layer = _layer(tmp_path, text[:block] + text[block:].replace(line, typed, 1), "comma.toml")
        checked = run("data", "check", str(layer))
        assert checked.exit_code == 1, typed
        (error,) = _said(checked.stderr, "error")
        assert error.startswith(f"kdrama: error: {layer}:"), error
        assert error.endswith(f"shows[moonlit-hallway].{said}"), error


def test_a_genre_holding_a_comma_is_a_warning(run: Run, tmp_path: Path) -> None:
    """walk35 #2: ["romance, comedy"] is one genre that list --genre romance does not find."""
    text = MINI.read_text(encoding="utf-8")
    layer = _layer(
        tmp_path,
        text.replace('genres = ["horror", "coming-of-age"]', 'genres = ["horror, coming of age"]'),
    )
    assert run("data", "check", "--strict", str(MINI)).exit_code == 0
    checked = run("data", "check", "--strict", str(layer))
    assert checked.exit_code == 1
    assert _said(checked.stderr) == [
        f"kdrama: warning: {layer}:66: shows[moonlit-hallway].genres: 'horror, coming of age'"
        " holds a comma: it is one genre, which list --genre horror does not find; write each"
        ' genre as its own item: ["horror", "coming of age"]'
    ]


def test_an_entry_that_only_adds_to_a_shipped_one_is_told_to_extend_it(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #3: slug = "squid-game" with a [[shows.cast]] was told only to set override =
    true and copy the whole block (some 150 lines), and, in a second line, that a cast needs
    cast_sources, which README "How datasets are merged" says is held back. It is told first
    that extend = true adds its cast, in one line."""
    layer = _layer(
        tmp_path,
        '[[shows]]\nslug = "squid-game"\n\n[[shows.cast]]\nperson = "park-ji-hu"\n'
        'character = "Player 999"\nrole = "supporting"\n',
    )
    for args in (("data", "check", str(layer)), ("--add-data", str(layer), "show", "squid-game")):
        checked = run_shipped(*args)
        assert checked.exit_code == 1
        (error,) = _said(checked.stderr, "error")
        assert error.startswith(
            f"kdrama: error: {layer}:1: shows[squid-game]: slug 'squid-game' is already defined"
            " in the shipped shows.toml; to add its cast to that entry, set extend = true; to"
            " correct it instead, set override = true: an override replaces the entry whole, so"
            " copy its whole [[shows]] block from "
        ), error
    # a problem of what it adds is still said beside it
    lead = _layer(tmp_path, layer.read_text().replace('"supporting"', '"lead"'), "lead.toml")
    errors = _said(run_shipped("data", "check", str(lead)).stderr, "error")
    assert len(errors) == 2 and "to add its cast to that entry, set extend = true" in errors[0]
    assert errors[1] == (
        f"kdrama: error: {lead}:4: shows[squid-game].cast[0].role: expected one of main,"
        " supporting, special, host, judge; got 'lead'. Did you mean main?"
    )
    # done as told, it loads
    extended = _layer(
        tmp_path,
        CITATION
        + layer.read_text().replace('slug = "squid-game"\n', 'slug = "squid-game"\nextend = true\n')
        + 'sources = ["my-page"]\n',
        "extended.toml",
    )
    assert run_shipped("data", "check", str(extended)).exit_code == 0


def test_a_person_given_again_to_add_a_source_is_told_to_extend_and_what_to_remove(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #3: a second iu, repeating its name, to add a source: extend = true, without the
    name it repeats. One that changes the name is a correction: override alone."""
    layer = _layer(
        tmp_path, CITATION + '\n[[people]]\nid = "iu"\nname = "IU"\nsources = ["my-page"]\n'
    )
    (error,) = _said(run_shipped("data", "check", str(layer)).stderr, "error")
    assert error.startswith(
        f"kdrama: error: {layer}:9: people[iu]: id 'iu' is already defined in the shipped"
        " shows.toml; to add its sources to that entry, set extend = true and remove name, which"
        " it repeats (an extension holds only what it adds); to correct it instead, set override"
        " = true: an override replaces the entry whole, so copy its whole [[people]] block from "
    ), error
    renamed = _layer(tmp_path, layer.read_text().replace('"IU"', '"Lee Ji-eun"'), "renamed.toml")
    (error,) = _said(run_shipped("data", "check", str(renamed)).stderr, "error")
    assert "extend = true" not in error
    assert "id 'iu' is already defined in the shipped shows.toml; set override = true" in error


def test_a_drop_warning_gives_the_drops_line_to_paste(run_shipped: Run, tmp_path: Path) -> None:
    """walk35 #15: the warning counted what an override drops ("drops its url_note") but left
    the user to work out the drops line; it gives it, ready to paste, and pasted it passes."""
    citation = (
        '[[citations]]\nid = "kingdom-collider-trailer"\noverride = true\n'
        'url = "https://collider.com/kingdom-netflix-series-trailer/"\n'
        'title = "New Kingdom Trailer"\n'
        'publisher = "Collider"\ndate = 2019-01-02\n'
    )
    layer = _layer(tmp_path, citation)
    checked = run_shipped("data", "check", str(layer))
    (warning,) = _said(checked.stderr)
    assert warning.startswith(
        f"kdrama: warning: {layer}:1: citations[kingdom-collider-trailer]: drops its url_note"
        " that the entry it overrides has"
    )
    assert warning.endswith(
        ', or name what it leaves out on purpose in drops: drops = ["field:url_note"]'
    )
    pasted = _layer(
        tmp_path,
        citation.replace("override = true\n", 'override = true\ndrops = ["field:url_note"]\n'),
        "pasted.toml",
    )
    assert run_shipped("data", "check", "--strict", str(pasted)).exit_code == 0


def test_a_drop_warning_names_the_extension_a_dropped_item_came_from(
    run_shipped: Run, tmp_path: Path
) -> None:
    """walk35 #6: an override of kingdom over a layer that extended it with an alias was sent
    to the shipped block to copy the alias from, which does not hold it: each file's share of
    what is dropped is said, with where to copy it from."""
    import tomli
    import tomli_w

    from tests.conftest import SHIPPED

    with SHIPPED.open("rb") as file:
        shipped = tomli.load(file)
    kingdom = next(show for show in shipped["shows"] if show["slug"] == "kingdom")
    extension = _layer(
        tmp_path,
        '[[shows]]\nslug = "kingdom"\nextend = true\naliases = ["Kingdom (my alias)"]\n',
        "ext.toml",
    )
    whole = {"slug": "kingdom", "override": True, **kingdom}
    fix = _layer(tmp_path, tomli_w.dumps({"shows": [whole]}), "fix.toml")
    args = ("--add-data", str(extension), "--add-data", str(fix), "data", "check")
    (warning,) = _said(run_shipped(*args).stderr)
    assert warning == (
        f"kdrama: warning: {fix}:1: shows[kingdom]: drops 1 alias that an extension in"
        f" {extension} added to the entry it overrides (an override replaces it whole, and"
        " hides what it gains later too): copy what yours should keep from"
        f" {extension}:1, or name what it leaves out on purpose in drops:"
        ' drops = ["alias:Kingdom (my alias)"]'
    )
    # one of the shipped entry's own credits left out too: each file's share, and both places
    left = kingdom["cast"][0]["person"]
    whole["cast"] = [c for c in kingdom["cast"] if c["person"] != left]
    fix.write_text(tomli_w.dumps({"shows": [whole]}), encoding="utf-8")
    (warning,) = _said(run_shipped(*args).stderr)
    assert warning.startswith(
        f"kdrama: warning: {fix}:1: shows[kingdom]: drops 1 cast credit that the entry it"
        f" overrides has and 1 alias that an extension in {extension} added (an override"
        " replaces it whole, and hides what it gains later too): copy what yours should keep"
        f" from {SHIPPED}:"
    ), warning
    assert warning.endswith(
        f" and {extension}:1, or name what it leaves out on purpose in drops:"
        f' drops = ["cast:{left}", "alias:Kingdom (my alias)"]'
    ), warning


def test_a_newcomers_word_for_a_key_or_value_is_told_the_datasets_once(
    run: Run, tmp_path: Path
) -> None:
    """walk35 #7: name for title, id for slug, network for platform, season for number, fact
    for text, korean_name for hangul, actor for person, role_name for character were each given
    the whole key list and, apart, the key "missing"; status "ended" and role "guest" no hint.
    Each is told the key or value it stands for, in one line."""
    text = MINI.read_text(encoding="utf-8")
    cases = [
        ('title = "Moonlit Hallway"', 'name = "Moonlit Hallway"', "shows[moonlit-hallway].name"),
        ('slug = "moonlit-hallway"', 'id = "moonlit-hallway"', "shows[0].id"),
        ('platform = "Examplenet"', 'network = "Examplenet"', "shows[moonlit-hallway].network"),
        ("number = 1\n", "season = 1\n", "shows[moonlit-hallway].seasons[0].season"),
        ('hangul = "한지원"', 'korean_name = "한지원"', "people[han-ji-won].korean_name"),
        ('id = "han-ji-won"', 'slug = "han-ji-won"', "people[0].slug"),
        ('person = "han-ji-won"', 'actor = "han-ji-won"', "shows[moonlit-hallway].cast[0].actor"),
        (
            'character = "Cha Eun-bi"',
            'role_name = "Cha Eun-bi"',
            "shows[moonlit-hallway].cast[0].role_name",
        ),
    ]
    meant = {
        "name": "title",
        "id": "slug",
        "network": "platform",
        "season": "number",
        "korean_name": "hangul",
        "slug": "id",
        "actor": "person",
        "role_name": "character",
    }
    for old, new, where in cases:
        assert old in text, old
        layer = _layer(tmp_path, text.replace(old, new, 1), "words.toml")
        checked = run("data", "check", str(layer))
        assert checked.exit_code == 1, new
        errors = [e.split(": ", 3)[-1] for e in _said(checked.stderr, "error")]
        key = where.rpartition(".")[2]
        assert errors == [f"{where}: unknown key. Did you mean {meant[key]}?"], (new, errors)
    facts = text.replace('text = "The school set', 'fact = "The school set', 1)
    errors = _said(run("data", "check", str(_layer(tmp_path, facts, "fact.toml"))).stderr, "error")
    assert [e.split(": ", 3)[-1] for e in errors] == [
        "shows[moonlit-hallway].facts[0].fact: unknown key. Did you mean text?"
    ]
    values = {
        ('status = "released"', 'status = "ended"'): "got 'ended'. Did you mean released?",
        ('role = "main"', 'role = "guest"'): "got 'guest'. Did you mean special or supporting?",
    }
    for (old, new), said in values.items():
        layer = _layer(tmp_path, text.replace(old, new, 1), "values.toml")
        (error,) = _said(run("data", "check", str(layer)).stderr, "error")
        assert error.endswith(said), error
    # a season number written wrongly is said once too, not again at each item naming it
    quoted = _layer(tmp_path, text.replace("number = 1\n", 'number = "1"\n', 1), "quoted.toml")
    errors = _said(run("data", "check", str(quoted)).stderr, "error")
    assert [e.split(": ", 3)[-1] for e in errors] == [
        "shows[moonlit-hallway].seasons[0].number: expected an integer, got a string; write it"
        " without quotes: number = 1"
    ]


def test_a_hangul_person_id_is_told_its_id_by_syllable_and_not_handed_back(
    run: Run, tmp_path: Path
) -> None:
    """walk35 #8: a person given the id '윤다온' and credited by it was told "the id of Yoon
    Da-on (윤다온) is 윤다온", the value refused, and offered 'yundaon' where people's ids go
    syllable by syllable (as Hangul slugs go word by word)."""
    text = MINI.read_text(encoding="utf-8").replace('"oh-taeyang"', '"오태양"')
    layer = _layer(tmp_path, text)
    checked = run("data", "check", str(layer))
    assert checked.exit_code == 1
    errors = [e.split(": ", 3)[-1] for e in _said(checked.stderr, "error")]
    assert "the id of" not in checked.stderr
    assert errors[0].endswith(
        "id: ids are ASCII (lowercase letters, digits and hyphens, like 'park-ji-hu'), got"
        " '오태양'; as an id: 'o-tae-yang'"
    ), errors
    assert (
        "shows[moonlit-hallway].directors: its 1st item: '오태양' is not an id, and neither is"
        " Oh Tae-yang (오태양)'s own, which it repeats: write both as 'o-tae-yang'"
    ) in errors


def test_the_drops_line_to_paste_leaves_out_an_item_that_names_nothing(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The drops line keeps what the entry's drops names already, but not an item the other
    warning says to remove (it names nothing the override drops)."""
    layer = _layer(
        tmp_path,
        '[[citations]]\nid = "kingdom-collider-trailer"\noverride = true\n'
        'drops = ["field:nope"]\n'
        'url = "https://collider.com/kingdom-netflix-series-trailer/"\n'
        'title = "New Kingdom Trailer"\npublisher = "Collider"\ndate = 2019-01-02\n',
    )
    warnings = _said(run_shipped("data", "check", str(layer)).stderr)
    assert len(warnings) == 2, warnings
    assert "'field:nope' names nothing this override drops" in warnings[0]
    assert warnings[1].endswith('in drops: drops = ["field:url_note"]'), warnings[1]


def test_a_drops_line_of_many_items_is_whole_and_pasted_passes(
    run_shipped: Run, tmp_path: Path
) -> None:
    """The drops line stopped at eight items ("… and 27 more"), which is no TOML to paste and,
    cut to its list, still left the rest warned about: every item is given, and pasted, the
    override passes --strict."""
    from tests.conftest import SHIPPED

    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    start = lines.index('slug = "kingdom"') - 1
    end = next(n for n in range(start + 1, len(lines)) if lines[n] == "[[shows]]")
    block, kept, skipping, credits = lines[start:end], [], False, 0
    for line in block:
        if line.startswith("[["):
            credits += line == "[[shows.cast]]"
            skipping = line == "[[shows.cast]]" and credits > 1  # every credit but the first
        if not skipping:
            kept.append(line)
    kept.insert(2, "override = true")
    override = "\n".join(kept) + "\n"
    warning = next(
        line
        for line in _said(run_shipped("data", "check", str(_layer(tmp_path, override))).stderr)
        if "drops" in line and "cast credit" in line
    )
    pasted = warning.split(" in drops: ", 1)[1]
    assert " more" not in pasted and pasted.count('"cast:') > 8, pasted
    fixed = override.replace("override = true\n", f"override = true\n{pasted}\n", 1)
    checked = run_shipped("data", "check", "--strict", str(_layer(tmp_path, fixed, "pasted.toml")))
    assert (_said(checked.stderr), checked.exit_code) == ([], 0), checked.stderr
