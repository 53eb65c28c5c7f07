"""Every currency in use, as news writes it: ISO 4217 codes, symbols and names.

The list comes from the Unicode CLDR through babel, so it stays current as
currencies come and go (it knows the Sierra Leonean leone of 2022 and the
Caribbean guilder of 2025); `extract/lexicon/currencies.toml` adds what CLDR
does not say of news English ("bln rubles", "US$", "$" as the US dollar)
and wins where the two differ. A currency's last name word is taken alone
("600 million koruna") only when no other current currency shares it and it
is no English word of its own (the table's `[not_alone]`).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

#: The day whose legal tender counts as current: fixed, so runs are repeatable.
CURRENT_ON = date(2026, 1, 1)


@dataclass(frozen=True, slots=True)
class CurrencyWords:
    """Word -> ISO code, by how the word is written next to an amount."""

    symbols: dict[str, str]  # "$", "€", "R$": matched with their case
    codes: dict[str, str]  # "USD", "CZK": matched with their case
    names: dict[str, str]  # "czech koruna", "koruna", "euros": lower case


@cache
def currency_words() -> CurrencyWords:
    """CLDR's current currencies under the hand table's words; built once."""
    path = resources.files("factcheck.extract").joinpath("lexicon", "currencies.toml")
    table = tomllib.loads(path.read_text("utf-8"))
    not_alone = frozenset(table.pop("not_alone")["words"])
    symbols: dict[str, str] = {}
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    cldr = _cldr_names()
    alone = Counter(name.split()[-1] for found in cldr.values() for name in found)
    for code, found in cldr.items():
        codes[code] = code
        for name in found:
            names.setdefault(name, code)
            last = name.split()[-1]
            if alone[last] == 1 and last not in not_alone:
                names.setdefault(last, code)
        symbol = _cldr_symbol(code)
        if symbol and symbol != code:
            symbols.setdefault(symbol, code)
    for code, entry in table.items():  # the hand table wins
        symbols |= dict.fromkeys(entry["symbols"], code)
        codes |= dict.fromkeys(entry["codes"], code)
        names |= {name.lower(): code for name in entry["names"]}
    return CurrencyWords(symbols, codes, names)


def currency_codes() -> frozenset[str]:
    """Every ISO code a figure's unit may be."""
    return frozenset(currency_words().codes.values())


def _cldr_names() -> dict[str, tuple[str, ...]]:
    """Each current currency's English names, singular and plural, lower case."""
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    current: set[str] = set()
    for territory in Locale("en").territories:
        current |= set(get_territory_currencies(territory, CURRENT_ON, tender=True))
    return {
        code: tuple(
            dict.fromkeys(
                get_currency_name(code, count=count, locale="en").lower() for count in (1, 2)
            )
        )
        for code in sorted(current)
    }


def _cldr_symbol(code: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale="en")
