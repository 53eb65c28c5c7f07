"""Find every statistical figure in a document.

One pass of the grammar yields atoms; then, per atom, the words around it
decide what it is: not a figure at all (a date, a year, a name), one end
of a range, a bound ("more than"), a count of some noun, a change or a
level. Each rule reads a few dozen characters of context, so the cost grows
with the number of figures, not with the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from factcheck.extract.atoms import Atom, read_atom
from factcheck.extract.backward import Behind
from factcheck.extract.lexicon import Lexicon, lexicon
from factcheck.extract.numbers import news_sized
from factcheck.extract.patterns import WORD_END, Grammar, L, grammar
from factcheck.extract.starts import candidate_starts
from factcheck.model import Document, Figure
from factcheck.textindex import TextIndex

_CONTEXT = 48  # characters of context the rules look at on either side
#: The contract's longest `sentence`: longer ones are clipped around the figure.
SENTENCE_LIMIT = 400
_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_FIRST_DIGITS = re.compile(r"[^\d]*([\d.,]+)")
_NEXT_CHARACTER = re.compile(r"[ \t]+(\w)")
_SHARE_FOLLOWS = re.compile(rf"\s+(?i:of|the|its|their|his|her|our|all){WORD_END}")
_OF_FOLLOWS = re.compile(rf"\s+(?i:of|the){WORD_END}")
_NEXT_WORD = re.compile(rf"[ \t]+({L}+)")
_WORD_AHEAD = re.compile(rf"[ \t]+({L}(?:{L}|['’\-])*)")


def extract_figures(text: str, doc: str = "") -> list[Figure]:
    """Every figure in `text`, in order of position (the library entry point)."""
    return extract_document(Document(id=doc, path="", text=text))


def extract_document(document: Document) -> list[Figure]:
    """Every figure in a document's body, offsets into its whole text."""
    return list(_figures(document, lexicon(), grammar()))


def _figures(document: Document, lex: Lexicon, gram: Grammar) -> Iterator[Figure]:
    """The figures of a document, read from a stream of atoms with one of lookahead
    (a range joins two), so that memory grows with the figures, not the digits."""
    text, body = document.text, document.body_start
    atoms = _outside_number_runs(
        (atom for atom in _atoms(text, body, lex, gram) if _is_figure(atom, text, body, lex, gram)),
        text,
    )
    atom = next(atoms, None)
    if atom is None:
        return
    index = TextIndex.of(text, body)
    following = next(atoms, None)
    last_end = 0
    while atom is not None:
        if following is not None and (
            _range_with(atom, following, text, body, lex, gram)
            or _bound_pair(atom, following, text, body, lex, gram)
        ):
            figure = _range_figure(atom, following, document, index, gram)
            atom = next(atoms, None)
        else:
            figure = _single_figure(atom, document, index, lex, gram)
            atom = following
        following = next(atoms, None) if atom is not None else None
        if figure.start < last_end:
            continue  # "4 ten-ton trucks": a figure's counted noun holds no figure of its own
        bounds = (figure.value, figure.low, figure.high, *figure.interval)
        if all(news_sized(x) for x in bounds if x is not None):
            yield figure  # "$1e29 trillion" multiplies past any figure news prints
            last_end = figure.end


def _atoms(text: str, body: int, lex: Lexicon, gram: Grammar) -> Iterator[Atom]:
    """Every atom the grammar reads in the body, left to right, never overlapping.

    The full grammar is tried only where a figure can start (a digit, a
    number word); running it at every character would be ten times slower
    on news text, where figures are sparse.
    """
    end = body
    for start in candidate_starts(text, body):
        if start < end:
            continue
        match = None
        if text[start].isdigit():  # a currency or sign before it belongs to the figure
            window = max(end, start - 12)
            lead = gram.lead.match(text[window:start])
            if lead is not None and lead.match_start < start - window:
                match = gram.master.match(text, window + lead.match_start)
        match = match or gram.master.match(text, start)
        if match is None:
            continue
        end = match.end()
        if match.group("atom") is not None and (atom := read_atom(match, lex, gram)) is not None:
            end = atom.end  # coins read after a currency ("15 dollars 50") lengthen it
            yield atom


# --- what is not a figure ---------------------------------------------------

#: How many bare numbers in a row, with only spaces between, make a
#: table row or a list of numbers rather than figures of a sentence.
NUMBER_RUN = 3
_RUN_GAP = re.compile(r"\s*")


def _outside_number_runs(atoms: Iterable[Atom], text: str) -> Iterator[Atom]:
    """The atoms without those in runs of `NUMBER_RUN` or more bare numbers ("12
    14 15 19", a table row; "1 1 1 ...", noise): they count nothing a reader
    could name, and a long run would make a figure of every digit. A run is
    held only until it is long enough to drop."""
    run: list[Atom] = []  # the current run of bare numbers, while it is short
    previous: Atom | None = None  # the run's last number
    dropping = False
    for atom in atoms:
        if (
            previous is not None
            and _bare_digits(atom)
            and _RUN_GAP.fullmatch(text, previous.end, atom.start) is not None
        ):
            previous = atom
            if not dropping:
                run.append(atom)
                if len(run) >= NUMBER_RUN:
                    dropping, run = True, []
            continue
        yield from run
        run, dropping = [], False
        previous = atom if _bare_digits(atom) else None
        if previous is None:
            yield atom
        else:
            run = [atom]
    yield from run


def _bare_digits(atom: Atom) -> bool:
    return atom.source == "digits" and not atom.has_unit and not atom.has_scale


def _is_figure(atom: Atom, text: str, body: int, lex: Lexicon, gram: Grammar) -> bool:
    """False for numbers that name, date or number things rather than measure them."""
    bare = not atom.has_unit and not atom.has_scale
    if not bare and atom.source not in ("words", "share", "article"):
        return True  # "5%", "$2 bln", "300 km": a unit or multiplier makes an amount
    before = text[max(body, atom.start - _CONTEXT) : atom.start]
    after = text[atom.end : atom.end + _CONTEXT]
    previous = _word_before(before, gram)
    qualifier = _qualifier_before(gram, before)
    qualified = qualifier is not None and qualifier.text.lower() not in lex.range_openers

    if bare and (_month(previous, lex) or previous.lower() in lex.weekdays):
        return False  # "June 16", "on August 9", "on Sunday (27)"
    year_like = bare and atom.plain_integer and 1000 <= atom.value <= 2100
    if year_like and not qualified and not _before_large(after, gram):
        return False  # a year (but not the low end of "1000-5000")
    if bare and atom.source == "digits" and previous.lower() in lex.identifier_words:
        return False  # "Article 5", "flight 4978"
    if bare and atom.source == "digits" and not qualified and _in_name(previous, before, after):
        return False  # "Column 3 News", "Boeing 737"
    if bare and atom.source == "digits" and _alone_on_line(atom, text, gram):
        return False  # list markers, share counters
    if atom.source == "words" and not atom.has_unit and atom.value == 1:
        return _one_counts(previous, after, lex)
    if atom.source == "share" and (
        previous.lower() in lex.ordinal_words
        or _bare_half(atom, text, after, qualified)
        or _ordinal_with_article(atom, text, after, lex)
    ):
        return False  # "the first half of", "half-hearted", "for a third night"
    if atom.source == "article":
        return not (
            gram.article_time_reference.match(after)
            or previous.lower() in lex.article_rate_words
            or _ordinal_before_noun(atom, text, after, lex)
        )
    return True


def _ordinal_with_article(atom: Atom, text: str, after: str, lex: Lexicon) -> bool:
    """ "a third night", "a fifth time", "for a third day": an article and an
    ordinal before a noun rank something, where "a third of voters" and "by a
    third" share it. A unit read into the share ("a third day") is such a
    noun: a fraction of a unit takes "of" ("a third of a day")."""
    words = text[atom.start : atom.end].lower().split()
    if len(words) < 2 or words[0] not in ("a", "an") or words[1] in ("half", "quarter"):
        return False
    if len(words) > 2:
        return True
    return _OF_FOLLOWS.match(after) is None and _counted_words(after, lex) > 0


def _ordinal_before_noun(atom: Atom, text: str, after: str, lex: Lexicon) -> bool:
    """ "a second term": a time unit that is also an ordinal, before a noun."""
    unit_word = text[atom.start : atom.end].rsplit(None, 1)[-1].lower()
    if unit_word not in lex.ordinal_words:
        return False
    following = _NEXT_WORD.match(after)
    return following is not None and following.group(1).lower() not in lex.duration_followers


def _before_large(after: str, gram: Grammar) -> bool:
    """A range join and a number no year can be follow: "1000-5000", "1500 to 12,000"."""
    match = gram.range_to_number.match(after)
    if match is None:
        return False
    digits = match.group(1)
    return "," in digits or int(_NOT_DIGIT.sub("", digits) or 0) > 2100


@lru_cache(maxsize=4096)
def _qualifier_before(gram: Grammar, window: str) -> Behind | None:
    """The qualifier phrase ending a window of context. Several rules ask
    about the same atom's window, so the answer is kept."""
    return gram.qualifier_before.match(window)


def _word_before(before: str, gram: Grammar) -> str:
    word = gram.word_before.match(before)
    return word.text if word else ""


def _month(word: str, lex: Lexicon) -> bool:
    return word[:1].isupper() and word.lower().rstrip(".") in lex.months


def _in_name(previous: str, before: str, after: str) -> bool:
    """A number inside a name: after a capitalized word mid-sentence ("Boeing 737"),
    or between two capitalized words ("Column 3 News")."""
    if not previous[:1].isupper() or previous.endswith(".") or len(previous) <= 1:
        return False
    head = before.rstrip()[: -len(previous)].rstrip()
    if bool(head) and head[-1] not in ".!?:\"“”'‘’\n([-–—•":
        return True
    following = _NEXT_CHARACTER.match(after)
    return following is not None and following.group(1).isupper()


#: How far from a number a list marker or the end of its line may be: the
#: look stays this short, so a text of one long line costs no more per number.
_MARKER_REACH = 16


def _alone_on_line(atom: Atom, text: str, gram: Grammar) -> bool:
    """Page furniture, not a figure: a bulleted number on a line of its own
    ("- 6"), a list item's number ("2. Text"), or a bare number alone on one
    line of a longer text (share counters)."""
    reach = max(0, atom.start - _MARKER_REACH)
    line_start = text.rfind("\n", reach, atom.start) + 1
    if line_start == 0 and reach > 0:
        return False  # the line starts further back: more than a marker before the number
    line_end = text.find("\n", atom.end, atom.end + _MARKER_REACH)
    if line_end < 0:
        line_end = len(text) if len(text) - atom.end <= _MARKER_REACH else -1
    if line_end < 0:
        return False  # the line goes on: words follow the number
    before, after = text[line_start : atom.start], text[atom.end : line_end]
    if not gram.list_marker_line.fullmatch(before):
        return False
    if after[:1] in (".", ")") and after[1:2] == " ":
        return True  # "2. The second point"
    if not gram.list_marker_line.fullmatch(after):
        return False
    return bool(before.strip()) or line_start > 0 or line_end < len(text.rstrip())


def _one_counts(previous: str, after: str, lex: Lexicon) -> bool:
    """ "one" is a count only before the noun it counts: not "one of", "no one"."""
    if previous.lower() in lex.not_a_count_before_one:
        return False
    noun = _counted_words(after, lex)
    return bool(noun)


def _bare_half(atom: Atom, text: str, after: str, qualified: bool) -> bool:
    """A lone "half" is a share only before "of"/"the" or after a qualifier."""
    if text[atom.start : atom.end].lower() != "half" or qualified:
        return False
    return _SHARE_FOLLOWS.match(after) is None


# --- ranges -----------------------------------------------------------------


def _range_with(
    first: Atom, second: Atom, text: str, body: int, lex: Lexicon, gram: Grammar
) -> str | None:
    """The joining word when `first` and `second` are the two ends of one range."""
    if first.kind != second.kind and first.has_unit:
        return None
    if first.has_unit and second.has_unit and first.unit != second.unit:
        return None
    between = text[first.end : second.start]
    if len(between) > 12 or "\n" in between:
        return None
    join = gram.range_join.match(between + " ")
    if join is None:
        stripped = between.strip()
        if stripped not in lex.range_joins:
            return None
        word = stripped
    else:
        word = join.group("join").strip()
    opener = _qualifier_before(gram, text[max(body, first.start - _CONTEXT) : first.start])
    opened_by = opener.text.lower() if opener else ""
    if word.lower() == "and":
        return word if opened_by == "between" else None
    if opened_by == "from" and gram.change_verb.search(
        text, max(body, first.start - 2 * _CONTEXT), first.start
    ):
        return None  # "fell from 19 percent to 10.5 percent": two levels, not a range
    return word


def _bound_pair(
    first: Atom, second: Atom, text: str, body: int, lex: Lexicon, gram: Grammar
) -> bool:
    """A lower and an upper bound joined into one range: "more than 10 and less
    than 40", "at most 100 and at least 20", "above 5% but below 8%"."""
    if first.kind != second.kind and first.has_unit and second.has_unit:
        return False
    if second.start - first.end > _CONTEXT:
        return False  # the join and the second bound are a few words, never a sentence
    pair = [(atom.value, _qualifier(atom, text, body, lex, gram)[0]) for atom in (first, second)]
    lower = [value for value, code in pair if code in ("gt", "ge")]
    upper = [value for value, code in pair if code in ("lt", "le")]
    if not (lower and upper and lower[0] < upper[0]):
        return False
    before_second = text[max(first.end, second.start - _CONTEXT) : second.start]
    opener = _qualifier_before(gram, before_second)
    if opener is None:
        return False
    between = before_second[: opener.start]
    return gram.bound_join.fullmatch(between) is not None


# --- building figures -------------------------------------------------------


@lru_cache(maxsize=256)
def _qualifier(
    atom: Atom, text: str, body: int, lex: Lexicon, gram: Grammar
) -> tuple[str, str, int]:
    """Contract qualifier code, the phrase as written, and where the phrase starts."""
    before = text[max(body, atom.start - _CONTEXT) : atom.start]
    found = _qualifier_before(gram, before)
    if found:
        phrase = _SPACES.sub(" ", found.text.lower())
        start = atom.start - len(before) + found.start
        if (
            phrase == "about"
            and _word_before(before[: found.start], gram).lower() in lex.about_as_preposition
        ):
            return ("approx" if atom.approx else "exact"), "", atom.start
        if phrase in lex.approx:
            return "approx", phrase, start
        if phrase in lex.bounds and not _is_benchmark(atom, text, lex):
            return lex.bounds[phrase], phrase, start
        return ("approx" if atom.approx else "exact"), phrase, start
    after = gram.bound_after.match(text, atom.end)
    if after:
        return (
            lex.bounds_after[_SPACES.sub(" ", after.group("q").lower())],
            after.group("q"),
            atom.start,
        )
    return ("approx" if atom.approx else "exact"), "", atom.start


def _is_benchmark(atom: Atom, text: str, lex: Lexicon) -> bool:
    """The figure names a forecast or threshold that something else is compared with."""
    following = _NEXT_WORD.match(text, atom.end, atom.end + _CONTEXT)
    return bool(following) and following.group(1).lower() in lex.benchmark_nouns


def _interval(
    value: float, rounding: float, qualifier: str, phrase: str, atom: Atom, lex: Lexicon
) -> tuple[float | None, float | None]:
    """What a figure is compatible with: rounding, approximation and bounds allowed for."""
    if qualifier in ("gt", "ge"):
        return value, None
    if qualifier in ("lt", "le"):
        return None, value
    low, high = atom.fixed_interval or (value - rounding, value + rounding)
    spread = lex.approx.get(phrase)
    if qualifier == "approx" and spread is not None:
        size = abs(value)
        low = min(low, value - size * spread.below) if spread.below else value
        high = max(high, value + size * spread.above) if spread.above else value
    return low, high


def _single_figure(
    atom: Atom, document: Document, index: TextIndex, lex: Lexicon, gram: Grammar
) -> Figure:
    text, body = document.text, document.body_start
    sentence = index.sentence_span(atom.start)
    qualifier, phrase, qualifier_start = _qualifier(atom, text, body, lex, gram)
    if atom.source == "share" and atom.unit == "percent" and not _is_share(atom, text, phrase, lex):
        atom = _plain_fraction(atom)
    end, unit, kind = atom.end, atom.unit, atom.kind
    if kind == "count" and atom.source != "multiplying":
        noun = _counted_words(text[atom.end : atom.end + _CONTEXT], lex)
        if noun:
            end = atom.end + noun
            if text[atom.end : end].strip().lower() in (
                "points",
                "point",
                "pts",
            ) and _percent_context(sentence, text):
                unit, kind = "percentage_point", "percent"
    low, high = _stated_bounds(atom.value, qualifier)
    return _figure(
        document,
        index,
        sentence,
        start=atom.start,
        end=end,
        value=atom.value,
        unit=unit,
        kind=kind,
        qualifier=qualifier,
        low=low,
        high=high,
        interval=_interval(atom.value, atom.rounding, qualifier, phrase, atom, lex),
        is_change=atom.change or _is_change(sentence, qualifier_start, end, unit, text, gram),
    )


def _is_share(atom: Atom, text: str, qualifier_phrase: str, lex: Lexicon) -> bool:
    """ "two thirds of voters", "more than half", "one in five": a share, in percent.
    Without "of" or a bound or approximation a fraction is just a number ("one
    eighth", "exactly one sixth")."""
    written = text[atom.start : atom.end].lower()
    if (qualifier_phrase and qualifier_phrase not in lex.exact_words) or " in " in written:
        return True
    if written == "half":
        return True
    return _OF_FOLLOWS.match(text, atom.end, atom.end + 8) is not None


def _plain_fraction(atom: Atom) -> Atom:
    return atom._replace(
        value=atom.value / 100, rounding=0.0, unit="count", kind="count", fixed_interval=None
    )


def _range_figure(
    first: Atom, second: Atom, document: Document, index: TextIndex, gram: Grammar
) -> Figure:
    """`between 20 and 30 percent`, `10-15 million tonnes`: the unit and scale of the
    second end apply to the first when it has none."""
    low, high = first.value, second.value
    if not first.has_scale and second.has_scale and abs(low) < abs(high):
        factor = second.value / _unscaled(second, document.text)
        low *= factor
    low, high = min(low, high), max(low, high)
    rounding = max(first.rounding, second.rounding)
    text = document.text
    window_start = max(document.body_start, first.start - _CONTEXT)
    opener = _qualifier_before(gram, text[window_start : first.start])
    qualifier_start = window_start + opener.start if opener else first.start
    sentence = index.sentence_span(first.start)
    return _figure(
        document,
        index,
        sentence,
        start=first.start,
        end=second.end,
        value=(low + high) / 2,
        unit=second.unit,
        kind=second.kind,
        qualifier="range",
        low=low,
        high=high,
        interval=(low - rounding, high + rounding),
        is_change=_is_change(sentence, qualifier_start, second.end, second.unit, text, gram),
    )


def _unscaled(atom: Atom, text: str) -> float:
    """The value of an atom before its multiplier ("15 million" -> 15)."""
    number = _FIRST_DIGITS.match(text, atom.start, atom.end)
    if not number:
        return atom.value
    try:
        return float(number.group(1).replace(",", "")) or atom.value
    except ValueError:
        return atom.value


def _stated_bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier in ("gt", "ge"):
        return value, None
    if qualifier in ("lt", "le"):
        return None, value
    return value, value


def _counted_words(after: str, lex: Lexicon) -> int:
    """Length of the counted noun phrase at the start of `after` ("Russian companies")."""
    end = 0
    for words in range(1, 4):
        match = _WORD_AHEAD.match(after, end)
        if match is None:
            break
        word = match.group(1)
        lowered = word.lower()
        if (
            lowered in lex.noun_stops
            or lowered in lex.change_nouns
            or (len(lowered) > 4 and lowered.endswith(("ed", "ly")))
            or (lowered.rstrip(".") in lex.months and word[:1].isupper())
        ):
            break
        end = match.end()
        if words == 3 or (lowered.endswith("s") and not lowered.endswith("ss")):
            break
    return end


def _percent_context(sentence: tuple[int, int], text: str) -> bool:
    """Points are percentage points in a sentence about percentages, before or
    after them: "rose 1.5 points to 10.7%", "from 12% ... up 2 points"."""
    words = text[sentence[0] : sentence[1]].lower()
    return "%" in words or "percent" in words or "per cent" in words


def _is_change(
    sentence: tuple[int, int], start: int, end: int, unit: str, text: str, gram: Grammar
) -> bool:
    """A change (rose by 34%, a 44% decline, inflation of 85%) rather than a level.
    `start` is where the figure's qualifier starts: the words before it decide;
    `sentence` is the span of the sentence that holds it."""
    sentence_start, sentence_end = sentence
    before = text[max(sentence_start, start - _CONTEXT) : start]
    if gram.change_before.match(before):
        return True
    if gram.change_after.match(text, end, min(sentence_end, end + _CONTEXT)):
        return True
    return (
        unit == "percent" and gram.rate_words.search(text, sentence_start, sentence_end) is not None
    )


def _figure(
    document: Document, index: TextIndex, sentence: tuple[int, int], **fields: object
) -> Figure:
    start, end = fields["start"], fields["end"]
    assert isinstance(start, int) and isinstance(end, int)
    line, column = index.line_column(start)
    clip_start, clip_end = _clip(sentence, start, end)
    return Figure(
        doc=document.id,
        line=line,
        column=column,
        text=document.text[start:end],
        sentence=document.text[clip_start:clip_end],
        sentence_start=clip_start,
        **fields,  # type: ignore[arg-type]
    )


def _clip(sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence, or the `SENTENCE_LIMIT` characters of it around the figure: a
    text without sentence ends must not copy itself into every figure."""
    low, high = sentence
    if high - low <= SENTENCE_LIMIT:
        return low, high
    room = max(SENTENCE_LIMIT - (end - start), 0)
    clip_start = max(low, start - room // 2)
    clip_end = min(high, clip_start + max(SENTENCE_LIMIT, end - start))
    return max(low, clip_end - max(SENTENCE_LIMIT, end - start)), clip_end
