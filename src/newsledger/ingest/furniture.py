"""Page furniture in text pasted from a news page: what each line is, by general rules.

A line is body text unless a rule here says it is furniture: a share button, a photo
caption or credit, a byline, a date line, a subscription note, a "SOURCE:" line, an
advertisement marker, or the start of the page's tail ("Related topics"). The rules are
written for many outlets and languages, never for one page; each returns what the line
tells about the article (an author, a date, the outlet) so nothing useful is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dateline import dateline_line
from .dates import find_dates

# Share buttons and the networks they name, in the languages of our corpora. A line made
# of nothing else is furniture.
SHARE_WORDS = (
    "share this article", "share this story", "share this", "share on", "share", "tweet",
    "email", "e-mail", "print", "copy link", "copy the link", "link copied", "save",
    "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit", "pinterest",
    "messenger", "flipboard", "bluesky", "threads", "x",
    "bu haberi paylaşın", "haberi paylaş", "paylaş", "partager cet article", "partager",
    "compartir", "compartilhar", "condividi", "artikel teilen", "teilen", "delen",
    "udostępnij", "поделиться", "поділитися", "مشاركة", "شارك", "שתף", "共有", "分享", "공유",
    "bagikan", "dela", "jaa", "sdílet", "विज्ञापन", "साझा करें",
    # navigation and widgets that sit among the share buttons
    "prev", "previous", "next", "menu", "back to top", "url is copied", "link is copied",
    "print this article", "listen", "comment", "comments", "font size", "text size", "(end)",
)
_SHARE_LINE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(w) for w in sorted(SHARE_WORDS, key=len, reverse=True))
    + r")[\s,|·•/:]*)+$",
    re.I,
)
# Lines that mark the start of what follows an article on a page.
TAIL_MARKERS = {
    "related topics", "related", "related articles", "related stories", "related news",
    "related content", "related coverage", "read more", "read also", "see also",
    "more on this story", "more stories", "more from", "you may also like", "recommended",
    "most read", "most popular", "trending", "tags", "topics", "keywords", "comments",
    "top stories", "latest news", "tagged", "filed under", "write a comment",
    "leave a comment", "add a comment", "ilgili konular", "ilgili haberler", "etiketler",
    "à lire aussi", "lire aussi", "sur le même sujet", "mots-clés", "noticias relacionadas",
    "te puede interesar", "etiquetas", "leggi anche", "articoli correlati", "mehr zum thema",
    "auch interessant", "schlagworte", "اقرأ أيضا", "مواضيع ذات صلة", "leia também",
}
ADVERT_LINES = {
    "advertisement", "advertising", "skip advertisement", "continue reading",
    "continue reading the main story", "story continues below advertisement",
    "story continues below", "anzeige", "publicité", "publicidad", "pubblicità", "reklam",
    "sponsored", "sponsored content", "scroll to continue", "listen to this article",
}
_READING_TIME = re.compile(r"^(?:\d+\s*)?min(?:ute)?s?\.?\s+read$|^reading time:?\s*\d+\s*min",
                           re.I)
_CAPTION_CREDIT = re.compile(
    r"(?:(?:^|[\s/|—–-])(?:photo|photograph|image|picture|foto|fotoğraf|credit|video)s?"
    r"\s*(?:by|:|credit:)\s*[^.!?]{1,60}$"
    r"|\((?:photo|image|credit|foto)[^)]{0,60}\)\s*$"
    r"|(?:getty images|afp via getty images|shutterstock|ap photo[^.]{0,40})\s*\)?\s*$"
    r"|^(?:image source|image caption|media caption|picture caption|caption)\s*[,:])",
    re.I,
)
_AUTHOR_CUE = re.compile(
    r"^[*•\-–—\s]*(?P<cue>by|writing by|written by|reporting by|additional reporting by|"
    r"report(?:ed)? by|compiled by|authors?|autor(?:es|en|i|e)?|auteurs?|yazar|muhabir|"
    r"par|por|di|von|door)\b\s*:?\s*(?P<names>.*)$",
    re.I,
)
_AUTHOR_CUE_ALONE = re.compile(
    r"^\s*(?:by|written by|authors?|autor(?:es|en|i|e)?|auteurs?|yazar|muhabir)\s*:?\s*$", re.I)
_EDITING_CUE = re.compile(r"^\s*(?:editing|edited|translated|translation|graphics)\s+by\b", re.I)
_STAFF = re.compile(r"^(?P<outlet>.{2,40}?)\s+(?:staff|staff reporter|desk|newsroom|team)$", re.I)
_SOURCE_LINE = re.compile(r"^\s*(?:source|sources|kaynak|fuente|fonte|quelle)\s*:\s*(?P<value>.+)$",
                          re.I)
_SUBSCRIPTION = re.compile(
    r"subscri|newsletter|sign up|abonn|suscr|abbona|abone ol|premium content", re.I)
# What a promotion says to the reader, never what a news sentence says about someone:
# "a trade newsletter", "will subscribe for all the shares" are not promotions.
_PROMO_CUE = re.compile(
    r"contact us|sign up|subscribe (?:now|today|here|to (?:our|the|get))|click here|"
    r"subscription options|free trial|already a subscriber|\blog ?in\b|website contains|"
    r"only a portion|our newsletters?|download (?:our|the) app|(?:abonnez|suscr[íi]bete|"
    r"abbonati|abone ol)", re.I)
_OUTLET_BEFORE_WEBSITE = re.compile(
    r"^(?P<outlet>(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*)\s+(?:website|web site|site|app)\b")
_COPYRIGHT = re.compile(
    r"(?:^|\s)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"(?P<owner>[^.|,]{2,60}?)\s*(?:[.|,].*)?$", re.I)
_RIGHTS_RESERVED = re.compile(r"all rights reserved|tüm hakları saklıdır|tous droits réservés|"
                              r"todos los derechos reservados|alle rechte vorbehalten", re.I)
_NO_WORDS = re.compile(r"^[\W_]*$")
_ADDRESS_ONLY = re.compile(r"^(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)$", re.I)
_UPDATE_LABEL = re.compile(
    r"(?:last\s+)?updated?|modified|güncelleme|güncellendi|mis à jour|actualizado|"
    r"atualizado|aggiornato|aktualisiert", re.I)
_DATE_NOISE = re.compile(
    r"\b(?:(?:first\s+)?published|posted|last|updated?|modified|on|at|and|le|el|am|il|"
    r"güncelleme|yayınlanma|yayın|tarihi|mis à jour|publié|actualizado|publicado|atualizado|"
    r"aggiornato|pubblicato|aktualisiert|veröffentlicht|"
    r"gmt|utc|est|edt|cet|cest|bst|pst|pdt|et|tsi|tsİ|ist|ast|eet|eest|am|pm|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?)\b|T?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\.\d+)?(?:Z\b|\s*[ap]\.?m\b\.?)?|[+-]\d{2}:?\d{2}\b"
    r"|[+-]\d{1,2}\b|[|:,.\-–—/()•·]",
    re.I)
# Only an acronym glued to a word is split ("TRTWorld"); "BuzzFeed" stays whole.
_CAMEL_SPLIT = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_AGENCIES_TAIL = re.compile(r"\s*(?:,|and|with|&|\+)\s*(?:agencies|wires|news agencies)\s*$", re.I)


@dataclass(frozen=True)
class LineFacts:
    """What one line is, and what it says about the article."""

    kind: str  # body, share, caption, advert, byline, date, dateline, subscription,
    #            source, copyright, author, author-cue, symbols, repeated, tail
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    outlet: str | None = None
    outlet_confidence: float = 0.0
    dateline: str | None = None

    @property
    def is_furniture(self) -> bool:
        return self.kind != "body"

    @property
    def is_metadata(self) -> bool:
        return self.kind in ("byline", "date", "dateline", "caption", "author", "author-cue")


BODY = LineFacts("body")


def classify(line: str, dayfirst_slash: bool = False) -> LineFacts:
    """The first rule that recognises the line decides; a line no rule knows is body."""
    text = " ".join(line.split())
    if not text:
        return LineFacts("blank")
    for rule in (_symbols, _share, _advert, _tail, _caption, _source, _copyright, _subscription,
                 _author_line, _dateline):
        facts = rule(text)
        if facts:
            return facts
    return _date_or_byline(text, dayfirst_slash) or BODY


def _share(text: str) -> LineFacts | None:
    bare = text.strip(" .!")
    return LineFacts("share") if len(bare) < 80 and _SHARE_LINE.match(bare) else None


def _advert(text: str) -> LineFacts | None:
    if text.lower().strip(" .:…") in ADVERT_LINES or _READING_TIME.match(text):
        return LineFacts("advert")
    return None


def _tail(text: str) -> LineFacts | None:
    return LineFacts("tail") if text.lower().strip(" .:…»>") in TAIL_MARKERS else None


def _caption(text: str) -> LineFacts | None:
    if len(text.split()) > 70:
        return None
    return LineFacts("caption") if _CAPTION_CREDIT.search(text) else None


def _source(text: str) -> LineFacts | None:
    match = _SOURCE_LINE.match(text)
    if not match or len(text.split()) > 10:
        return None
    return LineFacts("source", outlet=outlet_name(match.group("value")), outlet_confidence=0.6)


def _copyright(text: str) -> LineFacts | None:
    if len(text.split()) > 25:
        return None
    match = _COPYRIGHT.search(text)
    if match:
        owner = match.group("owner").strip(" ,")
        return LineFacts("copyright", outlet=owner or None, outlet_confidence=0.7)
    return LineFacts("copyright") if _RIGHTS_RESERVED.search(text) else None


def _symbols(text: str) -> LineFacts | None:
    """A line of dashes, bullets or an address alone: layout, not text."""
    return LineFacts("symbols") if _NO_WORDS.match(text) or _ADDRESS_ONLY.match(text) else None


def _subscription(text: str) -> LineFacts | None:
    if not (_SUBSCRIPTION.search(text) and _PROMO_CUE.search(text)) or len(text.split()) > 80:
        return None
    match = _OUTLET_BEFORE_WEBSITE.match(text)
    outlet = match.group("outlet") if match else None
    return LineFacts("subscription", outlet=outlet, outlet_confidence=0.65)


def _author_line(text: str) -> LineFacts | None:
    """"By X", "*Writing by X", "Reporting by X; Editing by Y": the authors, not editors."""
    if len(text.split()) > 16 or _EDITING_CUE.match(text):
        return None
    names: list[str] = []
    if _AUTHOR_CUE_ALONE.match(text):
        return LineFacts("author-cue")  # the names are on the next line
    for part in re.split(r"\s*;\s*", text):
        match = _AUTHOR_CUE.match(part)
        if match:
            names += person_names(match.group("names"))
        elif not _EDITING_CUE.match(part):
            return None
    return LineFacts("author", authors=tuple(names)) if names else None


def _dateline(text: str) -> LineFacts | None:
    found = dateline_line(text)
    if not found:
        return None
    place, agency = found
    return LineFacts("dateline", dateline=place, outlet=agency, outlet_confidence=0.3)


def _date_or_byline(text: str, dayfirst_slash: bool) -> LineFacts | None:
    """A line of dates (and labels), maybe with a byline segment: "X staff | 19.03.2024"."""
    if len(text) > 160:
        return None
    dates = find_dates(text, dayfirst_slash)
    if not dates:
        return None
    published = updated = None
    for found in dates:
        if _UPDATE_LABEL.search(text[max(0, found.start - 25):found.start]) and published:
            updated = updated or found.value
        else:
            published = published or found.value
    segments = [_without_dates(seg) for seg in re.split(r"\s+[|•·]\s+", text)]
    leftovers = [seg for seg in segments if seg]
    if not leftovers:
        return LineFacts("date", published=published, updated=updated)
    # "Name | Place | date": the names come first; the other segments are not names
    return _byline_with_dates(leftovers[0], published, updated)


def _without_dates(text: str) -> str:
    for found in reversed(find_dates(text)):
        text = text[:found.start] + " " + text[found.end:]
    return " ".join(_DATE_NOISE.sub(" ", text).split())


def _byline_with_dates(leftover: str, published: str | None, updated: str | None
                       ) -> LineFacts | None:
    if len(leftover.split()) > 6:
        return None
    staff = _STAFF.match(leftover)
    if staff:
        return LineFacts("byline", published=published, updated=updated,
                         outlet=staff.group("outlet"), outlet_confidence=0.4)
    cue = _AUTHOR_CUE.match(leftover)
    names = person_names(cue.group("names") if cue else leftover)
    if not names:
        return None
    return LineFacts("byline", authors=tuple(names), published=published, updated=updated)


_NAME_PARTICLES = {"al", "el", "de", "da", "van", "von", "der", "bin", "ibn", "la", "le", "du"}


# Between names in a byline, in the languages of our corpora ("A, B and C", "A ve B").
_NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b|\bve\b|\bund\b|\bet\b|\by\b|\be\b)\s*",
                             re.I)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+$")


def split_names(value: str) -> list[str]:
    """"A, B and C" -> three names; "Hines, P. J." stays one (initials after a comma)."""
    names: list[str] = []
    for part in (p.strip(" *-–—|") for p in _NAME_SEPARATOR.split(value)):
        if names and _INITIALS.match(part):
            names[-1] = f"{names[-1]}, {part}"
        elif part and any(ch.isalpha() for ch in part):
            names.append(part.rstrip("."))
    return names


def person_names(value: str) -> list[str]:
    """Names in a byline, each 1-5 capitalised words ("al", "de" and the like allowed).

    All or nothing: "By Tuesday, the talks had collapsed" is a sentence, not a byline."""
    value = re.sub(r"\([^)]*\)", " ", value)  # "Anna Ūdre (foreign news editor)"
    value = re.split(r"\s*[|,]\s*(?=[A-Z][\w ]*(?:News|Agency|Reuters|AP|AFP)\b)", value)[0]
    names = split_names(value)
    if not names or not all(_is_name(n) for n in names):
        return []
    return names


def _is_name(part: str) -> bool:
    words = part.replace(",", " ").split()  # "Hines, P. J." is one name
    return 1 <= len(words) <= 5 and all(_is_name_word(w) for w in words) and not (
        len(words) == 1 and words[0].lower() in _NOT_NAMES)


def _is_name_word(word: str) -> bool:
    """"Asmar", "O'Neill", "al", and "al-Ansari" (a particle joined to a capitalised name)."""
    if word.lower() in _NAME_PARTICLES:
        return True
    prefix, _, rest = word.partition("-")
    if prefix.lower() in _NAME_PARTICLES and rest:
        word = rest
    return word[:1].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in word)


_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "now", "then", "the", "this", "that", "staff"}


def outlet_name(value: str) -> str | None:
    """An outlet as a "SOURCE:" line writes it: "TRTWorld and agencies" -> "TRT World"."""
    value = _AGENCIES_TAIL.sub("", value.strip()).strip(" .,")
    if not value or len(value.split()) > 6:
        return None
    return " ".join(_CAMEL_SPLIT.sub(" ", word) if len(word) > 4 else word
                    for word in value.split())
