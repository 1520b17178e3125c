"""Games: trivia and quiz."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from kdrama_cli.app import App, pass_app, today
from kdrama_cli.completion import complete_show
from kdrama_cli.errors import EXIT_INTERRUPTED
from kdrama_cli.failures import PlainUsageError
from kdrama_cli.options import DataCommand, OnceCommand, json_instead, optional_query_text
from kdrama_cli.output import say
from kdrama_cli.prompt import answer_line

if TYPE_CHECKING:
    import datetime as dt
    import random
    from collections.abc import Sequence

    from kdrama_cli.answers.finding import Match
    from kdrama_cli.answers.quiz import Question, TriviaFact
    from kdrama_cli.catalogue.models import Show


def _rng(seed: int | None) -> random.Random:
    import random

    return random.Random(seed) if seed is not None else random.Random()


seed_option = click.option(
    "--seed", type=int, metavar="N", help="Make the random choice reproducible."
)
show_filter = click.option(
    "--show",
    "show_query",
    metavar="SHOW",
    callback=optional_query_text,
    shell_complete=complete_show,
    help="Only this title.",
)


@click.command(
    cls=DataCommand,
    epilog="""\b
Examples:
  kdrama trivia
  kdrama trivia --show kingdom
  kdrama trivia --show "squid game 2"    # a fact of season 2 or of the title
  kdrama trivia --seed 7 --json""",
)
@show_filter
@seed_option
@click.option(
    "--spoilers",
    is_flag=True,
    help=(
        "Also pick among facts flagged as spoilers (so the same --seed may pick another), and "
        "show the headlines and addresses of sources that give a result away."
    ),
)
@json_instead("the fact, the title it is about and its sources as JSON (UTF-8)")
@pass_app
def trivia(
    app: App, show_query: str | None, seed: int | None, spoilers: bool, as_json: bool
) -> None:
    """One fact from the catalogue, with its source.

    A season typed with the title (--show "squid game 2") picks among the facts about that
    season and those about the title as a whole, as `kdrama show` lists them for a season.
    """
    day = today()  # whether the season asked about is out
    if seed is not None and app.replay_page(also=day):  # a seeded pick: the same page that day
        return
    from kdrama_cli.answers.quiz import pick_fact

    match = app.find(show_query, "--show") if show_query else None  # a season it lacks: exit 2
    chosen = match.show if match else None
    season = match.season if match else None
    not_out = _season_not_out(chosen, season, day)
    fact = pick_fact(app.dataset(), _rng(seed), chosen, spoilers, season)
    if fact is None:  # an empty answer, as cast and similar give one: exit 0
        app.forget_page()  # its line on stderr is part of it: not replayed without it
        if as_json:
            app.emit_json(None)
        app.nothing(_no_fact(app, match, spoilers))
        return
    if as_json:
        from kdrama_cli.views.jsonview import trivia_json

        app.note_sources_hidden(fact.citations, spoilers, how=_page_shows(fact))
        if not_out:
            app.note(not_out)
        app.emit_json(trivia_json(fact, spoilers))
        return
    from kdrama_cli.views.discovery import trivia_view

    app.render(trivia_view(fact, spoilers, not_out))


def _season_not_out(show: Show | None, season: int | None, day: dt.date) -> str | None:
    """'Season 2 is not out yet (in production since 2025-07-23, as of 2026-02-22).': of a
    season asked about that is not out (`trivia --show "all of us are dead 2"`), as chart says
    it; the fact picked may be about the title, or the season's news, not what it holds."""
    if show is None or season is None:
        return None
    from kdrama_cli.answers.upcoming import stale_reason, watchable
    from kdrama_cli.views.boards import season_not_out

    asked = show.season(season)
    if asked is None or watchable(show, asked, day):
        return None
    said = season_not_out(asked, stale_reason(asked, day, show))
    return f"{said[:1].upper()}{said[1:]}."


def _page_shows(fact: TriviaFact) -> str:
    """How to see the headlines `trivia --json` withheld: the title's page with --spoilers, as
    the trivia page says. Adding --spoilers to trivia widens what it picks from, so the same
    seed gives another fact."""
    from kdrama_cli.answers.spoilers import hidden
    from kdrama_cli.views.text import spoilers_command

    withheld = {c.id for c in fact.citations if hidden(c, spoilers=False)}
    return f"{spoilers_command(fact.show.slug)} shows {'it' if len(withheld) == 1 else 'them'}"


def _no_fact(app: App, match: Match | None, spoilers: bool) -> str:
    """Why trivia has no fact to pick: the facts there are are spoilers (then --spoilers
    shows them), or there are none, in the words cast and similar use for the same title."""
    from kdrama_cli.answers.quiz import hidden_facts

    show = match.show if match else None
    season = match.season if match else None
    hidden = 0 if spoilers else hidden_facts(app.dataset(), show, season)
    what = "The catalogue" if show is None else show.title
    if season is not None:
        what += f" season {season}"
    if hidden:
        from kdrama_cli.views.spoiler_notes import facts_hidden

        return f"{what}: {facts_hidden(hidden)}"
    if show is not None and show.netflix_only:
        return f"{what}: no facts yet; the catalogue holds only Netflix's record."
    if season is not None and show is not None and show.facts:  # about other seasons only
        return f"{what}: no facts about it or the whole title; try --show {show.slug}."
    return f"{what}: no facts yet." if show is not None else "The catalogue holds no facts."


@click.command(
    cls=OnceCommand,
    epilog="""\b
Examples:
  kdrama quiz
  kdrama quiz --questions 5 --show squid-game
  kdrama quiz --daily                           # today's, the same for all
  printf '1\\n2\\n3\\n' | kdrama quiz --questions 3 --seed 1
  kdrama quiz --questions 3 --seed 1 --json     # questions, answers, no play

Answer each question with its number. End of input ends the quiz with the score so far
(exit 0); Ctrl-C too, with exit status 130 (interrupted). No kind of question takes more
than 30% of a quiz while others can be asked. When fewer questions can be made than asked for
(a title with little in the dataset), those are played and stderr says so; when none can, the
exit status is 2.""",
)
@click.option(
    "--questions",
    "-q",
    "count",
    type=click.IntRange(min=1),
    metavar="N",
    default=5,
    show_default=True,
    help="How many questions.",
)
@show_filter
@seed_option
@click.option(
    "--daily",
    is_flag=True,
    help="Today's quiz (local date): the same questions for everyone on the same day.",
)
@json_instead(
    "the questions, their options, answers, explanations and sources as JSON (UTF-8), "
    "without playing the quiz"
)
@pass_app
def quiz(
    app: App,
    count: int,
    show_query: str | None,
    seed: int | None,
    daily: bool,
    as_json: bool,
) -> None:
    """Multiple-choice questions made from the dataset; prints "Score: X/N" at the end.

    Answers are read from standard input; when it ends before the first answer, the quiz says
    "No questions answered." instead of a score.
    """
    if seed is not None and daily:
        raise click.UsageError("--seed and --daily cannot be used together (--daily sets the seed)")
    if as_json and seed is not None and app.replay_page():  # seeded questions never change
        return
    from kdrama_cli.answers.quiz import daily_seed, make_questions

    day = today() if daily else None
    if day is not None:
        seed = daily_seed(day)
    elif seed is None and not as_json:
        # a seed of its own, so that the line under an answer can name the command that
        # lists this quiz's every source ("--json lists them" drew another quiz)
        import random

        seed = random.SystemRandom().randrange(1, 1_000_000)
    chosen = app.whole_title("quiz", show_query, "--show").show if show_query else None
    questions = make_questions(app.dataset(), _rng(seed), count, chosen)
    if not questions:
        hint = " (try without --show)" if chosen else ""
        # a condition of the catalogue, not of the command line: one line, no Usage block
        raise PlainUsageError(f"the catalogue has too little to ask about{hint}")
    if len(questions) < count:
        about = f"about {chosen.title}" if chosen else "from the catalogue"
        doing = "the JSON holds those" if as_json else "playing those"
        app.note(
            f"kdrama: note: only {len(questions):,} of the {count:,} questions can be made "
            f"{about}; {doing}"
        )
    if as_json:
        from kdrama_cli.views.jsonview import questions_json

        _note_quiz_sources_hidden(app, questions)
        app.emit_json(questions_json(questions))
        return
    from kdrama_cli.catalogue.wording import count_of
    from kdrama_cli.views.spoiler_notes import source_hidden
    from kdrama_cli.views.text import citation_label, clean, spoilers_command, wrap_cells

    if day is not None:
        click.echo(f"Daily quiz for {day.isoformat()}")
    import shutil

    # At the terminal's width down to 20 columns, as the pages are: a floor of 40 made a
    # 30-column terminal break every line inside a word.
    width = max(20, min(shutil.get_terminal_size().columns, 100))

    def wrapped(text: str, indent: str = "", hang: str | None = None) -> str:
        return wrap_cells(text, width, indent, indent if hang is None else hang)

    score = asked = 0
    try:
        for number, question in enumerate(questions, start=1):
            gap = "\n" if number > 1 or day is not None else ""
            click.echo(gap + wrapped(f"Question {number}/{len(questions)}: {clean(question.text)}"))
            for index, option in enumerate(question.options, start=1):
                click.echo(wrapped(f"{index}. {clean(option)}", "  ", "     "))
            answer = _read_answer(len(question.options))
            if answer is None:
                click.echo("\n(end of input)")
                break
            asked += 1
            right = question.answer + 1
            if answer == right:
                score += 1
                click.echo("Right!")
            else:
                click.echo(
                    wrapped(
                        f"Not quite: the answer is {right}. "
                        f"{clean(question.options[question.answer])}."
                    )
                )
            click.echo(wrapped(clean(question.explanation), "  "))
            for citation in question.citations[:SOURCES_SHOWN]:
                # As `show`'s Sources list names it: the headline tells two sources of one
                # publisher apart (two Top 10 weeks).
                said = citation_label(
                    citation.publisher, citation.title, bool(citation.title_note), citation.date
                )
                if citation.spoiler:  # its headline and address may name a winner or an ending
                    # the quiz has no --spoilers: the title's page shows them
                    how = f"{spoilers_command(question.show)} shows them"
                    said = f"{clean(citation.publisher)}, {source_hidden(how)}"
                click.echo(wrapped(f"Source: {said}", "  ", "    "))
                if not citation.spoiler:
                    click.echo(f"    {clean(citation.url)}")  # a line of its own, never wrapped
            if len(question.citations) > SOURCES_SHOWN:
                more = len(question.citations) - SOURCES_SHOWN
                listing = _same_quiz_as_json(count, show_query, seed, day is not None)
                click.echo(wrapped(f"+ {count_of(more, 'more source')}: {listing}", "  "))
    except (KeyboardInterrupt, click.exceptions.Abort):
        # Every command stopped by Ctrl-C says so; a score of 0/0 would read as a quiz played.
        # The prompt waits on its line: end it before the next words.
        click.echo(f"\nScore so far: {score}/{asked}" if asked else "")
        say("kdrama: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    # Input that ends before the first answer plays no quiz: "Score: 0/0" would read as one
    # of no questions.
    click.echo(f"\nScore: {score}/{asked}" if asked else "\nNo questions answered.")


def _same_quiz_as_json(count: int, show_query: str | None, seed: int | None, daily: bool) -> str:
    """The command that prints this quiz, its every source with it, as JSON."""
    from kdrama_cli.errors import command_line, shell_join

    words = ["quiz", "--questions", str(count)]
    if show_query:
        words += ["--show", show_query]
    words += ["--daily"] if daily else ["--seed", str(seed)]
    return command_line(shell_join([*words, "--json"])) + " lists them all"


def _read_answer(options: int) -> int | None:
    """The chosen option's number, asking again on a bad answer; None at the end of input (or
    when there is no standard input). Lines are read as the picker reads them
    (prompt.answer_line): an absurdly long answer is one bad answer, not a memory or output
    runaway."""
    while True:
        click.echo(f"Your answer (1-{options}): ", nl=False)
        line = answer_line(_LONGEST_ANSWER)
        if line is None:
            return None
        text = line.strip()
        if not sys.stdin.isatty():  # echo piped answers, good or bad, so the transcript reads
            from kdrama_cli.catalogue.printable import clean

            shown = clean(text)
            # what cleaning took out is shown escaped, so a refused answer never looks valid
            click.echo(shown if shown == text else ascii(text)[1:-1])
        if text.isascii() and text.isdigit() and 1 <= int(text) <= options:
            return int(text)
        click.echo(f"Please answer with a number from 1 to {options}.")


_LONGEST_ANSWER = 100
#: Sources printed under a played question's answer; --json lists them all.
SOURCES_SHOWN = 2


def _note_quiz_sources_hidden(app: App, questions: Sequence[Question]) -> None:
    """On stderr: how many sources `quiz --json` gave without the headline and address that
    give a result away, as the quiz hides them (it has no --spoilers; a question may cite
    another title's source, so the line names no one page)."""
    from kdrama_cli.views.spoiler_notes import PAGES_SHOW_THEM

    cited = [c for q in questions for c in q.citations]
    app.note_sources_hidden(cited, False, how=PAGES_SHOW_THEM)
