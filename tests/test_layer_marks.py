"""An entry's page names the layers that made or changed it (README.md, "How datasets are
merged"): a title or person a layer added, replaced (``override = true``) or extended
(``extend = true``, or figures of a layer's own ``[[stats]]``), so that a fact of the user's own
file is not taken for the base dataset's. An entry only the base gives says nothing. A person's
page marks each credit a layer gave them, in a title it extended, added or replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import LayerMark
from tests.conftest import MINI, Run, as_json

#: A new title, over the made-up dataset (tests/fixtures/mini.toml), citing its press page.
NEW_TITLE = """
[[shows]]
slug = "paper-moon-cafe"
title = "Paper Moon Cafe"
korean_title = "종이달 카페"
kind = "series"
platform = "Examplenet"
genres = ["romance"]
synopsis = "A made-up cafe that opens only when the moon is out."
sources = ["test-press"]

[[shows.seasons]]
number = 1
status = "released"
release_date = 2023-05-01
episodes = 8
sources = ["test-press"]
"""

#: Night Train corrected whole: a new synopsis, kind and platform, no cast.
OVERRIDE = """
[[shows]]
slug = "night-train"
override = true
title = "Night Train"
kind = "film"
platform = "Examplenet"
genres = ["thriller"]
synopsis = "A corrected synopsis from my own file."
sources = ["test-press"]
release_date = 2021-01-01
"""

#: An alias for Night Train and for Kang Bo-ra, added to the entries below.
EXTENSION = """
[[shows]]
slug = "night-train"
extend = true
aliases = ["Yagan Yeolcha"]

[[people]]
id = "kang-bora"
extend = true
aliases = ["Bora Kang"]
"""

#: A figure of Moonlit Hallway given by a layer's own [[stats]] table.
FIGURE = """
[[stats]]
show = "moonlit-hallway"
metric = "countries-in-top10"
value = 40
unit = "countries"
window = "first-28-days"
season = 1
as_of = 2022-03-01
sources = ["test-chart"]
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_load_marks_what_each_layer_did_and_nothing_of_the_base(tmp_path: Path) -> None:
    new = _write(tmp_path, "new.toml", NEW_TITLE)
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    more = _write(tmp_path, "more.toml", EXTENSION)
    figure = _write(tmp_path, "figure.toml", FIGURE)
    dataset = load_dataset([MINI, new, fix, more, figure])
    assert dataset.layers_of("shows", "paper-moon-cafe") == (LayerMark("added", new),)
    assert dataset.layers_of("shows", "night-train") == (
        LayerMark("replaced", fix),
        LayerMark("extended", more),
    )
    assert dataset.layers_of("people", "kang-bora") == (LayerMark("extended", more),)
    assert dataset.layers_of("shows", "moonlit-hallway") == (LayerMark("extended", figure),)
    # the base's own entries, and the base alone, have none
    assert dataset.layers_of("shows", "river-of-lanterns") == ()
    assert dataset.layers_of("people", "han-ji-won") == ()
    assert load_dataset([MINI]).layer_marks == {}


def test_an_override_drops_what_it_replaced_and_a_repeat_changes_nothing(tmp_path: Path) -> None:
    """A title a layer added and another replaced names both; an extension the override came
    after is gone with what it added; an entry a layer repeats exactly is the base's still."""
    new = _write(tmp_path, "new.toml", NEW_TITLE)
    redone = NEW_TITLE.replace("made-up cafe", "made-up cafe, told again,")
    more = _write(tmp_path, "more.toml", redone.replace("kind =", "override = true\nkind ="))
    early = _write(tmp_path, "early.toml", EXTENSION.split("[[people]]")[0])
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    repeat = _write(tmp_path, "repeat.toml", MINI.read_text(encoding="utf-8").split("[[shows]]")[0])
    dataset = load_dataset([MINI, new, more, early, fix, repeat])
    assert dataset.layers_of("shows", "paper-moon-cafe") == (
        LayerMark("added", new),
        LayerMark("replaced", more),
    )
    assert dataset.layers_of("shows", "night-train") == (LayerMark("replaced", fix),)
    assert dataset.layers_of("people", "han-ji-won") == ()


def test_the_index_keeps_the_marks_and_a_base_alone_stores_none(tmp_path: Path) -> None:
    """A run answered from the index names the same layers as the run that parsed the files;
    an index of the base alone has no row of them, and its pages ask for none."""
    from kdrama_cli.store.files import cache_dir
    from kdrama_cli.store.index import load, run_pending

    folder = cache_dir()
    assert folder is not None
    fix = _write(tmp_path, "fix.toml", OVERRIDE)
    more = _write(tmp_path, "more.toml", EXTENSION)
    for paths in ([str(MINI), fix, more], [str(MINI)]):
        parsed = load(paths, folder)
        run_pending()  # the index is written (in the foreground: KDRAMA_SYNC_INDEX)
        opened = load(paths, folder)
        assert parsed.index_id is None and opened.index_id is not None
        for table, key in (("shows", "night-train"), ("people", "kang-bora")):
            assert opened.layers_of(table, key) == parsed.layers_of(table, key)
        assert (opened.layer_table is None) == (paths == [str(MINI)])
        marks = (LayerMark("replaced", fix), LayerMark("extended", more)) if paths[1:] else ()
        assert opened.layers_of("shows", "night-train") == marks


def test_marks_read_back_from_the_index_are_checked() -> None:
    """What the index row holds comes back as written; a how the pages have no words for is
    damage (store.index raises IndexDamaged, and the run answers from the files)."""
    import marshal

    from kdrama_cli.store.codec import dump_layer_marks, load_layer_marks

    marks = {"shows": {"night-train": (LayerMark("replaced", "fix.toml"),)}}
    items = {"night-train": {"cast": ((1, "more.toml"),), "directors": ((0, "more.toml"),)}}
    roots = {"fix.toml": 1, "more.toml": 2}
    assert load_layer_marks(dump_layer_marks(marks)) == (marks, {}, {})
    assert load_layer_marks(dump_layer_marks(marks, items)) == (marks, items, {})
    assert load_layer_marks(dump_layer_marks(marks, items, roots)) == (marks, items, roots)
    with pytest.raises(ValueError, match="not a layer mark"):
        load_layer_marks(marshal.dumps(({"shows": {"night-train": (("rewritten", "x"),)}}, {}, {})))
    # a credit in a list no credit is in, or at no position, is damage too
    with pytest.raises(ValueError, match="not a list of credits"):
        load_layer_marks(marshal.dumps(({}, {"night-train": {"genres": ((0, "x"),)}}, {})))
    with pytest.raises(ValueError, match="not a credit a layer added"):
        load_layer_marks(marshal.dumps(({}, {"night-train": {"cast": (("0", "x"),)}}, {})))
    # and so is a layer said to come in through the base, or through no path
    with pytest.raises(ValueError, match="not a layer's place in the load"):
        load_layer_marks(marshal.dumps(({}, {}, {"fix.toml": 0})))
    with pytest.raises(TypeError):  # the index of a format before the items: rebuilt
        load_layer_marks(marshal.dumps({"shows": {}}))
    with pytest.raises(TypeError):  # nor the roots
        load_layer_marks(marshal.dumps(({}, {})))


@pytest.fixture
def layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The layers above written in the folder the runs start in, each named as typed: the
    pages name a layer as the command line gave it."""
    monkeypatch.chdir(tmp_path)
    texts = {"new.toml": NEW_TITLE, "fix.toml": OVERRIDE, "more.toml": EXTENSION}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name.removesuffix(".toml"): name for name in texts}


def _card(page: str) -> list[str]:
    """The lines of a show page's card, without its border."""
    card = page.split("╰")[0]
    return [line.strip("│ ") for line in card.splitlines()[1:]]


def test_a_title_a_layer_added_names_the_layer(run: Run, layers: dict[str, str]) -> None:
    result = run("--add-data", layers["new"], "show", "paper-moon-cafe")
    assert result.exit_code == 0, result.output
    assert _card(result.stdout)[:4] == [
        "Paper Moon Cafe  종이달 카페",
        "2023 · series · Examplenet",
        "romance",
        "Layer: added by new.toml",
    ]


def test_an_override_names_the_layer_that_replaced_the_title(
    run: Run, layers: dict[str, str]
) -> None:
    result = run("--add-data", layers["fix"], "show", "night-train")
    assert result.exit_code == 0, result.output
    card = _card(result.stdout)
    assert "Layer: replaced by fix.toml" in card
    assert "A corrected synopsis from my own file. [1]" in card


def test_an_extension_is_named_after_the_override_it_adds_to(
    run: Run, layers: dict[str, str]
) -> None:
    result = run("--add-data", layers["fix"], "--add-data", layers["more"], "show", "night train")
    assert result.exit_code == 0, result.output
    card = _card(result.stdout)
    assert card[3:5] == [
        "also known as: Yagan Yeolcha",
        "Layers: replaced by fix.toml; extended by more.toml",
    ]


def test_a_person_a_layer_extended_names_the_layer(run: Run, layers: dict[str, str]) -> None:
    page = run("--add-data", layers["more"], "person", "kang-bora").stdout
    assert page.splitlines()[:3] == [
        "Kang Bo-ra  강보라",
        "also known as: Bora Kang",
        "Layer: extended by more.toml",
    ]
    document = as_json(run("--add-data", layers["more"], "person", "kang-bora", "--json"))
    assert document["layers"] == [{"how": "extended", "file": "more.toml", "personal": False}]
    # a person the layer leaves alone
    assert "Layer" not in run("--add-data", layers["more"], "person", "han-ji-won").stdout


def test_a_page_no_layer_changed_is_the_page_without_layers(
    run: Run, run_shipped: Run, layers: dict[str, str]
) -> None:
    """What a layer leaves alone prints byte for byte as without it; the shipped catalogue
    alone has no line of layers, and its --json an empty list."""
    plain = run("show", "night-train")
    layered = run("--add-data", layers["new"], "show", "night-train")
    assert plain.exit_code == layered.exit_code == 0
    assert layered.stdout == plain.stdout
    shipped = run_shipped("show", "squid-game")
    assert shipped.exit_code == 0 and "Layer" not in shipped.stdout
    assert _card(shipped.stdout)[3].startswith("also known as:")
    assert _card(shipped.stdout)[4] == ""
    assert as_json(run_shipped("show", "squid-game", "--json"))["layers"] == []


def test_json_names_each_layer_and_how_also_from_the_index(
    run: Run, layers: dict[str, str], tmp_path: Path
) -> None:
    """`layers` in show --json (docs/output.md), the same when the answer is read from the
    index built by the run before."""
    import kdrama_cli.store.index

    options = ("--add-data", layers["fix"], "--add-data", layers["more"])
    expected = [
        {"how": "replaced", "file": "fix.toml", "personal": False},
        {"how": "extended", "file": "more.toml", "personal": False},
    ]
    assert as_json(run(*options, "show", "night-train", "--json"))["layers"] == expected
    kdrama_cli.store.index.run_pending()  # what the CLI's exit does once the answer is out
    assert list((tmp_path / "cache" / "kdrama").glob("index-*.sqlite"))
    assert as_json(run(*options, "show", "yagan yeolcha", "--json"))["layers"] == expected
    added = as_json(run("--add-data", layers["new"], "show", "paper-moon-cafe", "--json"))
    assert added["layers"] == [{"how": "added", "file": "new.toml", "personal": False}]
    assert as_json(run("show", "night-train", "--json"))["layers"] == []


def test_an_include_and_the_personal_dataset_are_named_as_the_load_names_them(
    run: Run, layers: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file a layer includes is named joined to the folder of the file that includes it
    (docs/output.md, `layers[].file`), the personal dataset by its path; each the same when
    the answer is read from the index the run before built."""
    import kdrama_cli.store.index

    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "alias.toml").write_text(EXTENSION, encoding="utf-8")
    (tmp_path / "pack.toml").write_text('[meta]\ninclude = ["parts/alias.toml"]\n', "utf-8")
    personal = tmp_path / "config" / "kdrama" / "shows.toml"
    personal.parent.mkdir(parents=True)
    personal.write_text(NEW_TITLE, encoding="utf-8")
    import kdrama_cli.catalogue.loader

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the files were parsed although the index is fresh")

    for parsed in (True, False):  # parsed, then from the index
        if not parsed:
            monkeypatch.setattr(kdrama_cli.catalogue.loader, "load_dataset", no_parsing)
        night = as_json(run("--add-data", "pack.toml", "show", "night-train", "--json"))
        assert night["layers"] == [
            {"how": "extended", "file": "parts/alias.toml", "personal": False}
        ]
        cafe = as_json(run("--add-data", "pack.toml", "show", "paper-moon-cafe", "--json"))
        assert cafe["layers"] == [{"how": "added", "file": str(personal), "personal": True}]
        kdrama_cli.store.index.run_pending()
    assert list((tmp_path / "cache" / "kdrama").glob("index-*.sqlite"))


# --- the credits a layer gives a person --------------------------------------------------

#: Kang Bo-ra cast in Night Train and made one of its directors, by an extension of the title,
#: each credit resting on the press page the extension cites.
CREDITS = """
[[shows]]
slug = "night-train"
extend = true
directors = ["kang-bora"]
sources = ["test-press"]

[[shows.cast]]
person = "kang-bora"
character = "Stowaway"
role = "supporting"
sources = ["test-press"]
"""

#: A new title that casts Kang Bo-ra, of the base dataset, and names her its writer.
CAFE = (
    NEW_TITLE.replace(
        'sources = ["test-press"]\n',
        'sources = ["test-press"]\ncast_sources = ["test-press"]\nwriters = ["kang-bora"]\n',
        1,
    )
    + """
[[shows.cast]]
person = "kang-bora"
character = "Barista Moon"
role = "main"
"""
)

#: The webtoon Moonlit Hallway adapts, corrected whole: Yoon Ga-eul's credit rests on it.
WORK = """
[[source_works]]
id = "the-lantern-room"
override = true
title = "The Lantern Room"
kind = "webtoon"
writers = ["yoon-gaeul"]
artists = ["yoon-gaeul"]
start_year = 2010
end_year = 2013
sources = ["test-webtoon"]
"""


@pytest.fixture
def credit_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The layers above in the folder the runs start in, named as typed."""
    monkeypatch.chdir(tmp_path)
    texts = {
        "credits.toml": CREDITS,
        "cafe.toml": CAFE,
        "work.toml": WORK,
        "fix.toml": OVERRIDE.replace(
            "release_date = 2021-01-01\n",
            "release_date = 2021-01-01\n"
            'cast_sources = ["test-press"]\n\n[[shows.cast]]\nperson = "seo-minho"\n'
            'character = "Conductor"\nrole = "main"\n',
        ),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name.removesuffix(".toml"): name for name in texts}


def _table(page: str) -> list[str]:
    """The lines of a person page from its credits' heading to the line under the table."""
    lines = page.splitlines()
    start = lines.index("Credits in this catalogue")
    end = next(i for i, line in enumerate(lines) if line.startswith("Only the titles"))
    return [line.rstrip() for line in lines[start + 3 : end]]


def test_credits_a_layer_gave_are_marked_and_named_under_the_table(
    run: Run, credit_layers: dict[str, str]
) -> None:
    """A credit an extension added to a base title, and those of a title a layer added, are
    marked in the As column (a part, a capacity), and the line under the table names each
    layer with what it did to the title; the base's credits beside them are not marked."""
    options = ("--add-data", credit_layers["credits"], "--add-data", credit_layers["cafe"])
    result = run(*options, "person", "kang-bora")
    assert result.exit_code == 0, result.output
    assert _table(result.stdout) == [
        # the extension's credits cite its press page [1] alone, not Night Train's own
        # pages (the chart, [2]), which do not name her
        "2016   Night Train         Stowaway *        supporting   —         [1]",
        "       밤기차              also director *",
        "       night-train",
        "2021   River of Lanterns   Captain Yun       main         1         [2]",
        "       등불의 강",
        "       river-of-lanterns",
        "2022   Moonlit Hallway     Teacher Lim       supporting   1         [1]",
        "       달빛 복도           also writer",
        "       moonlit-hallway",
        "2023   Paper Moon Cafe     Barista Moon *    main         1         [1]",
        "       종이달 카페         also writer *",
        "       paper-moon-cafe",
        "* From layers: Night Train extended by credits.toml; Paper Moon Cafe added by cafe.toml",
    ]
    # her own entry is the base's: no "Layer:" line under her name
    assert result.stdout.splitlines()[:2] == ["Kang Bo-ra  강보라", "Credits in this catalogue"]


def _credit_layers(document: dict[str, object]) -> list[tuple[str, str, object]]:
    credits = document["credits"]
    assert isinstance(credits, list)
    return [(c["slug"], c["capacity"], c["layer"]) for c in credits]


def test_json_gives_each_credit_its_layer_also_from_the_index(
    run: Run, credit_layers: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`credits[].layer` (docs/output.md): the layer and how for a credit a layer gave, null
    for the base's; the same read from the index the run before built, without parsing."""
    import kdrama_cli.catalogue.loader
    import kdrama_cli.store.index

    options = ("--add-data", credit_layers["credits"], "--add-data", credit_layers["cafe"])
    extended = {"how": "extended", "file": "credits.toml", "personal": False}
    added = {"how": "added", "file": "cafe.toml", "personal": False}
    expected = [
        ("night-train", "actor", extended),
        ("night-train", "director", extended),
        ("river-of-lanterns", "actor", None),
        ("moonlit-hallway", "actor", None),
        ("moonlit-hallway", "writer", None),
        ("paper-moon-cafe", "actor", added),
        ("paper-moon-cafe", "writer", added),
    ]

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the files were parsed although the index is fresh")

    for parsed in (True, False):
        if not parsed:
            monkeypatch.setattr(kdrama_cli.catalogue.loader, "load_dataset", no_parsing)
        document = as_json(run(*options, "person", "kang-bora", "--json"))
        assert _credit_layers(document) == expected
        assert document["layers"] == []  # her entry is the base's
        # the others of Night Train are the base's still
        minho = as_json(run(*options, "person", "seo-minho", "--json"))
        assert [layer for _, _, layer in _credit_layers(minho) if layer is not None] == []
        kdrama_cli.store.index.run_pending()
    assert list((tmp_path / "cache" / "kdrama").glob("index-*.sqlite"))


def test_an_override_and_a_source_work_a_layer_gave_mark_their_credits(
    run: Run, credit_layers: dict[str, str]
) -> None:
    """Every credit of a title a layer replaced is that layer's ("replaced"); a source work's
    maker's credit is the layer's that gave the work, and the line names the work."""
    fixed = as_json(run("--add-data", credit_layers["fix"], "person", "seo-minho", "--json"))
    replaced = {"how": "replaced", "file": "fix.toml", "personal": False}
    assert _credit_layers(fixed) == [
        ("night-train", "actor", replaced),
        ("moonlit-hallway", "actor", None),
    ]
    options = ("--add-data", credit_layers["work"], "person", "yoon-gaeul")
    work = {"how": "replaced", "file": "work.toml", "personal": False}
    capacity = "original webtoon writer and artist"
    assert _credit_layers(as_json(run(*options, "--json"))) == [("moonlit-hallway", capacity, work)]
    line = "* From a layer: The Lantern Room replaced by work.toml"
    assert _table(run(*options).stdout)[-1] == line


def test_a_page_no_layer_gave_a_credit_is_as_without_layers(
    run: Run, run_shipped: Run, credit_layers: dict[str, str]
) -> None:
    """A person a layer gave no credit prints byte for byte as without it, with null layers
    in --json; so does a shipped person's page over a layer that credits someone else, and
    the shipped catalogue alone marks nothing."""
    plain = run("person", "han-ji-won")
    layered = run("--add-data", credit_layers["credits"], "person", "han-ji-won")
    assert plain.exit_code == layered.exit_code == 0
    assert layered.stdout == plain.stdout
    from tests.conftest import FIXTURES

    shipped = run_shipped("person", "lee-jung-jae")
    assert shipped.exit_code == 0
    assert "From a layer" not in shipped.stdout and " *" not in shipped.stdout
    other = run_shipped("--add-data", str(FIXTURES / "layer.toml"), "person", "lee-jung-jae")
    assert other.stdout == shipped.stdout
    document = as_json(run_shipped("person", "lee-jung-jae", "--json"))
    assert [credit for credit in document["credits"] if credit["layer"] is not None] == []
    # the fixture layer credits Lee Byung-hun in All of Us Are Dead: his page marks it
    byung_hun = run_shipped("--add-data", str(FIXTURES / "layer.toml"), "person", "lee-byung-hun")
    assert "Layered cameo *" in byung_hun.stdout
