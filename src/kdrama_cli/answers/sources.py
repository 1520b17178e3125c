"""What a credit rests on: the one rule every page, `--json` and `--csv` cite a credit by.

A cast credit rests on its title's cast lists, then its own sources (data/README.md: a
credit's sources are "extra sources beyond the show's cast_sources"); a crew credit on the
title's sources, which name its makers. A credit a layer's extension (``extend = true``)
added to a title rests on what that layer cites for it alone: the credit's own sources and
the cast_sources (a crew credit: the sources) the same extension added, never the extended
entry's pages, which do not name it; nothing when the layer cites none (layer_cited).
answers.show_page.CastEntry, answers.person_page.PersonCredit, a path hop's Role, compare's
SharedPerson and the quiz's credit questions all cite a credit by this module.
"""

from __future__ import annotations

from kdrama_cli.catalogue.models import CREDIT_LISTS, Credit, Dataset, LayerMark, Show


def layer_cited(
    dataset: Dataset,
    show: Show,
    layer: LayerMark | None,
    field_name: str,
    own: tuple[str, ...] = (),
) -> tuple[str, ...] | None:
    """What a credit a layer's extension added rests on: its ``own`` sources, then the
    citations of ``field_name`` ("cast_sources" for a role, "sources" for a crew credit) the
    extension added (Dataset.layer_cited); () when the layer cites none. None for a credit no
    extension added (``layer`` None, or a title a layer gave whole), which rests on its
    title's."""
    if layer is None or layer.how != "extended":
        return None
    return tuple(dict.fromkeys((*own, *dataset.layer_cited(show, field_name, layer.file))))


def cast_layer(dataset: Dataset, show: Show, credit: Credit) -> LayerMark | None:
    """The layer that gave a cast credit of ``show`` (Dataset.credit_layer), by its place in
    the title's cast (the credit itself, else the first equal to it)."""
    if not dataset.layers_of("shows", show.slug):
        return None  # a title as the base gives it, which no layer changed
    position = next((n for n, c in enumerate(show.cast) if c is credit), None)
    if position is None:
        position = next((n for n, c in enumerate(show.cast) if c == credit), -1)
    return dataset.credit_layer(show, "actor", position)


def crew_layer(dataset: Dataset, show: Show, capacity: str, person_id: str) -> LayerMark | None:
    """The layer that gave a crew credit (Dataset.credit_layer), by the person's place in the
    title's list of that crew."""
    listed: tuple[str, ...] = getattr(show, CREDIT_LISTS[capacity])
    return dataset.credit_layer(show, capacity, listed.index(person_id))


def rests_on(show: Show, credit: Credit, cited: tuple[str, ...] | None) -> tuple[str, ...]:
    """The citation ids of a cast credit whose layer's citations (layer_cited) are known:
    those, for a credit an extension added; else the title's cast list sources, then the
    credit's own, each once."""
    if cited is not None:
        return cited
    return tuple(dict.fromkeys((*show.cast_sources, *credit.sources)))


def credit_sources(dataset: Dataset, show: Show, credit: Credit) -> tuple[str, ...]:
    """The citation ids of a cast credit of ``show`` (the module's rule)."""
    layer = cast_layer(dataset, show, credit)
    return rests_on(show, credit, layer_cited(dataset, show, layer, "cast_sources", credit.sources))


def crew_sources(dataset: Dataset, show: Show, capacity: str, person_id: str) -> tuple[str, ...]:
    """The citation ids of ``person_id``'s crew credit ``capacity`` in ``show``: the title's
    sources, or, for one a layer's extension added, the sources that extension added."""
    layer = crew_layer(dataset, show, capacity, person_id)
    cited = layer_cited(dataset, show, layer, "sources")
    return tuple(show.sources) if cited is None else cited


#: The crew lists of a title, by capacity, in the pages' order.
CREW_LISTS = (("creator", "creators"), ("director", "directors"), ("writer", "writers"))


def layered_crew(
    dataset: Dataset, show: Show
) -> tuple[tuple[str, str, LayerMark, tuple[str, ...]], ...]:
    """The crew credits of ``show`` a layer's extension added, each as (capacity, person id,
    the layer, what it cites for it: layer_cited), in CREW_LISTS order: the show page
    (ShowDetail.crew_layered) and compare's Directors and Writers rows mark them."""
    if not any(mark.how == "extended" for mark in dataset.layers_of("shows", show.slug)):
        return ()  # no extension: the title's own crew (and no layer read for the base's)
    found = []
    for capacity, listed in CREW_LISTS:
        for person in getattr(show, listed):
            layer = crew_layer(dataset, show, capacity, person)
            cited = layer_cited(dataset, show, layer, "sources")
            if layer is not None and cited is not None:
                found.append((capacity, person, layer, cited))
    return tuple(found)
