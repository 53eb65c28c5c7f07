"""Where, or within what, a figure holds: "in Lyon", "across Bavaria", "nationwide".

A figure for one city and one for the whole country are different claims,
so the scope is read from the figure's sentence: a named place after "in"
or "across" (nearest the figure), a phrase that says the whole country
("nationwide", "across the country"), or a group from `words.toml` ("in
rural areas"). A place where something was said ("told reporters in
Minsk") is not a scope.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.attribute.measure import measures
from factcheck.attribute.vocabulary import Vocabulary, vocabulary
from factcheck.attribute.when import marks, time_words
from factcheck.extract.patterns import alternation
from factcheck.model import Figure

NATIONWIDE = "nationwide"
#: How far from the figure a scope may stand: "unemployment in Lyon rose to
#: 9.1%"; a place further off in a long sentence qualifies something else.
_REACH = 60
_NAME = r"[A-Z][\w\-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w\-]*){0,3}(?!['’\w])"


@cache
def _pattern() -> re.Pattern[str]:
    words = vocabulary().scope
    phrases = words["nationwide"] + words["groups"]
    heads = "|".join(re.escape(w) for w in words["place_heads"])
    prepositions = "|".join(re.escape(w) for w in words["prepositions"])
    directions = "|".join(re.escape(w) for w in words["directions"])
    place = re.compile(
        rf"\b(?i:{prepositions})\s+(?:the\s+)?(?:(?:{directions})\s+)?"
        rf"(?P<name>{_NAME}(?:\s+(?:{heads})\b)?)"
        rf"|\b(?i:the\s+)?(?:{heads})\s+of\s+(?P<head_of>{_NAME})"
        rf"|\b(?P<national>national)\s+(?P<measured>[a-z][\w\-]*)"
        rf"|\b(?i:{prepositions})\s+(?P<group>{alternation(phrases, ignore_case=False)})\b"
        rf"|\b(?P<nationwide>{alternation(phrases)})\b"
    )
    return place


@cache
def _nationwide_and_calendar() -> tuple[frozenset[str], frozenset[str]]:
    """The phrases that say the whole country, and the month and weekday names
    that are never a place ("in January-October")."""
    nationwide = frozenset(" ".join(w.split()) for w in vocabulary().scope["nationwide"])
    calendar = frozenset(time_words().months) | frozenset(time_words().weekdays)
    return nationwide, calendar


def scope_of(figure: Figure, subject: str = "", source: str = "") -> str:
    """The scope named nearest the figure, or "" when the sentence names none."""
    sentence = figure.sentence
    at = figure.start - figure.sentence_start
    end = at + len(figure.text)
    words = vocabulary()
    nationwide, calendar = _nationwide_and_calendar()
    best: tuple[int, str] | None = None
    for mark in marks(_pattern(), sentence):
        if at <= mark.start() < end or mark.start() > end + _REACH or mark.end() < at - _REACH:
            continue
        previous = sentence[max(0, mark.start() - 16) : mark.start()].split()
        if previous and previous[-1].lower().strip(",") in words.scope["not_after"]:
            continue
        scope = _scope(mark, nationwide, calendar)
        if not scope or scope.lower() in (subject.lower(), source.lower()) or scope in source:
            continue
        distance = mark.start() - end if mark.start() >= end else at - mark.end()
        if best is None or distance < best[0]:
            best = (distance, scope)
    return best[1] if best else _possessive(sentence[max(0, at - _REACH) : at], words)


_POSSESSIVE = re.compile(r"\b([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s?\s+((?:[a-z][\w\-]*\s+){0,5})")


def _possessive(before: str, words: Vocabulary) -> str:
    """ "Lyon's unemployment rate is 9%": the place whose figure it is (the last
    possessive before the figure)."""
    found = None
    for match in _POSSESSIVE.finditer(before):
        found = match
    if found is None or not found.group(2) or found.end() != len(before.rstrip()) + 1:
        return ""  # "Putin's four-hour talks": the possessive qualifies the figure itself
    if set(found.group(2).split()) & set(words.scope["possessive_holds"]):
        return ""
    return found.group(1)


def _scope(mark: re.Match[str], nationwide: frozenset[str], calendar: frozenset[str]) -> str:
    if mark.group("national"):
        # "the national unemployment rate", not "a day of national mourning"
        return NATIONWIDE if mark.group("measured") in measures().canonical else ""
    if mark.group("name") or mark.group("head_of"):
        name = mark.group("name") or mark.group("head_of")
        if re.split(r"[\s\-–]", name)[0].lower() in calendar:
            return ""  # "in January-October": a period, not a place
        return name
    phrase = " ".join((mark.group("group") or mark.group("nationwide")).lower().split())
    if phrase in nationwide:
        return NATIONWIDE
    return phrase
