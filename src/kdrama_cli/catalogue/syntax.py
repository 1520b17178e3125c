"""What a TOML parser or decoder error means for a dataset author, and what to do about it.

The parser's own words ("Illegal character '\\n'", "Cannot overwrite a value") name the symptom
at a position. For the mistakes people make most when they write a dataset by hand (a string
left open, a date written 2024-3-1, a key given twice, text without quotes, a file saved in
another encoding) the message says what is wrong and how to write it instead. Anything else
keeps the parser's words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kdrama_cli.catalogue.schema import Field

#: A key as the schema knows it: its name, and the field it is in the table it is written in.
KeyField = tuple[str, "Field"]

_DATE_LIKE = re.compile(r"=\s*\d{4}-(\d{1,2})-(\d{1,2})")
_KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]")
#: A [table] or [[table]] header alone on its line (a comment aside).
_HEADER_LINE = re.compile(r"\s*\[\[?\s*[A-Za-z0-9_.-]+\s*\]\]?\s*(#.*)?$")
#: What an editor does not show, as an error names it.
_INVISIBLE_NAMES = {
    "\ufeff": "a byte-order mark: a file may start with one, and no more",
    "\x00": "a NUL byte",
}
#: A [table] or [[table]] header with more after it on its line.
_HEADER_THEN = re.compile(r"\s*(\[\[?[^\[\]]*\]\]?)\s*([^\s#].*)")
#: A date written in another common form: 01/01/2024, 2025/03/14, 14.03.2025, 12-25-2024.
_OTHER_DATE = re.compile(r"(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d/.-])")
#: Numbers written as words, read in a hint's example (episodes = twelve: episodes = 12).
_NUMBER_WORDS = (  # noqa: SIM905 (21 words one a line read worse)
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
).split()
#: Words of scale after a number (1.5 million), as the number needs them written out.
_SCALES = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "billion": 10**9}
#: Whole-number keys whose example is not 1: a number of the size the key has.
_NUMBER_EXAMPLES = {
    "episodes": 16,
    "runtime_minutes": 60,
    "start_year": 2019,
    "end_year": 2021,
}
#: Words meant as false where a key takes true or false (spoiler = no); others read as true.
_NO = frozenset({"no", "n", "off"})
_DECLARED_TWICE = re.compile(r"Cannot declare \(([^)]*)\) twice")
#: The parser's words for a control character in a string or a comment ('\\x07').
_CONTROL = re.compile(r"(?:Illegal|Found invalid) character '(\\x[0-9a-f]{2}|\\u[0-9a-f]{4})'")
#: What opens or closes a string, a list or an inline table, a comment, an escape, a line.
_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}\n\\]")
_NOT_A_REAL_DATE = (
    "not a real date: dates are YYYY-MM-DD, with a month from 01 to 12 and a day the month has"
    " (2024-03-01)"
)


def explain(message: str, text: str, line: int | None, column: int | None = None) -> str:
    """The parser's ``message`` about ``line`` (1-based; None: the end of the document, read
    from its last line) of ``text``, at ``column`` (1-based) where the parser gives one, worded
    as what to do; the message itself when it is not one of the common ones."""
    here = _last_line(text) if line is None else _line(text, line)
    if message == "Illegal character '\\n'":
        return 'a string is not closed: add the closing quote (") before the end of its line'
    if message.startswith(("Unterminated string", "Expected \"'")):
        opened = _unclosed(here)
        quote = opened[0] if opened and opened[0] in ("'", "'''") else None
        quote = quote or ("'''" if "'''" in message else "'" if "'" in message else '"""')
        return f"a string is not closed: add its closing quote ({quote})"
    if message.startswith("Expected newline or end of document after a statement"):
        date = _DATE_LIKE.search(here)
        if date and (len(date[1]), len(date[2])) != (2, 2):
            return "dates are YYYY-MM-DD, with a two-digit month and day (2024-03-01), unquoted"
        if date and not (1 <= int(date[1]) <= 12 and 1 <= int(date[2]) <= 31):
            return _NOT_A_REAL_DATE
        return _after_value(here, _key_kind(text, line, here))
    if message.startswith("Invalid date"):
        return _NOT_A_REAL_DATE
    if message.startswith("Cannot overwrite a value"):
        return _given_twice(here) or message
    declared = _DECLARED_TWICE.match(message)
    if declared and not here.split("#")[0].rstrip().endswith("]"):
        # '[seen' under a [seen] above: the parser reads the table, not the missing bracket
        return _open_header(here)
    if declared:
        table = ".".join(part.strip(" '\"") for part in declared[1].split(",") if part.strip())
        if table in _array_tables():  # [shows.cast] for each credit: each is [[shows.cast]]
            return f"[{table}] is given twice: each entry is an array table, [[{table}]]"
        return f"[{table}] is given twice: keep one [{table}] with all of its keys"
    if message.startswith("Invalid value"):
        at = here[column - 1 :] if column else None
        return _invalid_value(here, at, _key_kind(text, line, here))
    if message.startswith("Unclosed array"):
        return 'a list is not closed, or a comma is missing between its items: ["a", "b"]'
    if message.startswith("Expected '=' after a key"):
        return _no_equals(text, here, column)
    if message.startswith("Invalid statement"):
        return _not_a_statement(here)
    if message.startswith(("Expected ']]' at the end of", "Expected ']' at the end of")):
        return _open_header(here)
    control = _CONTROL.match(message)
    if control:
        code = f"U+{ord(control[1].encode().decode('unicode_escape')):04X}"
        return (
            f"a control character ({code}) is not allowed here: take it out (in a quoted"
            f" string, write it as \\u{code[2:]})"
        )
    return message


def explain_at(message: str, text: str, line: int, column: int) -> tuple[int, int, str]:
    """The parser's ``message`` about ``line`` and ``column`` (1-based) of ``text``, as
    :func:`explain` words it, with where the mistake is, which is not always where the parser
    noticed it: a list left open above the next key (``genres = ["a",`` then ``synopsis =
    …``) is placed at its opening bracket, and a backslash read as an escape at the
    backslash itself, not at the letter after it."""
    here = _line(text, line)
    if 0 < column <= len(here) and here[column - 1] == "\r":
        return line, column, _lone_carriage_return(text)
    invisible = _invisible(here, column)
    if invisible and not _CONTROL.match(message):
        return line, column, invisible
    if message.startswith(("Invalid value", "Unclosed array")) and (
        _KEY_LINE.match(here) or _HEADER_LINE.match(here)
    ):
        begins = sum(len(above) + 1 for above in text.split("\n")[: line - 1])
        opened = _unclosed(text[:begins])
        if opened is not None and opened[0] == "[" and opened[1] < line:
            return opened[1], opened[2], "the list that opens here is not closed: close it with ]"
    if message.startswith("Cannot overwrite a value"):
        single = _single_bracket_above(text, here, line)
        if single is not None:
            return single
    if message in ("Invalid hex value", "Unescaped '\\' in a string"):
        backslash = here.rfind("\\", 0, column)
        if backslash >= 0:
            return line, backslash + 1, _backslash(here, backslash)
    return line, column, explain(message, text, line, column)


def _single_bracket_above(text: str, here: str, line: int) -> tuple[int, int, str] | None:
    """Where an array table's header (``[[shows.facts]]``, on ``line``) clashes with the same
    name written with single brackets above it (``[shows.facts]``): that header's own line,
    where the mistake is, rather than the correct one the parser stopped at (walk39 #12)."""
    header = _HEADER.match(here)
    if header is None or header[1] != "[[":
        return None
    name = header[2]
    above = _lines(text)[: line - 1]
    for number in range(len(above), 0, -1):
        written = _HEADER.match(above[number - 1])
        if written and written[1] == "[" and written[2] == name:
            return (
                number,
                above[number - 1].index("[") + 1,
                f"written [{name}]: each entry is an array table, [[{name}]]",
            )
    return None


def _lone_carriage_return(text: str) -> str:
    """What to do about a carriage return the parser stopped at that ends no line (one before a
    line feed does, as Windows saves a file): a file whose lines all end so, as classic Mac OS
    saved them, was told the parser's "Found invalid character '\\r'" (walk39 #6)."""
    alone = len(re.findall(r"\r(?!\n)", text))
    if alone > text.count("\n"):
        return (
            "the lines of this file end with a carriage return alone, as classic Mac OS saved"
            " them: save it with LF (Unix) or CRLF (Windows) line ends"
        )
    return (
        "a carriage return (U+000D) stands alone here, ending no line, which an editor may not"
        " show: delete it, or save the file with LF or CRLF line ends"
    )


def _invisible(here: str, column: int) -> str | None:
    """The character the parser stopped at, named, where it is one an editor does not show
    (a second byte-order mark, a NUL byte, a zero-width space): None for any other."""
    import unicodedata

    if not 0 < column <= len(here):
        return None
    character = here[column - 1]
    if character in "\t\r" or unicodedata.category(character) not in ("Cc", "Cf"):
        return None
    what = _INVISIBLE_NAMES.get(character) or unicodedata.name(character, "").lower()
    code = f"U+{ord(character):04X}"
    named = f"{code}, {what}" if what else code
    return f"an invisible character ({named}) is here, which an editor may not show: delete it"


def _backslash(here: str, at: int) -> str:
    """What to do about the backslash at ``at`` of ``here`` that a "…" string read as an
    escape: a Windows path or a lone backslash in a title, written \\\\ or in '…', where
    nothing is an escape; the line's own value in '…' as the example where it can be."""
    if re.match(r"\\[uU][0-9A-Fa-f]", here[at:]):
        return (
            "\\u is followed by 4 hex digits (\\u00E9) and \\U by 8: for a backslash itself"
            " write \\\\, or put the text in '…'"
        )
    said = re.match(r'\s*([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"\s*(#.*)?$', here)
    example = ""
    if said and "'" not in said[2] and len(said[2]) <= 40:
        example = f": {said[1]} = '{said[2]}'"
    return (
        'a backslash starts an escape in "…" (\\n, \\"): write it \\\\, or put the text in \'…\','
        f" which has none{example}"
    )


def explain_at_end(message: str, text: str) -> tuple[int, int, str]:
    """Where in ``text`` an error the parser met at the end of the document is (a line and a
    column, 1-based, for ``PATH:LINE:COL``, as every other syntax error is placed) and what to
    do about it.

    The end is where the parser noticed, not where the mistake is: what was left open is
    looked for instead (a list, an inline table or a string), and the place it opens is given,
    where an editor should jump. With nothing open, the end of the text."""
    opened = _unclosed(text)
    if opened is not None:
        mark, line, column = opened
        return line, column, _not_closed(mark)
    lines = _lines(text)
    return len(lines), len(lines[-1]) + 1, explain(message, text, None)


def _open_header(here: str) -> str:
    """A [table] or [[table]] header left without its closing brackets, with its name."""
    named = re.match(r"\s*(\[\[?)\s*([A-Za-z0-9_.-]*)", here)
    opening, name = (named[1], named[2]) if named else ("[", "")
    if opening == "[[":
        return f"a [[table]] header is not closed: end it with two brackets ([[{name or 'shows'}]])"
    return f"a [table] header is not closed: end it with a bracket ([{name or 'meta'}])"


def _after_value(here: str, key: KeyField | None = None) -> str:
    """What follows a value on its line, read as the likeliest slip: a statement after a
    [table] header, a quote inside a string of those quotes ('It's mine'), a date in another
    form (01/01/2024), a number written with separators (1,000) or a leading zero (01), words
    after a number of a key that takes one, else a second statement on one line."""
    header = _HEADER_THEN.match(here)
    if header:
        return (
            f"a table header goes on a line of its own: {header[1]} on this line, then"
            f" {_statement_shown(header[2])} on the next"
        )
    value = here.split("=", 1)[1].lstrip() if "=" in here else ""
    if re.match(r"'[^'\n]*'[^\s#,\]}]", value):
        return "an apostrophe ends a '…' string: write the text in double quotes (\"It's mine\")"
    if re.match(r'"(?:[^"\\\n]|\\.)*"[^\s#,\]}]', value):
        return 'a " inside a "…" string ends it: write it \\" ("He said \\"hi\\"")'
    if key[1].kind == "date" if key else _has_year(value):
        return _date_hint(key[0] if key else _key_of(here), value)
    if re.match(r"[+-]?\d+(,\d+)+\s*(#|$)", value):
        return "a number is written without commas: 1000 (or 1_000)"
    zero = re.match(r"([+-]?)(0\d+)", value)
    if zero and (key is None or key[1].kind != "date"):
        typed = zero[1] + zero[2]
        return f"a number has no leading zero: {zero[1]}{zero[2].lstrip('0') or '0'}, not {typed}"
    typed_hint = _typed_hint(key, value) if key else None
    return typed_hint or "something follows the value on this line: give one key = value per line"


def _cut(words: str, most: int = 40) -> str:
    return words if len(words) <= most else words[: most - 1] + "…"


def _statement_shown(statement: str) -> str:
    """A key = value statement as a hint quotes it: whole when short, else its key and = …
    (a cut list or string would read as one left open)."""
    key = _KEY_LINE.match(statement)
    return statement if len(statement) <= 40 or key is None else f"{key[1]} = …"


def _has_year(value: str) -> bool:
    """Whether ``value`` is a date in another form with a year of four digits (01/01/2024), as
    a value of a key the schema does not know must be to be read as a date (not 1.2.3)."""
    found = _OTHER_DATE.match(value)
    return found is not None and 4 in (len(found[1]), len(found[4]))


def _array_tables() -> set[str]:
    """The dataset's arrays of tables, by header: shows, shows.cast, ..."""
    from kdrama_cli.catalogue import schema

    return {*schema.TOP_LEVEL, *(f"shows.{name}" for name in schema.SHOW_TABLES)}


def _key_of(here: str) -> str:
    key = _KEY_LINE.match(here)
    return key[1] if key else "release_date"


def _key_kind(text: str, line: int | None, here: str) -> KeyField | None:
    """The key on line ``here`` (line ``line`` of ``text``) and its field, where the dataset's
    schema knows it: in the table the [table] or [[table]] header above it opens, or, above
    any header, in every table that has a key of that name with one type. None for a key the
    schema does not know there, or a table it does not have (the seen file's [seen])."""
    key = _KEY_LINE.match(here)
    if key is None or line is None:
        return None
    from kdrama_cli.catalogue import schema

    tables = {
        "meta": schema.META,
        **{name: spec for name, (_, spec) in schema.TOP_LEVEL.items()},
        **{f"shows.{name}": spec for name, spec in schema.SHOW_TABLES.items()},
    }
    header = _header_above(text, line)
    if header is not None:
        field = tables.get(header, {}).get(key[1])
        return (key[1], field) if field else None
    fields = [spec[key[1]] for spec in tables.values() if key[1] in spec]
    return (key[1], fields[0]) if len({field.kind for field in fields}) == 1 else None


def _header_above(text: str, line: int) -> str | None:
    """The name of the table (``shows.seasons``) the last header above ``line`` opens; None
    above the first header."""
    for above in reversed(_lines(text)[: line - 1]):
        header = re.match(r"\s*\[\[?([^\[\]]*)\]", above)
        if header:
            return ".".join(part.strip(" \t'\"") for part in header[1].split("."))
    return None


def _typed_hint(key: KeyField, value: str) -> str | None:
    """How to write a value of ``key``'s type, with what was typed read into the example where
    it can be (spoiler = yes: spoiler = true; episodes = twelve: episodes = 12); None for a key
    that takes text, where quoting is the fix."""
    name, field = key
    words = value.split("#")[0].strip()
    if field.kind == "bool":
        said = "false" if words.strip("\"'").casefold() in _NO else "true"
        return f"{name} is true or false, without quotes: {name} = {said}"
    if field.kind in ("int", "number"):
        return f"{name} is a number, without quotes: {name} = {_number_in(name, words)}"
    if field.kind == "date":
        return _date_hint(name, words)
    if field.kind == "ints":
        return f"{name} is a list of numbers: {name} = [1, 2]"
    if field.kind in ("strs", "ids"):
        return f"{name} is a list of quoted text: {name} = {_quoted_list(words, field.kind)}"
    return None


def _number_in(name: str, words: str) -> str:
    """The number ``words`` give (12 of '12 episodes', of 'twelve', 1500000 of '1.5
    million'), else an example for ``name``."""
    number = re.match(r"(\d+(?:\.\d+)?)\s*([a-z]*)", words.casefold())
    if number:
        scale = _SCALES.get(number[2], 1)
        value = float(number[1]) * scale
        return str(int(value)) if value.is_integer() else number[1]
    word = re.match(r"[a-z]+", words.casefold())
    if word and word[0] in _NUMBER_WORDS:
        return str(_NUMBER_WORDS.index(word[0]))
    return str(_NUMBER_EXAMPLES.get(name, 1))


def _quoted_list(words: str, kind: str) -> str:
    """The items of an unquoted list (``[drama, romance]``) quoted, when they are plain words;
    else an example of the kind."""
    items = [item.strip(" \t\"'") for item in words.strip("[] \t").split(",")]
    if all(item and re.fullmatch(r"[\w .'-]{1,40}", item) for item in items) and len(items) <= 4:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"
    return '["a-source-id"]' if kind == "ids" else '["drama", "romance"]'


def _date_hint(name: str, value: str) -> str:
    """How to write the date ``value`` (01/01/2024, 14.03.2025, March 14) meant, for the key
    ``name``: YYYY-MM-DD without quotes, the value itself so written where its order of day
    and month is plain, both readings where it is not."""
    readings = _date_readings(value)
    if not readings and _OTHER_DATE.match(value):
        return f"dates are written YYYY-MM-DD, without quotes, and {_cut(value)} is not a real date"
    example = " or ".join(f"{name} = {reading}" for reading in readings)
    if len(readings) > 1:
        example += " (which is the month?)"
    return f"dates are written YYYY-MM-DD, without quotes: {example or f'{name} = 2024-03-01'}"


def _date_readings(value: str) -> list[str]:
    """The real dates a date in another form (2025/03/14, 14.03.2025, 12/25/2024, 01/02/2024)
    can be, as YYYY-MM-DD: one, or two for a day and month that could be either."""
    import datetime as dt

    found = _OTHER_DATE.match(value)
    if not found:
        return []
    first, second, last = found[1], found[3], found[4]
    if len(first) == 4:
        orders = [(int(first), int(second), int(last))]
    elif len(last) == 4:  # month first (US) or day first (most other places)
        orders = [(int(last), int(first), int(second)), (int(last), int(second), int(first))]
    else:
        return []
    readings: list[str] = []
    for year, month, day in orders:
        try:
            reading = dt.date(year, month, day).isoformat()
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    return readings


def _no_equals(text: str, here: str, column: int | None) -> str:
    """A key with no = after it, read as what it likely is: a YAML file (``shows:``, ``- slug:
    x``), a CSV file (``slug,title``), a key written with a colon (``title: "Foo"``)."""
    start = here.lstrip()
    after = here[column - 1 :].lstrip(" \t") if column else ""
    value = after[1:].strip()
    if start.startswith(("---", "- ")) or (after.startswith(":") and not value):
        return "this reads as YAML: kdrama reads TOML (key = value lines, under [table] headers)"
    if after.startswith(":"):
        key = here[: column - 1 if column else 0].strip()
        return f"a key and its value are joined by =, not a colon: {key} = {_cut(value)}"
    if after.startswith((",", ";", "\t")):
        return (
            "this reads as CSV (columns of a spreadsheet): kdrama reads TOML (key = value lines,"
            " under [table] headers)"
        )
    return "expected key = value: a key is one word (release_date), then =, then the value"


def _not_a_statement(here: str) -> str:
    """A line that is neither key = value nor a [table] header, read as what it likely is."""
    start = here.lstrip()
    if start.startswith(("{", '"')) and ":" in start:
        return "this reads as JSON: kdrama reads TOML (key = value lines, under [table] headers)"
    if start.startswith("<"):
        return "this reads as HTML or XML: kdrama reads TOML (key = value lines)"
    if start.startswith(("//", ";")):
        return "a comment starts with #, not " + ("//" if start[0] == "/" else ";")
    if start.startswith("="):
        return "a key is missing before =: key = value"
    return "expected key = value or a [table] header on this line"


def _lines(text: str) -> list[str]:
    """The lines as TOML counts them: ended by a line feed only (str.splitlines also breaks at
    U+2028, U+0085 and others, which a comment or a string may hold, and the parser's line
    number would then point at another line)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _line(text: str, line: int | None) -> str:
    lines = _lines(text)
    return lines[line - 1] if line is not None and 0 < line <= len(lines) else ""


def _last_line(text: str) -> str:
    """The last line with something on it other than a comment."""
    for line in reversed(_lines(text)):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return ""


def _unclosed(text: str) -> tuple[str, int, int] | None:
    """What ``text`` leaves open, and the line and column (1-based) where it opens: the first
    string of one line that meets the end of its line (the parser stops there), else at the
    end a string of several lines, else the innermost list or inline table. None when all is
    closed.

    Only a file that failed to parse is scanned, so a plain loop over its tokens will do."""
    opened: list[tuple[str, int, int]] = []  # the [ and { not yet closed
    quote: tuple[str, int, int] | None = None  # the string being read, and where it opens
    line, line_start, escaped_at = 1, 0, -1
    token = _TOKEN.search(text)
    while token is not None:
        mark, at = token[0], token.end()
        column = token.start() - line_start + 1
        if mark == "\n":
            if quote is not None and len(quote[0]) == 1:
                return quote
            line, line_start = line + 1, at
        elif quote is not None:
            if token.start() == escaped_at:
                pass  # \" in a "string" does not close it
            elif mark == "\\":
                escaped_at = at if quote[0][0] == '"' else -1
            elif mark[0] == quote[0][0] and len(mark) >= len(quote[0]):
                quote = None
        elif mark == "#":  # a comment runs to the end of its line
            at = text.find("\n", at)
            if at < 0:
                break
        elif mark in ('"', "'", '"""', "'''"):
            quote = (mark, line, column)
        elif mark in "[{":
            opened.append((mark, line, column))
        elif mark in "]}" and opened:
            opened.pop()
        token = _TOKEN.search(text, at)
    if quote is not None:
        return quote
    return opened[-1] if opened else None


def _not_closed(mark: str) -> str:
    """What to do about what ``_unclosed`` found open at the end of the file, said of the
    place it opens, which the error's location gives."""
    if mark == "[":
        return (
            "the list that opens here is not closed before the end of the file:"
            ' close it with ], with a comma between its items: ["a", "b"]'
        )
    if mark == "{":
        return (
            "the inline table that opens here is not closed before the end of the file: close"
            " it with }"
        )
    if len(mark) == 1:  # a string of one line
        return (
            f"the string that opens here is not closed: add its closing quote ({mark}) before"
            " the end of its line"
        )
    return (
        "the string that opens here is not closed before the end of the file: add its closing"
        f" quotes ({mark}) after its last line"
    )


def _given_twice(here: str) -> str | None:
    header = _HEADER.match(here)
    if header:
        name = header[2]
        return (
            f"[[{name}]] clashes with a [{name}] table or a {name} key above it: write each of"
            f" its entries as [[{name}]]"
        )
    key = _KEY_LINE.match(here)
    if key:
        return f"{key[1]} is given twice in this table: give each key once per entry"
    return None


def _invalid_value(here: str, at: str | None = None, field: KeyField | None = None) -> str:
    """What is wrong with the value on line ``here``; ``at``: the line from where the parser
    stopped, read first (the item of a list it could not read, not a word inside a string);
    ``field``: the key's type, where the schema knows it (spoiler = yes wants true, not
    quotes)."""
    # an item on a line of its own in a list of several lines has no = before it
    value = here.split("=", 1)[1].strip() if "=" in here else (at or "").strip()
    if not value or value.startswith("#"):
        return "a key has no value after ="
    key = _KEY_LINE.match(here)
    at = value if at is None else at
    if value.startswith("[") and at.startswith(","):
        return 'a list has an empty item: one comma between each two items (["a", "b"])'
    word = re.match(r"(true|false)\s*(?:#.*)?$|(true|false)(?=\s*[,\]}])", at, re.IGNORECASE)
    if word:  # the value itself, or an item of a list, not text that starts so ('True Beauty')
        said = (word[1] or word[2]).lower()
        written = f"{key[1]} = {said}" if key and word[1] else said
        return f"true and false are written in lower case: {written}"
    if value[0] in "\u201c\u201d\u2018\u2019":
        return 'text is in curly quotes: use straight quotes ("…"), as TOML needs'
    typed = _typed_hint(field, value) if field else None
    if typed:
        return typed
    # the line's own key and value, quoted, as the example ('title = "Foo Bar"'), where the
    # value is plain text of a few words; else a url's
    shown = " ".join(value.split())
    example = 'url = "https://…"'
    if key and len(key[1]) <= 40 and _plain_text(shown):
        example = f'{key[1]} = "{shown}"'
    return (
        f"text needs quotes ({example}); a value is quoted text, a number, a date"
        " (2024-03-01), true or false, or a list"
    )


def _plain_text(value: str) -> bool:
    """Whether an unquoted value is plain words that quoting alone makes right: not a list, a
    table, a comment, a backslash (an escape in quotes), true or false, a number or a date,
    which want another fix; and short, printable text."""
    if not value or len(value) > 40 or not value.isprintable():
        return False
    if value[0] in "[{" or any(mark in value for mark in '"\\#'):
        return False
    if value.casefold() in ("true", "false") or re.fullmatch(r"[+-]?[\d_.]+", value):
        return False
    return not re.match(r"\d{4}-\d", value) and not re.search(r"\b\d{4}$", value)


def not_utf8(raw: bytes, start: int) -> tuple[int, int | None, str]:
    """Where in the file (the line, and the column where it helps, as a syntax error has them)
    the first byte that is not UTF-8 is, and what to do, for a file that fails to decode at
    byte ``start``: most often a file saved as UTF-16 (Windows Notepad's "Unicode") or in
    EUC-KR (older Korean editors)."""
    line = raw.count(b"\n", 0, start) + 1
    binary = _binary_kind(raw)
    if binary:
        return 1, None, f"not a text file: {binary}"
    if _looks_utf16(raw[:200]):
        return (
            1,
            None,
            'not UTF-8: the file is saved as UTF-16 (Notepad\'s "Unicode"): save it as UTF-8',
        )
    try:
        raw.decode("cp949")
    except UnicodeDecodeError:
        return (
            line,
            _column(raw, start),
            f"not valid UTF-8: byte 0x{raw[start]:02X}{_as_windows_1252(raw[start])}: save the"
            " file as UTF-8",
        )
    return line, None, "not UTF-8: the file looks like EUC-KR (CP949): save it as UTF-8"


def _as_windows_1252(byte: int) -> str:
    """What the byte is in Windows-1252 (the encoding a file that is not UTF-8 most often has,
    saved by an older Windows editor), as ' (é in Windows-1252)', so the user can find it in
    the line; nothing for a byte that is no printable character there. The line and column
    are the error's location already."""
    try:
        character = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return f" ({character} in Windows-1252)" if character.isprintable() and character != " " else ""


def _column(raw: bytes, start: int) -> int:
    """The column, in characters from 1, of the byte at ``start``, as an editor counts it: the
    line before it is UTF-8 (it decoded), and a byte-order mark opening the file is no
    character."""
    begins = raw.rfind(b"\n", 0, start) + 1
    before = raw[begins:start]
    if begins == 0:
        before = before.removeprefix(b"\xef\xbb\xbf")
    return len(before.decode("utf-8", "replace")) + 1


#: The openings of the files most often given by mistake for a text file: what each is and
#: what to do instead.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (
        b"PK\x03\x04",
        "it is a ZIP archive (as .zip and .xlsx files are): give the text file it holds,"
        " or save it as text (UTF-8)",
    ),
    (b"PK\x05\x06", "it is an empty ZIP archive: give a text file saved as UTF-8"),
    (b"\x1f\x8b", "it is compressed with gzip: decompress it first (gunzip)"),
    (b"BZh", "it is compressed with bzip2: decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "it is compressed with xz: decompress it first (unxz)"),
    (b"%PDF", "it is a PDF document: give a text file saved as UTF-8"),
    (b"SQLite format 3\x00", "it is an SQLite database: give a text file saved as UTF-8"),
)


def _binary_kind(raw: bytes) -> str | None:
    """What a file that is not text is (an archive, a compressed file...), or None for one
    that may be text in another encoding: NUL bytes that UTF-16 does not explain mean a binary
    file, never UTF-16."""
    for signature, what in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            return what
    head = raw[:200]
    if b"\x00" in head and not _looks_utf16(head):
        return "it holds binary data (NUL bytes): give a text file saved as UTF-8"
    return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16: a byte-order mark, or, without one, the NUL bytes of its ASCII characters all on
    one side of each pair (a CSV's commas and digits, a TOML file's keys)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    # At least one NUL: a short file with none (a BOM and a Latin-1 byte) is not UTF-16.
    return max(even, odd) >= max(1, half // 4) and min(even, odd) <= half // 20
