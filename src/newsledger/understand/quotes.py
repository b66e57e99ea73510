"""Stage `quotes`: direct, reported and mixed speech, each with its resolved speaker.

Needs: doc, entities. Adds: quotes.

Read from the parse with news conventions:
- reported speech is a cue verb and its complement: "Officials said [the talks had
  stalled]", "[The talks stalled], officials said", "vowed [to retaliate]", "called
  [for a ceasefire]"; the cue's subject is the speaker; a participle or a second verb
  shares its subject ("the mayor said, adding [that ...]"); "according to X" gives X
  the clause it modifies;
- a direct quotation is the text between paired quotation marks (quote_marks.py); the
  content of reported speech that runs into a quotation takes all of it (a mixed quote);
  a quotation the parse leaves unlinked belongs to the speech verb beside it in its
  sentence ("The talks resumed," the spokesman told reporters; X said: "..."); one with
  no cue of its own that follows a quote continues it ("A," he said. "B.");
- a claim named by a noun belongs to its owner ("Trump's claim that ..."); a quotation
  signed with a dash and a name is that person's (“...” ― Carla Sanchez); in a
  transcript, "WALLACE: ..." is Wallace's turn;
- a trailing aside after a comma is the writer's, not the source's (", citing ...",
  ", which ...", an apposition);
- a cue inside a quotation is part of what the speaker said, not a new attribution;
- a short paragraph standing in quotation marks with no cue and no closing full stop
  is a subheading, not a quote of whoever is named near it; a quoted term, name or
  title ("Morning Joe") is no quote either.
The speaker is resolved to a name through the article's own mentions
(quote_speakers.py). Kind follows PARC: direct when every word is inside quotation
marks, indirect when none is, mixed otherwise.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .pipeline import Analysis, Stage
from .quote_cues import (
    CLAIM_NOUNS,
    CLAUSE_VERBS,
    CUE_PARTICLES,
    INTENT_VERBS,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
)
from .quote_marks import QuoteRegion, quote_regions
from .quote_speakers import NOBODY, Speaker, SpeakerContext, resolve, speaker_context
from .records import Entity, Quote
from .sentences import sentence_starts

EXTRACTOR = "rules-v1"
# Dependents that complete an evaluation's object ("called [the vote a sham]").
OBJECT_DEPS = {"dobj", "oprd", "ccomp", "xcomp", "acomp", "attr"}
# A participle or a coordinated verb shares the subject of the verb it hangs from.
SHARED_SUBJECT_DEPS = {"conj", "advcl", "xcomp"}
CONTINUED_WORDS = 4  # an uncued quotation shorter than this is a scare quote or a title
SUBHEADING_WORDS = 12  # a quoted paragraph longer than this is no subheading
MIN_QUOTED_WORDS = 2  # one quoted word is a term ("deplorables"), not a quote
TITLE_WORDS = 8  # up to this many capitalised words in quotes are a title or a name
MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}
# A date or a number before a cue is not its speaker ("7 p.m. ... said").
NUMERIC_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Conjunctions that open the writer's own aside after reported content.
GLOSS_MARKERS = {"although", "though", "while", "whereas"}


@dataclass(frozen=True)
class Attribution:
    """Content offsets with the cue and the speaker's mention, before resolution."""

    start: int
    end: int
    cue: str | None
    subject: int | None  # token index of the speaker's mention, if the cue has one
    sentence: int
    how: str  # the rule that found it: clause, to, prep, object, according, claim,
    # transcript, direct, signed, continued (kept in the record's extractor)
    speaker: Speaker = NOBODY


@dataclass(frozen=True)
class Page:
    """The article's text with its layout: quotation regions, sentences, paragraphs."""

    text: str
    tokens: list[Any]  # the parse's tokens, listed once: spaCy makes a new one per access
    regions: list[QuoteRegion]
    inside: bytearray  # 1 for characters inside quotation marks
    sentence_starts: list[int]
    paragraph_starts: list[int]

    def sentence_at(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def paragraph_end(self, position: int) -> int:
        k = bisect.bisect_right(self.paragraph_starts, position)
        end = self.paragraph_starts[k] if k < len(self.paragraph_starts) else len(self.text)
        while end > position and self.text[end - 1] == "\n":
            end -= 1
        return end

    def same_paragraph(self, a: int, b: int) -> bool:
        return bisect.bisect_right(self.paragraph_starts, a) == \
            bisect.bisect_right(self.paragraph_starts, b)


def find_quotes(analysis: Analysis) -> Analysis:
    doc = analysis.doc
    if doc is None:
        return analysis.add(quotes=())
    page = _page(analysis.article.text, doc)
    found = [_widened(a, page) for a in _verb_attributions(page)]
    found += _according_to(page)
    found += _noun_attributions(page)
    found += _transcript_turns(doc, page, _person_words(analysis.entities))
    found += _direct_attributions(doc, page, found)
    context = speaker_context(doc, page.tokens, page.text, analysis.entities, page.inside)
    quotes = [_record(analysis.article.id, page, attribution)
              for attribution in _resolved(found, context, page)]
    return analysis.add(quotes=tuple(_unique(quotes)))


def _page(text: str, doc: Any) -> Page:
    regions = quote_regions(text)
    inside = bytearray(len(text) + 1)
    for region in regions:
        inside[region.start:region.end] = b"\x01" * (region.end - region.start)
    paragraphs = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    return Page(text, list(doc), regions, inside,
                sentence_starts(doc),
                paragraphs)


# ----------------------------------------------------------------- reported speech


def _verb_attributions(page: Page) -> Iterator[Attribution]:
    for token in page.tokens:
        if token.pos_ != "VERB" or page.inside[token.idx]:
            continue
        lemma = token.lemma_.lower()
        content = _complement(token, lemma)
        if content is None:
            continue
        first, last, how = content
        subject = _subject(token, page)
        if (subject is None and _infinitive(token)) or _discourse_marker(token, page):
            continue  # "too early to tell whether ...", "That said, ...": nobody speaks
        first, last = _within_paragraph(token, first, last, page)
        if first <= token.i <= last:  # "which he said had ...": the cue is not content
            first = token.i + 1
        if first > last:
            continue
        span = _trimmed(page.tokens, first, _without_gloss(first, last, page))
        if span is None:
            continue
        if how == "clause" and lemma in SPEECH_VERBS:
            span = _after_colon(token, span, page)
        yield Attribution(span[0], span[1], _cue_text(token), subject,
                          page.sentence_at(token.idx), how)


def _discourse_marker(verb: Any, page: Page) -> bool:
    """"That said, ..." opens a sentence; it attributes nothing."""
    i = verb.i
    return (0 < i < len(page.tokens) - 1 and page.tokens[i - 1].lower_ in ("that", "this")
            and page.tokens[i - 1].is_sent_start and page.tokens[i + 1].text == ",")


def _within_paragraph(cue: Any, first: int, last: int, page: Page) -> tuple[int, int]:
    """Reported content stays in its cue's paragraph: a parse that runs paragraphs into
    one sentence must not carry the next paragraph along."""
    while first < cue.i and not page.same_paragraph(page.tokens[first].idx, cue.idx):
        first += 1
    while last > cue.i and not page.same_paragraph(page.tokens[last].idx, cue.idx):
        last -= 1
    return first, last


def _after_colon(verb: Any, span: tuple[int, int], page: Page) -> tuple[int, int]:
    """"X said: ..." in running text introduces all that follows in the paragraph."""
    following = page.tokens[verb.i + 1] if verb.i + 1 < len(page.tokens) else None
    if following is None or following.text != ":" or span[0] < following.idx:
        return span
    end = page.paragraph_end(following.idx)
    if page.inside[span[0]] or page.inside[end - 1]:
        return span  # a quotation after the colon is read as one
    while end > span[1] and page.text[end - 1] in " .\t":
        end -= 1
    return span[0], max(span[1], end)


def _without_gloss(first: int, last: int, page: Page) -> int:
    """The last token of reported content before a trailing gloss that is the writer's,
    not the source's: ", citing ...", ", according to ...", ", which ...", ", a
    former ..." (an apposition), ", although ...". Quoted words are never cut."""
    for k in range(first + 1, last):
        if page.tokens[k].text != "," or page.inside[page.tokens[k].idx]:
            continue
        after = page.tokens[k + 1]
        gloss = _gloss_head(after)
        if gloss is not None and gloss.right_edge.i >= last - 1 and gloss.left_edge.i > first:
            return k - 1
    return last


def _gloss_head(token: Any) -> Any:
    """The clause or phrase a token after a comma opens, if it is a gloss."""
    lemma = token.lemma_.lower()
    if token.tag_ == "VBG" and token.dep_ == "advcl" and lemma in SPEECH_VERBS:
        return token
    if token.lower_ == "according":
        return token
    if token.lower_ in ("which", "who") and token.head.dep_ == "relcl":
        return token.head
    if token.lower_ in GLOSS_MARKERS and token.dep_ == "mark":
        return token.head
    for candidate in (token, token.head):
        if candidate.dep_ == "appos" and candidate.left_edge.i == token.i:
            return candidate
    return None


def _complement(verb: Any, lemma: str) -> tuple[int, int, str] | None:
    """Token range of what the cue verb attributes, and how it was found."""
    children = list(verb.children)
    if lemma in CLAUSE_VERBS:
        for child in children:
            if child.dep_ == "ccomp":
                return child.left_edge.i, child.right_edge.i, "clause"
        clause = _that_clause_on_object(children)
        if clause is not None:
            return clause.left_edge.i, clause.right_edge.i, "clause"
    if lemma in INTENT_VERBS:
        for child in children:
            if child.dep_ == "xcomp" and child.i > verb.i and _infinitive(child):
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                first = objects[0].left_edge.i if objects else child.left_edge.i
                return first, child.right_edge.i, "to"
    if lemma in PREP_VERBS:
        for child in children:
            if child.dep_ == "prep" and child.i > verb.i and child.lower_ in PREP_VERBS[lemma] \
                    and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                first = objects[0].left_edge.i if objects else child.i
                return first, child.right_edge.i, "prep"
    if lemma in OBJECT_VERBS:
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        if objects:
            tail = [c for c in children if c.i > verb.i and (
                c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in ("as", "for")))]
            return objects[0].left_edge.i, max(c.right_edge.i for c in tail), "object"
    return None


def _that_clause_on_object(children: list[Any]) -> Any:
    """"told reporters that ..." which the parser may read as a relative clause on the
    object; a real relative clause has no "that" marker of its own."""
    for child in children:
        if child.dep_ != "dobj":
            continue
        for clause in child.children:
            if clause.dep_ == "relcl" and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                return clause
    return None


def _infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _subject(verb: Any, page: Page, depth: int = 0) -> int | None:
    """Token index of who performs the cue: its subject, the agent of a passive, or the
    subject it shares with the verb it depends on. A subject inside quotation marks or
    in another paragraph is a misreading of the parse, not the speaker."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if page.inside[child.idx] or not page.same_paragraph(child.idx, verb.idx):
                continue
            return int(child.i)
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return int(pobj.i)
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children) or depth > 2:
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):  # before asking her
        head = head.head
    shares = verb.dep_ in SHARED_SUBJECT_DEPS or verb.dep_ in ("pcomp", "acl")
    if shares and head.i != verb.i and page.same_paragraph(head.idx, verb.idx):
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, page, depth + 1)
        if verb.dep_ == "acl" and head.dep_ == "dobj":  # issued a statement saying ...
            return _subject(head.head, page, depth + 1)
        return None
    return _inverted_subject(verb) or _preceding_subject(verb, page)


def _inverted_subject(verb: Any) -> int | None:
    """The speaker after the cue ("said Ellis", "Said Ellis:"), which the parser may
    attach as an object or make the head of the cue."""
    if verb.head.i != verb.i and verb.dep_ == "compound" and verb.head.pos_ == "PROPN":
        return int(verb.head.i)
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "npadvmod", "attr") \
                and child.pos_ == "PROPN" and child.ent_type_ not in NUMERIC_ENTITIES:
            return int(child.i)
    return None


def _preceding_subject(verb: Any, page: Page) -> int | None:
    """The noun phrase just before a finite cue in its paragraph, when the parse lost the
    subject (often by running two paragraphs into one sentence): "The governor, Tom
    Baker, said ..."."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    k = verb.i - 1
    while k >= 0 and (page.tokens[k].is_punct or page.tokens[k].dep_ in ("advmod", "neg")):
        k -= 1
    if k < 0:
        return None
    token = page.tokens[k]
    if token.pos_ not in ("PROPN", "NOUN", "PRON") or page.inside[token.idx] \
            or token.ent_type_ in NUMERIC_ENTITIES \
            or not page.same_paragraph(token.idx, verb.idx):
        return None
    while token.dep_ in ("appos", "compound", "flat") and token.head.i < verb.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return int(token.i)


def _cue_text(verb: Any) -> str:
    particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ in CUE_PARTICLES]
    return " ".join([verb.text] + [p.text for p in particles])


def _according_to(page: Page) -> Iterator[Attribution]:
    """"..., according to X": X says the clause the phrase modifies."""
    for token in page.tokens:
        if token.lower_ != "according" or page.inside[token.idx]:
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            continue
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        first, last = _within_paragraph(token, clause.left_edge.i, clause.right_edge.i, page)
        phrase_first, phrase_last = token.left_edge.i, token.right_edge.i
        if phrase_first <= first + 1:
            first = phrase_last + 1
        elif phrase_last >= last - 1:
            last = phrase_first - 1
        span = _trimmed(page.tokens, first, last) if first <= last else None
        if span is not None:
            yield Attribution(span[0], span[1], "according to", int(source.i),
                              page.sentence_at(token.idx), "according")


def _noun_attributions(page: Page) -> Iterator[Attribution]:
    """A claim named by a noun: "Trump's claim that the vote is rigged"; the owner of the
    noun, or the subject of the verb that makes or repeats it ("he repeated the claim
    that ..."), is the source. A claim nobody in the sentence owns is left out."""
    for token in page.tokens:
        if token.pos_ != "NOUN" or page.inside[token.idx]:
            continue
        lemma = token.lemma_.lower()
        for child in token.children:
            if lemma not in CLAIM_NOUNS or child.dep_ not in ("acl", "ccomp") or not any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                continue
            owner = _owner(token, page)
            span = _trimmed(page.tokens, child.left_edge.i, child.right_edge.i)
            if span is not None and owner is not None:
                yield Attribution(span[0], span[1], token.text, owner,
                                  page.sentence_at(token.idx), "claim")
            break


def _owner(noun: Any, page: Page) -> int | None:
    for child in noun.children:
        if child.dep_ == "poss" and not page.inside[child.idx]:
            return int(child.i)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _subject(noun.head, page)
    return None


# ----------------------------------------------------------------- quotations


def _direct_attributions(doc: Any, page: Page, found: list[Attribution]
                         ) -> Iterator[Attribution]:
    """Quotations no reported speech has taken: attached to the speech verb beside them
    in their sentence, or continuing the quote before them."""
    text = page.text
    for region in page.regions:
        start, end = region.content(text)
        if end <= start or _covered(start, end, found):
            continue
        words = len(text[start:end].split())
        if _name_or_title(text[start:end], words):
            continue
        cue = _cue_beside(doc, region, page)
        sentence = page.sentence_at(start)
        signed = _signature(doc, region, page)
        if cue is not None:
            yield Attribution(start, end, _cue_text(cue), _subject(cue, page), sentence,
                              "direct")
        elif signed is not None:
            yield Attribution(start, end, signed[0], signed[1], sentence, "signed")
        elif words >= CONTINUED_WORDS and not _subheading(text, region, words):
            yield Attribution(start, end, None, None, sentence, "continued")


def _name_or_title(quoted: str, words: int) -> bool:
    """Quotation marks around a term, a name or a title rather than words spoken: a
    phrase of fewer than MIN_QUOTED_WORDS words, or one whose words are all capitalised
    ("Morning Joe", "Coal Isn't the Villain.")."""
    if words < MIN_QUOTED_WORDS:
        return True
    content = [w for w in re.findall(r"[^\W\d_][\w'’-]*", quoted) if w.lower() not in MINOR_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words <= TITLE_WORDS


SIGNATURE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*(?=[A-Z])")


def _signature(doc: Any, region: QuoteRegion, page: Page) -> tuple[str, int] | None:
    """A quotation signed by a name after a dash, as collected reader or voter comments
    are printed: “...” ― Sonya Herridge."""
    found = SIGNATURE.match(page.text, region.end, region.paragraph_end)
    if found is None:
        return None
    name = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
    if name is None or name[0].pos_ != "PROPN":
        return None
    head = name[0]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i \
            and head.head.pos_ == "PROPN":
        head = head.head
    return found.group().strip(), int(head.i)


TRANSCRIPT_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.\-' ]{1,30}[A-Z])\s*:\s+(?=\S)")


def _transcript_turns(doc: Any, page: Page, people: set[str]) -> Iterator[Attribution]:
    """Interview transcripts: a paragraph opening with the name of a person of the
    article in capitals and a colon ("WALLACE: Let's start ...") is that person's turn
    (and "CORRECTION:" is not a person)."""
    text = page.text
    for paragraph_start in page.paragraph_starts:
        label = TRANSCRIPT_LABEL.match(text, paragraph_start)
        if label is None or not set(label.group(1).casefold().split()) & people:
            continue
        end = text.find("\n", label.end())
        end = len(text) if end < 0 else end
        while end > label.end() and (text[end - 1].isspace() or text[end - 1] in "\"”"):
            end -= 1
        name = doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
        if name is None or end <= label.end():
            continue
        yield Attribution(label.end(), end, ":", int(name.root.i),
                          page.sentence_at(label.end()), "transcript")


def _person_words(entities: Sequence[Entity]) -> set[str]:
    return {word for e in entities if e.label == "PERSON" for word in e.entity.casefold().split()}


def _covered(start: int, end: int, found: list[Attribution]) -> bool:
    """Half or more of the quotation lies in content already found."""
    size = end - start
    return any(2 * (min(end, a.end) - max(start, a.start)) >= size for a in found)


def _cue_beside(doc: Any, region: QuoteRegion, page: Page) -> Any:
    """The speech verb outside quotation marks in the sentences where the quotation
    opens and closes, within its paragraph, nearest to it."""
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sentences = {span[0].sent, span[-1].sent}
    best = None
    for sentence in sentences:
        for token in sentence:
            if token.pos_ != "VERB" or page.inside[token.idx] \
                    or token.lemma_.lower() not in SPEECH_VERBS \
                    or not region.paragraph_start <= token.idx < region.paragraph_end:
                continue
            if _subject(token, page) is None and _infinitive(token):
                continue  # "too early to tell": nobody is speaking
            distance = min(abs(token.idx - region.start), abs(token.idx - region.end))
            if best is None or distance < best[0]:
                best = (distance, token)
    return best[1] if best else None


def _subheading(text: str, region: QuoteRegion, words: int) -> bool:
    """A paragraph that is only a short quotation without a closing full stop."""
    if not region.whole_paragraph(text) or words > SUBHEADING_WORDS:
        return False
    inner = text[region.start:region.end].rstrip("\"'”’»` ")
    return not inner.endswith((".", "?", "!", "…"))


def _widened(attribution: Attribution, page: Page) -> Attribution:
    """Reported speech that runs into a quotation takes the whole quotation; a mixed
    quote keeps the marks of the quotation inside it ('the talks were "stalled"'), a
    wholly quoted one is the quoted words alone."""
    start, end = attribution.start, attribution.end
    for region in page.regions:
        if end <= region.start or start >= region.end:
            continue
        content_start, content_end = region.content(page.text)
        starts_inside = region.start < start < region.end
        ends_inside = region.start < end < region.end
        if starts_inside:
            start = content_start if ends_inside or end <= region.end else region.start
        if ends_inside:
            end = content_end if start >= content_start else region.end
    return replace(attribution, start=start, end=end)


# ----------------------------------------------------------------- speakers and records


def _resolved(found: list[Attribution], context: SpeakerContext, page: Page
              ) -> Iterator[Attribution]:
    """Speakers resolved in text order, so that "he" can refer to the last speaker; a
    continued quotation takes the speaker of the quotation before it. A speaker inside
    someone else's reported words ("Earnest said Obama has called for ...") is not the
    one the story is following."""
    previous: Attribution | None = None
    contents = [(a.start, a.end) for a in found]
    for attribution in sorted(found, key=lambda a: _position(a, page)):
        if attribution.how == "continued":
            if previous is None or not _continues(page.text, previous, attribution):
                continue
            speaker, cue = previous.speaker, previous.cue
            attribution = replace(attribution, speaker=speaker, cue=cue)
        elif attribution.subject is not None:
            token = page.tokens[attribution.subject]
            speaker = resolve(context, token)
            if not any(start <= token.idx < end for start, end in contents):
                context.said.append((token.idx, context.sentence_of[token.i], speaker))
            attribution = replace(attribution, speaker=speaker)
        if _kind(page, attribution.start, attribution.end) != "indirect":
            previous = attribution
        yield attribution


def _position(attribution: Attribution, page: Page) -> tuple[int, int]:
    """Where the attribution is read: at its speaker's mention, else at its content."""
    if attribution.subject is not None:
        return page.tokens[attribution.subject].idx, attribution.start
    return attribution.start, attribution.start


def _continues(text: str, previous: Attribution, current: Attribution) -> bool:
    """The quotation follows the previous quote in the same paragraph or the next."""
    between = text[previous.end:current.start]
    return between.count("\n\n") <= 1 and previous.speaker.name is not None


def _record(article: str, page: Page, attribution: Attribution) -> Quote:
    start, end = attribution.start, attribution.end
    speaker = attribution.speaker
    return Quote(article, start, end, page.text[start:end], speaker.name, speaker.start,
                 speaker.end, attribution.cue, _kind(page, start, end),
                 attribution.sentence, f"{EXTRACTOR}:{attribution.how}",
                 0.7 if speaker.name else 0.5)


def _kind(page: Page, start: int, end: int) -> str:
    text, inside = page.text, page.inside
    letters = [inside[k] for k in range(start, end) if text[k].isalnum()]
    if letters and all(letters):
        return "direct"
    return "mixed" if any(letters) else "indirect"


def _unique(quotes: list[Quote]) -> Iterator[Quote]:
    seen: set[tuple[int, int]] = set()
    for quote in quotes:
        if (quote.start, quote.end) not in seen:
            seen.add((quote.start, quote.end))
            yield quote


def _trimmed(tokens: list[Any], first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens first..last without punctuation at the edges."""
    while first <= last and (tokens[first].is_punct or tokens[first].is_space):
        first += 1
    while last >= first and (tokens[last].is_punct or tokens[last].is_space):
        last -= 1
    if first > last:
        return None
    return tokens[first].idx, tokens[last].idx + len(tokens[last].text)


STAGE = Stage("quotes", needs=frozenset({"doc", "entities"}),
              adds=frozenset({"quotes"}), run=find_quotes)
