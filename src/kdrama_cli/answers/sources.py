"""What a credit rests on: the one rule every page, `--json` and `--csv` cite a credit by.

A cast credit rests on its title's cast lists, then its own sources (data/README.md: a
credit's sources are "extra sources beyond the show's cast_sources"); answers.show_page.CastEntry
and answers.person_page.PersonCredit give it as ``sources``, and their answers the citations.
"""

from __future__ import annotations

from kdrama_cli.catalogue.models import Credit, Show


def credit_sources(show: Show, credit: Credit) -> tuple[str, ...]:
    """The citation ids of a cast credit: the title's cast list sources, then the credit's
    own, each once."""
    return tuple(dict.fromkeys((*show.cast_sources, *credit.sources)))
