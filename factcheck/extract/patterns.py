"""The extractor's grammar: regular expressions compiled once from the lexicon.

One alternation, tried at each place where `starts` says a figure may
begin, reads what is there: a `skip` branch swallows what only looks like a figure (dates, times, IP
addresses, ordinals, decades), an `atom` branch reads an amount with its
currency, multiplier and unit. Everything that needs judgement about the
words around an atom happens afterwards, once per atom, never per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from factcheck.extract.backward import BackwardPattern, backward, backward_phrases
from factcheck.extract.lexicon import Lexicon, lexicon

#: A letter, spelled for the standard `re` engine, which has no \p{L}: a word
#: character that is not a digit, an underscore or a number form ("²", "½").
L = r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218f\u2460-\u24ff]"
#: The end and the start of a word, for the same reason: `re`'s \b takes
#: "½" for a letter.
WORD_END = rf"(?!{L}|[\d_])"
WORD_START = rf"(?<!{L})(?<![\d_])"


def _not_after(pattern: str, widths: range, space: str = r"\s") -> str:
    """Not right after `pattern` (of fixed width) and a run of `space` of one
    of the `widths`: `re` takes only fixed-width look-behinds, so one each."""
    return "".join(rf"(?<!{pattern}{space}{{{n}}})" for n in widths)


def alternation(words: Iterable[str], *, ignore_case: bool = True, space: str = r"\s+") -> str:
    """A non-capturing group matching any of `words`, longest first.

    Spaces inside a phrase match `space`, by default any run of whitespace,
    so "per  cent" across a line break still reads. The words are laid out as a trie
    ("t(?:en|hree|wo)"): the engine then rejects a word on its first
    letters instead of trying every entry in turn, and the greedy optional
    tails still try the longest word first.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    body = _trie_pattern(trie, space)
    if not ignore_case:
        return f"(?:{body})"  # the engine checks each branch's first letter itself
    # Case-insensitive branches are each entered and left: one look at the
    # first letter first makes a miss cheap.
    firsts = "".join(sorted({re.escape(char) for char in trie}))
    return f"(?i:(?=[{firsts}]){body})"


def _trie_pattern(node: dict[str, dict], space: str) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _trie_pattern(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:  # a word ends here: the longer words are an optional tail
        return f"(?:{body})?"
    return body


@dataclass(frozen=True, slots=True, eq=False)
class Grammar:
    """Compiled patterns; see `grammar()`."""

    lead: BackwardPattern  # currency or sign before a digit candidate
    master: re.Pattern[str]  # the standard engine: several times faster on this pattern
    bare_cents: re.Pattern[str]  # coins after a currency name, without their own name
    metre_after: re.Pattern[str]  # "1.8m tall", "2.1 m above": words that make "m" metres
    qualifier_before: BackwardPattern
    bound_after: re.Pattern[str]
    range_join: re.Pattern[str]
    bound_join: re.Pattern[str]
    range_to_number: re.Pattern[str]
    word_before: BackwardPattern
    article_time_reference: re.Pattern[str]
    rate_words: re.Pattern[str]  # searched over whole sentences: the faster engine
    change_before: BackwardPattern
    change_verb: re.Pattern[str]
    change_after: re.Pattern[str]
    list_marker_line: re.Pattern[str]


def _cased(words: Iterable[str]) -> list[str]:
    """Each word as news writes it: lower case, Title case and UPPER case."""
    return [form for w in words for form in (w.lower(), w.capitalize(), w.upper())]


def _unit_alternation(lex: Lexicon) -> str:
    """Unit words; abbreviations listed as exact-case keep their case."""
    exact = [w for w in lex.units if w in lex.exact_case_units]
    loose = [w for w in lex.units if w not in lex.exact_case_units]
    # the loose words first: "km/h" is longer than the exact "km" it starts with
    return f"(?:{alternation(loose)}|{alternation(exact, ignore_case=False)})"


@cache
def grammar() -> Grammar:
    """Compile every pattern once per process."""
    lex = lexicon()
    cardinal = alternation(lex.cardinals)
    units_word = alternation(w for w, v in lex.cardinals.items() if 0 < v < 10)
    tens_word = alternation(w for w, v in lex.cardinals.items() if v >= 20)
    teen_or_unit = alternation(w for w, v in lex.cardinals.items() if 0 < v < 20)
    cardinal_compound = rf"(?:{tens_word}(?:\s*[\-‐]\s*|\s+){units_word}(?!{L})|{cardinal})"
    big_scale = alternation(lex.scales)
    fraction = alternation(lex.fractions)
    sign_word = rf"(?:{alternation(lex.negative_words)}\s+)?"
    # Denominators named by ordinals made from the cardinals, only after a
    # numerator: "one twenty-fifth", "three thirtieths", "a twenty-first".
    # A singular one before a word is an ordinal ("a twentieth anniversary").
    joiner = r"[\s\-\u2010]+"  # space or hyphen between the words of a number
    unit_ordinal = alternation(w for w, v in lex.ordinals.items() if v < 10)
    big_ordinals = [w for w, v in lex.ordinals.items() if v > 10]
    ordinal_end = rf"(?!{L}|\d|[\-\u2010]{L}|\s+(?!(?i:of)(?!{L})){L})"
    ordinal_fraction = (
        rf"(?:{tens_word}{joiner}{unit_ordinal}|{alternation(big_ordinals)}){ordinal_end}"
    )
    # With hundreds, after a one-word numerator: "one one-hundredth", "one
    # one hundred and fifth" (but "one hundred fifth" is an ordinal).
    hundred_ordinal = (
        rf"{units_word}{joiner}(?:(?i:hundred)(?:\s+(?i:and))?{joiner}"
        rf"(?:{tens_word}{joiner}{unit_ordinal}|{unit_ordinal}|{alternation(big_ordinals)})"
        rf"|{alternation(w for w, v in lex.fractions.items() if v < 0.1)}){ordinal_end}"
    )
    plural_ordinals = [w for w in lex.ordinals if w.endswith("s")]
    unit_ordinal_plural = alternation(w for w in plural_ordinals if lex.ordinals[w] < 10)
    big_ordinal_plural = alternation(w for w in plural_ordinals if lex.ordinals[w] > 10)
    ordinal_plural = rf"(?:{tens_word}{joiner}{unit_ordinal_plural}|{big_ordinal_plural})(?!{L})"
    # The first word of any denominator: one quick look before trying each form.
    leading = [w for w, v in lex.cardinals.items() if 0 < v < 10 or v >= 20]
    denominator_start = alternation([*lex.fractions, *big_ordinals, *leading])
    # After "hundred", "and three quarters" is a fraction of its own; without
    # "and", "thirty fifths" is the denominator ("one hundred thirty-fifths").
    group = (
        rf"{cardinal_compound}(?:[\s\-]+(?i:hundred)"
        rf"(?:(?:\s+(?i:and)[\s\-]+(?!{teen_or_unit}{joiner}(?:{fraction}|{ordinal_fraction}))"
        rf"|[\s\-]+(?!{ordinal_plural})){cardinal_compound})?)?"
    )
    fraction_plural = alternation(w for w in lex.fractions if w.endswith("s"))
    fraction_tail = (
        rf"\s+(?i:and)\s+(?:{teen_or_unit}|(?i:an?)){joiner}"
        rf"(?:{fraction}(?!{L})|{ordinal_fraction})"
    )
    word_number = (
        rf"{sign_word}(?:{group}|(?i:an?)(?=\s+{big_scale}))"
        rf"(?:[\s\-]+{big_scale}(?:(?:\s+(?i:and))?[\s\-]+(?!(?i:an?\s)|{cardinal}[\s\-]+{fraction}){group})?)*"
        rf"(?:\s+(?i:point)(?:\s+{cardinal_compound})+)?"
        rf"(?:{fraction_tail}(?:\s+{big_scale}(?!{L}))?|{joiner}{fraction_plural}(?!{L})"
        rf"|{joiner}{ordinal_plural})?"
    )
    # A fraction written with "over": "one over three", "1 over 20". Only a
    # bare pair at the end of a phrase, so that "5 over 10 years" stays a bound.
    ratio_side = rf"(?:{group}|\d+(?:\.\d+)?(?![\d,]))"
    ratio = rf"{sign_word}{ratio_side}\s+(?i:over)\s+{ratio_side}(?!\s*(?:{L}|[\d%$€£])|[.,]\d)"
    # Digits with scale words, as some write a number out: "4 thousand 3 hundred
    # and 21", "6 crore and two hundred". A further part carries its own scale
    # word, or follows "and" with at most "hundred" (so that "2 million and 3
    # million" stays two numbers, and "between 3 hundred and 400" a range).
    small = rf"(?:\d{{1,3}}(?![\d,.])|{cardinal_compound})"
    mixed = (
        rf"{_not_after('(?i:between)', range(1, 5))}\d{{1,3}}[\s\-]+{big_scale}(?!{L})"
        rf"(?:\s+{small}[\s\-]+{big_scale}(?!{L})"
        rf"|\s+(?i:and)\s+(?!0(?!\d)){small}(?![\s\-]+{big_scale})"
        rf"|(?<!(?i:hundred))\s+(?i:and)\s+{small}[\s\-]+(?i:hundred)(?![\s\-]*{L}))+"
    )
    share = (
        rf"(?:(?:{teen_or_unit}|(?i:an?)){joiner}(?={denominator_start})"
        rf"(?:{fraction}|{ordinal_fraction}|{hundred_ordinal})"
        rf"|(?i:half)"
        rf"|(?:{cardinal}|\d+)\s+(?i:in)\s+(?:{cardinal_compound}|\d+)(?![\d,.]\d))"
        rf"(?!\s+(?:(?i:of\s+)?(?i:an?\s+))?{big_scale})"
    )
    scaled_fraction = (
        rf"(?:(?:{teen_or_unit}|(?i:an?))[\s\-‐]+)?{fraction}"
        rf"(?:\s+(?i:of))?(?:\s+(?i:an?))?\s+{big_scale}(?!{L})"
    )
    collective = (
        rf"(?:(?:\d+|{cardinal}|(?i:an?)|(?i:half\s+a))\s+"
        rf"{alternation(lex.collectives)}(?!{L}))"
    )
    vague_scaled = [w for w in lex.vague if not w.endswith("s")]
    vague = (
        rf"(?:{alternation(vague_scaled)}(?:\s+(?:{big_scale}|(?i:dozen)))?"
        rf"|{alternation(w for w in lex.vague if w.endswith('s'))}(?=\s+(?i:of){WORD_END})"
        rf"|(?i:tens\s+of\s+(?:thousands|millions|billions))(?=\s+(?i:of){WORD_END}|\s+{L})"
        rf"|(?i:hundreds\s+of\s+(?:thousands|millions))(?=\s+(?i:of){WORD_END}|\s+{L}))"
    )
    time_units = [w for w, u in lex.units.items() if u.duration]
    article_time = rf"(?i:an?)(?=\s+{alternation(time_units)}{WORD_END})"
    multiplying = alternation(lex.multiplying_verbs)
    # "per cent of 210": a phrase of its own, nothing but punctuation around it.
    percent_first = alternation(lex.percent_first)
    word_or_number, blank = rf"(?:{L}|[\d,%\-])", r"[ \t]"
    percent_of = (
        rf"(?=[pP]){_not_after(word_or_number, range(4), blank)}{percent_first}\s+(?i:of)\s+"
        rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{group})(?=[ \t]*(?:[.,;:!?)\]\n]|\Z))"
    )

    vulgar = alternation(lex.vulgar_fractions, ignore_case=False)
    digits = (
        rf"(?:\d*{vulgar}"
        r"|\d+(?:\.\d+)?(?:\s?[x\u00d7]\s?\d+)?\^[-\u2212+]?\d+(?![\d.])"
        r"|\d+(?:\.\d+)?\s?[x\u00d7]\s?10[-\u2212]\d+(?![\d.])"
        r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![,.]?\d)"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,.]?\d)"
        r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,.]?\d)"
        r"|\d+,\d{1,2}(?=\s?%)"
        r"|(?:\d+\s+)?\d{1,2}/\d{1,2}(?![/\d])"
        rf"|\d+(?:\.\d+)?[eE][-+]?\d+(?!{L})"
        r"|\d+(?:\.\d+)?"
        rf"|(?<!{L})(?<!\d)(?<!\d\s)\.\d+)"  # "75 -300mm", "3 .5" keep their sign or point apart
    )
    attached_scale = alternation(lex.abbreviated_scales, ignore_case=False)
    spaced_scale = alternation((w for w in lex.abbreviated_scales if len(w) > 1), ignore_case=False)
    spaced_letter = alternation(lex.spaced_scales, ignore_case=False)  # "2.33 k." at the end
    # The point of "bln." unless it also ends the sentence ("$46.5 bln. Exports ...").
    scale_point = r"(?:\.(?![ \t]*(?:\n|\Z)|[ \t]+[\"“‘(]?[A-Z]))?"
    scale = (
        rf"(?:(?<=\d){attached_scale}{scale_point}(?!{L})|\s?{spaced_scale}{scale_point}(?!{L})"
        rf"|\s+{big_scale}(?!{L})"
        rf"|(?<=\d)[ \t]+{spaced_letter}(?=[ \t]*(?:[.,;:!?)\]\n]|\Z)))"
    )
    symbols = alternation(lex.currency_symbols, ignore_case=False)
    codes = alternation([*lex.currency_codes, *lex.scaled_codes], ignore_case=False)
    names = alternation(lex.currency_names)
    unit_words = _unit_alternation(lex)
    unit = rf"(?:{unit_words}|{names}|{codes}|{symbols}|(?i:fold|times)(?!{L}))"
    time_suffixes = alternation(lex.time_suffixes)
    months = alternation(
        [m.capitalize() for m in lex.months] + [m.upper() for m in lex.months], ignore_case=False
    )
    # What may stand before a digit and still belong to its figure: a
    # currency sign or code, a sign, a decimal point ("US$ 2", "-5", ".5").
    currency_prefixes = [*lex.currency_symbols, *lex.currency_codes, *lex.scaled_codes]
    lead = backward(
        rf"\.?(?:[-−+]|\s+{backward_phrases(lex.negative_words)})?"
        rf"(?:\s?{backward_phrases(currency_prefixes, ignore_case=False)})?"
    )

    # Not after a word and a hyphen ("COVID-19"), unless a number and at most
    # four letters make the word ("5km-10"): one look-behind for each length.
    hyphen = r"[\-\u2010]"
    not_after_word_hyphen = (
        rf"(?:(?<!{L}{hyphen})" + "".join(rf"|(?<=\d{L}{{{n}}}{hyphen})" for n in range(1, 5)) + ")"
    )
    # Coins after a currency name or code without their own name: "15 dollars
    # 50", "EUR 12 and 50". `re` cannot look back at the unit matched before,
    # so the atom reader tries this after a currency.
    bare_cents = (
        rf"(?:\s+(?i:and))?\s+(?:\d{{2}}|{cardinal_compound})"
        rf"(?![\s\-]*(?!(?i:and)\s)(?:{L}|[\d%$€£])|[.,]\d|{L}|\d)"
    )
    body = rf"""
        (?:(?P<skip>
            \d{{4}}-\d{{1,2}}-\d{{1,2}}(?!\d)
          | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}(?!\d)
          | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s?{time_suffixes}(?!{L}))?
          | \d{{1,2}}(?:[.:]\d{{2}})?\s?{time_suffixes}(?!{L})
          | \d+(?:\.\d+){{2,}}
          | \d+(?i:st|nd|rd|th)(?!{L})
          | ['’]?\d{{2,4}}['’]?s(?!{L})
          | {months}\.?\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?(?!\d)
          | \d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{months}(?!{L})
          | \+\d{{1,3}}(?:[-\s.]\d{{2,4}}){{2,}}
          | \d{{3}}-\d{{3,4}}-\d{{4}}
        )
      | (?<!{L})(?<![\d.,/]){not_after_word_hyphen}
        (?P<atom>
            (?:(?P<prefix>{symbols}|{codes})\s?(?=[-−+]?\d))?
            (?P<number>
                (?P<ratio>{ratio})
              | (?P<percent_of>{percent_of})
              | (?P<collective>{collective})
              | (?P<mixed>{mixed})
              | (?P<sign>(?<!\d\s)[-\u2212+](?=\d)|{sign_word}(?=\d))?(?P<digits>{digits})
              | (?P<scaled_fraction>{scaled_fraction})
              | (?P<share>{share})
              | (?P<vague>{vague})
              | (?P<words>{word_number})(?![\-‐](?!{unit_words}|{names}){L})
              | (?P<article>{article_time})
              | (?P<multiplying>{multiplying})
            )
            (?P<scale>{scale})?
            (?P<tail>{fraction_tail})?
            (?:[\s\-‐]?(?P<unit>{unit}))?
            (?P<unit_tail>{fraction_tail})?
            (?P<unit_scale>(?<=[A-Z]{{3}})\s+{big_scale}(?!{L}))?
            (?P<cents>
                (?:\s+(?i:and))?\s+(?:\d{{1,2}}|{cardinal_compound})\s+{alternation(lex.subunits)}(?!{L})
            )?
        )
        (?!{L}|\d))
    """
    qualifier_words = [*lex.exact_words, *lex.approx, *lex.bounds, *lex.range_openers]
    # Phrases that end a window of context are matched backwards (see
    # `backward`): "more than [of] ", read from its end.
    qualifier_before = backward(
        rf"(?:\s+(?i:fo))?\s+(?P<q>{backward_phrases(qualifier_words)})(?!{L})", "q"
    )
    bound_after = re.compile(
        rf"[\s\-]*(?P<q>{alternation(lex.bounds_after)})(?!{L})(?!\s+(?i:than|or\s+equal){WORD_END})"
    )
    joins = alternation(lex.range_joins)
    master = re.compile(body, re.VERBOSE)
    return Grammar(
        lead=lead,
        master=master,
        bare_cents=re.compile(bare_cents),
        metre_after=re.compile(
            rf"(?P<spaced>[ \t]+m)?\s*(?:{alternation(lex.metre_after)}){WORD_END}", re.IGNORECASE
        ),
        qualifier_before=qualifier_before,
        bound_after=bound_after,
        range_join=re.compile(rf"[\-\u2010]?\s*(?P<join>{joins})\s*$"),
        range_to_number=re.compile(rf"\s*(?:{joins})\s*(?:{symbols}\s?)?(\d[\d,]*)(?![\d.])"),
        bound_join=re.compile(rf"\s*,?\s*(?:{alternation(lex.bound_joins)}\s+)?"),
        word_before=backward(rf"\(?[ \t]*(\.?(?:{L}|['’\-])*{L})", 1),
        article_time_reference=re.compile(
            rf"[ \t]+(?:{L}+[ \t]+)?{alternation(lex.article_time_references)}{WORD_END}"
        ),
        rate_words=re.compile(rf"{WORD_START}{alternation(lex.rate_words)}{WORD_END}"),
        change_before=backward(  # "rose [sharply ...] by", "an increase of"
            rf"\s*(?:(?i:yb)\s+(?:(?:{L}|['’\-])+\s+){{0,4}}?)?"
            rf"{backward_phrases(lex.change_verbs)}(?!{L})"
            rf"|\s*(?i:fo|yb)\s+{backward_phrases(lex.change_nouns)}(?!{L})"
        ),
        change_verb=re.compile(rf"(?<!{L}){alternation(lex.change_verbs)}(?!{L})"),
        change_after=re.compile(
            rf"(?:[\s\-]+(?!(?i:of|in|at|to|for){WORD_END})(?:{L}|\-)+){{0,2}}?"
            rf"[\s\-]+{alternation(lex.change_nouns)}(?!{L})"
            rf"|\s+{alternation(lex.comparatives)}\s+(?:the\s+|a\s+|an\s+)?(?!\d){L}"
        ),
        list_marker_line=re.compile(r"[\s\-–—•*·.)(\[\]#]*"),
    )
