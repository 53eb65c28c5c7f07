"""What a figure measures and whom it is about, read from its sentence.

The common shapes of news sentences, each a few words of context:
`N% of X`, `N X` (a counted noun), `X rose/fell by N`, `X was/stood at N`,
`S accounts for N of X`. Measures are kept as written for people and
reduced to a key for grouping (`measure_key`): lower case, no
determiners, singular, demonyms as places, so that "the foreign trade of
Belarus", "Belarus's foreign trade" and "Belarusian foreign trade" meet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import regex

from factcheck.attribute.period import period_of
from factcheck.attribute.vocabulary import Vocabulary, vocabulary
from factcheck.extract.lexicon import lexicon
from factcheck.model import Document, Figure

_WORD = regex.compile(r"[\p{L}][\p{L}'’\-]*")
_CLAUSE_BREAK = regex.compile(r"[,;:()\[\]“”\"–—]|\s-\s")
_MAX_WORDS = 5


def attribute_document(document: Document, figures: Sequence[Figure]) -> list[Figure]:
    """The figures with `measure`, `subject` and `period` filled in."""
    vocab = vocabulary()
    return [
        dataclasses.replace(
            figure,
            measure=measure,
            subject=subject_of(figure, document.text, vocab),
            period=period_of(figure, document),
        )
        for figure in figures
        for measure in (measure_of(figure, document.text, vocab),)
    ]


def measure_of(figure: Figure, text: str, vocab: Vocabulary | None = None) -> str:
    """The measure as written: "foreign investment", "Russian companies", "bilateral trade"."""
    vocab = vocab or vocabulary()
    noun = _counted_noun(figure) if figure.kind == "count" else ""
    after = _of_phrase(text, figure.end, vocab)
    if noun:
        return f"{noun} of {after}" if after else noun
    if after:
        return after
    return _noun_after(text, figure.end, vocab) or _noun_before_verb(text, figure, vocab)


def subject_of(figure: Figure, text: str, vocab: Vocabulary | None = None) -> str:
    """Who holds the figure when the sentence says so: "Russia accounts for 30 percent"."""
    vocab = vocab or vocabulary()
    clause = _clause_before(text, figure)
    words = _WORD.findall(clause)
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in vocab.share_verbs and words[i - 1][:1].isupper():
            place = _place(words[i - 1], vocab)
            return place.title() if place in vocab.places else words[i - 1]
    return ""


def measure_key(figure: Figure, vocab: Vocabulary | None = None) -> str:
    """A grouping key: content words, singular, places for demonyms, sorted.

    A place alone ("of Belarusians") says what a count counts ("11 Greeks")
    but not what a percentage or an amount measures: for those the key needs
    a word that is not a place, else it is empty.
    """
    vocab = vocab or vocabulary()
    words = [_place(w, vocab) for w in _WORD.findall(figure.measure.lower())]
    content = [_singular(w) for w in words if w not in vocab.stopwords]
    specific = [w for w in content if w not in vocab.generic_people]
    key = sorted(set(specific or content))
    places = set(vocab.places.values())
    if figure.kind != "count" and all(w in places for w in key):
        return ""
    return " ".join(key)


def context_stems(figure: Figure, vocab: Vocabulary | None = None) -> frozenset[str]:
    """Content-word stems of the figure's sentence, for telling related figures apart."""
    vocab = vocab or vocabulary()
    return frozenset(
        _place(w, vocab)[:6]
        for w in _WORD.findall(figure.sentence.lower())
        if w not in vocab.stopwords and len(w) > 2
    )


def is_forecast(figure: Figure, vocab: Vocabulary | None = None) -> bool:
    """The figure is a forecast or estimate, not a reported actual: a forecast
    word before it in its sentence ("was forecast to be 85.6%", "is expected
    to hit 65%") or right after it ("below the 3.6% forecast"); one further
    on qualifies something else ("85.5% in October, below forecast")."""
    vocab = vocab or vocabulary()
    at = max(figure.sentence.find(figure.text), 0)
    head = _WORD.findall(figure.sentence[:at].lower())
    following = _WORD.findall(figure.sentence[at + len(figure.text) :][:24].lower())[:1]
    return any(w in vocab.forecast for w in head + following)


def _counted_noun(figure: Figure) -> str:
    """The words of a count's span after its number ("2,400 Russian companies" ->
    "Russian companies")."""
    lex = lexicon()
    number_words = (
        lex.cardinals.keys() | lex.scales.keys() | lex.collectives.keys() | {"a", "an", "and"}
    )
    words = _WORD.findall(figure.text)
    while words and words[0].lower() in number_words | lex.vague.keys():
        words = words[1:]
    return " ".join(words)


def _of_phrase(text: str, end: int, vocab: Vocabulary) -> str:
    """`of the foreign trade of Belarus` after a figure -> "foreign trade of Belarus"."""
    match = regex.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[end : end + 12])
    if not match:
        return ""
    words: list[str] = []
    tail = text[end + match.end() : end + 120]
    for word_match in regex.finditer(
        r"\G[ \t]*(?:[\p{Sc}]?\d[\d.,]*[ \t]*(?:bln|bn|mln|m|million|billion)?\b)?"
        r"[ \t]*([\p{L}][\p{L}'’\-]*)",
        tail,
    ):
        word = word_match.group(1)
        lowered = word.lower()
        if lowered in vocab.verbs or (lowered in vocab.stopwords and lowered not in ("of", "the")):
            break
        words.append(word)
        if len(words) == _MAX_WORDS:
            break
    while words and words[-1].lower() in ("of", "the"):
        words.pop()
    return " ".join(words)


def _noun_after(text: str, end: int, vocab: Vocabulary) -> str:
    """`$2 bln exports increase` -> "exports increase"; `a 25% stake` -> "stake"."""
    words: list[str] = []
    for match in regex.finditer(r"\G[ \t]+([\p{L}][\p{L}'’\-]*)", text[end : end + 80]):
        lowered = match.group(1).lower()
        if lowered in vocab.stopwords or lowered in vocab.verbs or len(words) == 3:
            break
        words.append(match.group(1))
    return " ".join(words)


def _noun_before_verb(text: str, figure: Figure, vocab: Vocabulary) -> str:
    """`bilateral trade soared by` -> "bilateral trade"; else the last content words before."""
    clause = _clause_before(text, figure)
    words = _WORD.findall(clause)
    verb_at = next(
        (i for i in range(len(words) - 1, -1, -1) if words[i].lower() in vocab.verbs), None
    )
    head = words[:verb_at] if verb_at is not None else words
    phrase: list[str] = []
    for word in reversed(head):
        if word.lower() == "of" and phrase:
            phrase.insert(0, word)  # "exports of potash"
            continue
        if word.lower() in vocab.stopwords:
            if phrase and not all(w.lower() in vocab.parties for w in phrase):
                break
            phrase = []  # "trade between the two countries": the parties are not the measure
            continue
        phrase.insert(0, word)
        if len(phrase) == 5:
            break
    while phrase and phrase[0].lower() == "of":
        phrase.pop(0)
    return " ".join(phrase)


def _clause_before(text: str, figure: Figure) -> str:
    """The words of the figure's sentence before it, back to the last clause break."""
    head = text[max(sentence_start(text, figure), figure.start - 200) : figure.start]
    pieces = _CLAUSE_BREAK.split(head)
    return pieces[-1] if pieces else head


def sentence_start(text: str, figure: Figure) -> int:
    """Offset of the first character of the figure's sentence in `text`."""
    found = text.rfind(figure.sentence, 0, figure.start + len(figure.sentence))
    return found if found >= 0 else figure.start


def _place(word: str, vocab: Vocabulary) -> str:
    lowered = word.lower().replace("’", "'")
    return vocab.places.get(
        lowered, vocab.places.get(lowered.removesuffix("'s"), lowered.removesuffix("'s"))
    )


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
