"""Consistency of the shipped dataset, checked directly on its contents (not through the validator).

Each test names one way a fact-lookup dataset goes wrong; it fails on the first title or person
that goes wrong that way, naming it.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kdrama_cli.catalogue.loader import load_dataset
from kdrama_cli.catalogue.models import Dataset, Show, parse_window
from tests.conftest import SHIPPED, Run, flat

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset([SHIPPED])


def _shows(dataset: Dataset) -> list[Show]:
    return sorted(dataset.shows.values(), key=lambda s: s.slug)


def _curated(dataset: Dataset) -> list[Show]:
    """The researched entries: those holding more than Netflix's record (netflix_only titles
    state only what Netflix's files say, and are checked by test_netflix_catalogue.py)."""
    return [s for s in _shows(dataset) if not s.netflix_only]


def test_every_credit_points_at_a_person_and_a_real_season(dataset: Dataset) -> None:
    for show in _shows(dataset):
        numbers = {s.number for s in show.seasons}
        for credit in show.cast:
            assert credit.person in dataset.people, (show.slug, credit.person)
            assert set(credit.seasons) <= numbers, (show.slug, credit.person, credit.seasons)


def test_every_show_cast_list_stat_and_fact_is_cited(dataset: Dataset) -> None:
    for show in _shows(dataset):
        assert show.sources, show.slug
        if show.cast:
            assert show.cast_sources, show.slug
        for season in show.seasons:
            assert season.sources, (show.slug, season.number)
        for stat in show.stats:
            assert stat.sources, (show.slug, stat)
        for fact in show.facts:
            assert fact.sources, (show.slug, fact.text)
        cited = [*show.sources, *show.cast_sources]
        cited += [i for s in show.seasons for i in s.sources]
        cited += [i for s in show.stats for i in s.sources]
        cited += [i for f in show.facts for i in f.sources]
        assert all(i in dataset.citations for i in cited), show.slug


def test_every_citation_has_a_url_title_and_publisher(dataset: Dataset) -> None:
    for citation in dataset.citations.values():
        assert re.match(r"^https?://\S+$", citation.url), citation.id
        assert citation.title.strip() and citation.publisher.strip(), citation.id


def test_no_two_people_share_a_name_without_a_note(dataset: Dataset) -> None:
    names = Counter(p.name.casefold() for p in dataset.people.values())
    for person in dataset.people.values():
        if names[person.name.casefold()] > 1:
            assert person.note, person.id


def test_no_person_is_entered_twice_under_two_spellings(dataset: Dataset) -> None:
    """Romanisation variants belong in aliases of one entry, not in a second entry."""
    seen: dict[str, str] = {}
    for person in sorted(dataset.people.values(), key=lambda p: p.id):
        if person.note:
            continue  # a documented namesake
        for name in (person.name, *person.aliases):
            key = re.sub(r"[^a-z]", "", name.casefold())
            if not key:  # a Hangul alias ("민도희") folds to nothing in Latin letters
                continue
            assert seen.setdefault(key, person.id) == person.id, (name, person.id, seen[key])


def test_notes_read_as_sentences(dataset: Dataset) -> None:
    """A note under a character or a person prints as a line of its own ("Taek's father.",
    "Player 456."): it starts with a capital (or a digit, or Hangul) and ends as a sentence
    does, so that a page never shows one note cut short beside another that is whole."""
    ends = (".", "!", "?", ")", "”", "'")
    for show in _shows(dataset):
        for credit in show.cast:
            if credit.note:
                note = credit.note.strip()
                assert not note[0].islower() and note.endswith(ends), (show.slug, credit.person)
    for person in dataset.people.values():
        if person.note:
            note = person.note.strip()
            assert not note[0].islower() and note.endswith(ends), person.id


def test_korean_fields_contain_hangul(dataset: Dataset) -> None:
    for show in _shows(dataset):
        if show.korean_title:
            assert HANGUL.search(show.korean_title), show.slug
        for credit in show.cast:
            if credit.character_hangul:
                assert HANGUL.search(credit.character_hangul), (show.slug, credit.character)
    for person in dataset.people.values():
        if person.hangul:
            assert HANGUL.search(person.hangul), person.id
    for work in dataset.source_works.values():
        if work.korean_title:
            assert HANGUL.search(work.korean_title), work.id


def test_dates_are_in_order(dataset: Dataset) -> None:
    for show in _shows(dataset):
        released = [s for s in show.seasons if s.release_date]
        for earlier, later in zip(released, released[1:], strict=False):
            assert earlier.release_date <= later.release_date, (show.slug, later.number)  # type: ignore[operator]
        for season in released:
            if season.end_date:
                assert season.release_date <= season.end_date, (show.slug, season.number)  # type: ignore[operator]
    for work in dataset.source_works.values():
        if work.start_year and work.end_year:
            assert work.start_year <= work.end_year, work.id


def test_counts_and_figures_are_positive_and_have_a_window(dataset: Dataset) -> None:
    for show in _shows(dataset):
        for season in show.seasons:
            if season.episodes is not None:
                assert season.episodes > 0, (show.slug, season.number)
        for stat in show.stats:
            assert stat.value > 0, (show.slug, stat)
            assert parse_window(stat.window), (show.slug, stat.window)
            assert stat.unit and stat.as_of, (show.slug, stat)


def test_unreleased_seasons_carry_an_as_of_date(dataset: Dataset) -> None:
    for show in _shows(dataset):
        for season in show.seasons:
            if not season.is_out:
                assert season.as_of, (show.slug, season.number)
                assert season.release_date is None or season.status == "announced"


def test_catalogue_breadth(dataset: Dataset) -> None:
    kinds = Counter(show.kind for show in dataset.shows.values())
    assert len(dataset.shows) >= 40
    assert kinds["series"] >= 30
    assert kinds["film"] >= 1 and kinds["reality"] >= 1
    adapted = [s for s in dataset.shows.values() if s.source_work]
    assert len(adapted) >= 15
    for show in _curated(dataset):
        if show.kind == "series":
            assert show.seasons and show.synopsis and show.facts, show.slug
            assert show.directors or show.creators or show.crew_unknown, show.slug


def test_a_person_in_several_titles_is_one_entry(dataset: Dataset) -> None:
    titles: dict[str, set[str]] = {}
    for show in _shows(dataset):
        for credit in show.cast:
            titles.setdefault(credit.person, set()).add(show.slug)
    assert {"squid-game", "all-of-us-are-dead"} <= titles["lee-yoo-mi"]
    assert sum(1 for shows in titles.values() if len(shows) >= 2) >= 10


def _page_sample() -> list[str]:
    """Every researched title, and every 25th entry holding only Netflix's record (1,400 more
    pages would add minutes and no new way of going wrong)."""
    shows = _shows(load_dataset([SHIPPED]))
    record_only = [s.slug for s in shows if s.netflix_only]
    return [s.slug for s in shows if not s.netflix_only] + record_only[::25]


@pytest.mark.parametrize("slug", _page_sample())
def test_every_title_page_shows_its_sources(run_shipped: Run, dataset: Dataset, slug: str) -> None:
    result = run_shipped("show", slug)
    assert result.exit_code == 0
    page = flat(result.output)
    assert "Sources [1]" in page
    show = dataset.shows[slug]
    assert flat(show.title) in page  # folded alike: Netflix writes "The  Shop next to the best"
    first = dataset.citations[show.sources[0]]
    assert first.url in result.output.replace("│", "").replace("\n", "") or first.publisher in page
