"""Names folded for comparison across articles: one key for every spelling of a name.

Needs nothing but the name's text. Gives `name_key` (case, diacritics, hyphens, Arabic
al-/el- particles, dots in acronyms, a leading "the" and a possessive folded away),
`core_name` (a descriptive premodifier or apposition cut off: "the Palestinian group
Hamas" is Hamas), `surname` and `acronym` (initials of a multi-word name), and a small
table of the common short forms of countries and international bodies, which no rule
derives ("Britain" for the United Kingdom, "America" for the United States).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Particles that Arabic (and some other) names write joined, hyphenated or apart:
# "Al-Ansari", "al Ansari", "Ansari" are one surname.
PARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az"})
# Lower-case words that belong inside a name ("Bank of England", "Abu al Walid")
# rather than describing it.
CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "da", "di", "del", "der",
                        "la", "le", "van", "von", "bin", "ibn", "bint", "abu", "on", "in",
                        "at", "&", "y", "e"}) | PARTICLES
# Titles written before a person's name in news copy.
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "president",
                    "prime", "minister", "secretary", "senator", "sen", "rep", "gen",
                    "general", "col", "lt", "sheikh", "king", "queen", "prince",
                    "princess", "pope", "chancellor", "spokesman", "spokeswoman",
                    "ambassador", "envoy", "judge", "governor", "mayor", "chief", "foreign",
                    "defence", "defense", "deputy", "former", "vice", "rabbi", "imam"})
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "president", "senator", "sen",
                           "rep", "sheikh", "pope", "rabbi", "imam"})
ARTICLES = frozenset({"the", "a", "an"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Short forms no rule derives. Keys on both sides are already folded by `_fold`.
ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "un": "united nations", "eu": "european union", "uae": "united arab emirates",
    "ussr": "soviet union", "prc": "china", "people's republic of china": "china",
    "drc": "democratic republic of the congo", "holland": "netherlands",
    "the netherlands": "netherlands", "nato": "north atlantic treaty organization",
    "who": "world health organization", "imf": "international monetary fund",
    "icc": "international criminal court", "icj": "international court of justice",
}
# Acronyms that stand for a word inside longer names ("UN Security Council").
WORD_ALIASES = {"un": "united nations", "us": "united states", "uk": "united kingdom",
                "eu": "european union"}
_ACRONYM_DOTS = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
# An apposition follows the name (to the end, line breaks too); a mark that opens the
# text starts no apposition, or "(0(0" would lose all but its key's own apposition.
_APPOSITION = re.compile(r"(?<=\S)\s*(?:,|\(|\[|—|–).*$", re.DOTALL)


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """The comparison key of a name: "the U.S." -> "united states", "Majed Al-Ansari"
    -> "majed ansari", "Hamas's" -> "hamas". Remembered per process: a story's pages and
    its linking fold the same few hundred names over and over."""
    # Compatibility forms first ("⑴" is "(1)"): the key folds them anyway, and an
    # apposition they hide must go now, not when the key is keyed again.
    words = _words(core_name(unicodedata.normalize("NFKC", name)))
    words = [w for w in words if w not in PARTICLES] or words
    # A letter folded from an accented one can fold into an article ("À" -> "a"); drop
    # it here too, so that a key is its own key.
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    joined = " ".join(words)
    return ALIASES.get(joined, joined)


def core_name(name: str) -> str:
    """The name without what describes it: a leading article ("The", "An"), lower-case
    premodifiers ("the Palestinian group Hamas" -> "Hamas"), an apposition ("Hamas, the
    group that" -> "Hamas"), a title ("President Joe Biden" -> "Joe Biden") or a
    possessive."""
    text = _APPOSITION.sub("", unicodedata.normalize("NFC", name).strip())
    text = _POSSESSIVE.sub("", text.strip())
    tokens = text.split()
    described = [i for i, t in enumerate(tokens) if _is_describing_word(t)]
    if described and described[-1] < len(tokens) - 1 and tokens[described[-1] + 1][:1].isupper():
        tokens = tokens[described[-1] + 1:]
    while len(tokens) > 1 and (_is_title(tokens[0], len(tokens))
                               or tokens[0].casefold() in ARTICLES):
        tokens = tokens[1:]
    return " ".join(tokens) or name.strip()


def _is_title(token: str, words: int) -> bool:
    """A title before a name: always for "Mr", "President" ..., for other titles
    ("General", "Chief") only when a first and a last name follow ("General Motors")."""
    word = token.strip(".").casefold()
    return word in PERSON_TITLES or (word in TITLES and words > 2)


def _is_describing_word(token: str) -> bool:
    """A lower-case word that is not part of a name ("group", "militant")."""
    return token[:1].islower() and token.casefold().strip(".,") not in CONNECTORS


def _words(name: str) -> list[str]:
    text = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", ""), name)
    folded = _fold(text)
    words = [w.strip(".,;:'\"()") for w in _SEPARATORS.split(folded)]
    words = [w for w in words if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    if len(words) > 1:  # "UN Security Council" is the United Nations Security Council
        # Only a word that has an alias is looked for in capitals: a pattern is compiled
        # for each word looked for, and a story folds thousands of names.
        words = " ".join(WORD_ALIASES[w] if w in WORD_ALIASES and _upper_in(name, w) else w
                         for w in words).split()
    return words


def _upper_in(name: str, word: str) -> bool:
    """Whether `word` is written in capitals in `name` (so "US" but not "us")."""
    return re.search(rf"\b{re.escape(word.upper())}\b", name) is not None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("’", "'").replace("‘", "'").casefold()


def surname(name: str) -> str | None:
    """The last word of a person's key, or None for a one-word name."""
    words = name_key(name).split()
    return words[-1] if len(words) > 1 else None


def acronym(name: str) -> str | None:
    """Initials of the capitalised words of a multi-word name ("Israel Defense Forces"
    -> "idf"), or None when the name has fewer than two such words."""
    words = [w for w in _SEPARATORS.split(core_name(name))
             if w[:1].isupper() and w.casefold() not in CONNECTORS]
    if len(words) < 2:
        return None
    # an acronym inside the name counts with all its letters: "UN Security Council" -> unsc
    return "".join(w if is_acronym(w) else w[0] for w in words).casefold()


def is_acronym(name: str) -> bool:
    """A name written as capitals only ("IDF", "U.N."), two to six letters."""
    letters = core_name(name).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
