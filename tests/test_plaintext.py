"""Plain-text rules on small hand-made pastes: each rule beside a case it must not fire on."""

from __future__ import annotations

from newsledger.ingest.assemble import assemble
from newsledger.ingest.furniture import classify, outlet_name, person_names
from newsledger.ingest.plaintext import parse_plaintext, split_units
from newsledger.records import Article


def parse(text: str, settings) -> Article:  # type: ignore[no-untyped-def]
    return assemble(parse_plaintext("paste.txt", text, settings), settings)


BODY_1 = "The council voted on Tuesday to extend the curfew by a week, officials said."
BODY_2 = "Residents said the streets were quiet after dark as police patrolled the centre."


def test_share_buttons_in_several_languages_are_furniture():
    for line in ("Share", "Bu haberi paylaşın", "Partager cet article", "Facebook Twitter WhatsApp",
                 "Compartir", "Teilen", "URL is copied."):
        assert classify(line).kind == "share", line
    assert classify("Share prices fell sharply on Monday after the report.").kind == "body"


def test_photo_captions_and_credits_are_furniture():
    for line in ("Qatar has been engaged in talks. / Photo: AA",
                 "Soldiers near a checkpoint on October 11.Photograph: AHMAD GHARABLI/Getty Images",
                 "Image caption, Crowds gathered outside", "A man walks past (Photo: Reuters)"):
        assert classify(line).kind == "caption", line
    assert classify("The photo was taken by a resident who asked not to be named.").kind == "body"


def test_author_lines_give_names_and_leave_the_body():
    assert classify("*Writing by Ahmed Asmar").authors == ("Ahmed Asmar",)
    assert classify("Reporting by Jane Doe; Editing by John Roe").authors == ("Jane Doe",)
    assert classify("By Leigh Ann Caldwell and Tom Bennett").authors == (
        "Leigh Ann Caldwell", "Tom Bennett")
    assert classify("By Tuesday, the talks had collapsed.").kind == "body"
    assert classify("By the end of the week most shops had reopened").kind == "body"


def test_byline_with_dates_and_staff():
    facts = classify("Anadolu staff  | 19.03.2024 - Update : 19.03.2024")
    assert (facts.kind, facts.published, facts.updated, facts.outlet) == (
        "byline", "2024-03-19", "2024-03-19", "Anadolu")
    facts = classify("Patricio Candia | Palma de Mallorca | 08/01/2014")
    assert facts.authors == ("Patricio Candia",)
    facts = classify("Posted at 2013-12-30T14:42:01-0700")
    assert (facts.kind, facts.published) == ("date", "2013-12-30")
    facts = classify("Published 19 March 2024, last updated 20 March 2024")
    assert (facts.published, facts.updated) == ("2024-03-19", "2024-03-20")
    sentence = "In March 26, 2024 the court ruled the ban unlawful and lifted it."
    assert classify(sentence).kind == "body"


def test_outlet_rules():
    assert outlet_name("TRTWorld and agencies") == "TRT World"
    assert outlet_name("BuzzFeed") == "BuzzFeed"
    assert classify("SOURCE:TRTWorld and agencies").outlet == "TRT World"
    assert classify("© 2024 The Guardian. All rights reserved.").outlet == "The Guardian"
    note = ("Anadolu Agency website contains only a portion of the news stories offered to "
            "subscribers in the AA News Broadcasting System (HAS), and in summarized form. "
            "Please contact us for subscription options.")
    assert classify(note).outlet == "Anadolu Agency"
    assert classify("Netflix added 5 million subscribers in the quarter, beating forecasts.").kind \
        == "body"


def test_tail_markers_end_the_body_but_not_before_it_starts(settings):
    text = (f"Curfew extended in the capital\n\n{BODY_1}\n\n{BODY_2}\n\n"
            "Related topics\nCurfews\nPolice")
    article = parse(text, settings)
    assert article.text == f"{BODY_1}\n\n{BODY_2}"


def test_headline_only_with_text_below_it(settings):
    article = parse(f"Curfew extended in the capital\n\n{BODY_1}", settings)
    assert article.title == "Curfew extended in the capital"
    assert article.text == BODY_1
    one_line = parse(BODY_1, settings)
    assert one_line.title is None and one_line.text == BODY_1


def test_subtitle_needs_header_lines_after_it(settings):
    with_header = parse(f"Curfew extended\n\n{BODY_2}\n\nBy Jane Doe\n\n{BODY_1}", settings)
    assert with_header.subtitle == BODY_2 and with_header.authors == ("Jane Doe",)
    assert with_header.text == BODY_1
    without = parse(f"Curfew extended\n\n{BODY_2}\n\n{BODY_1}", settings)
    assert without.subtitle is None and without.text == f"{BODY_2}\n\n{BODY_1}"


def test_dateline_line_and_lead(settings):
    line = parse(f"Curfew extended\n\nBEIRUT, Lebanon\n\n{BODY_1}", settings)
    assert line.dateline == "BEIRUT, Lebanon" and line.text == BODY_1
    lead = parse(f"Curfew extended\n\nGAZA CITY (Reuters) - {BODY_1}", settings)
    assert lead.dateline == "GAZA CITY"
    crosshead = parse(f"Curfew extended\n\n{BODY_1}\n\nWHAT HAPPENS NEXT\n\n{BODY_2}", settings)
    assert crosshead.dateline is None and "WHAT HAPPENS NEXT" in crosshead.text


def test_hard_wrapped_paragraphs_are_joined():
    paragraph = ("The council voted on Tuesday to extend the curfew by a week,\n"
                 "officials said, citing continued unrest in several districts\n"
                 "of the capital and the need for more time to restore order.")
    units = split_units("\n\n".join([paragraph] * 3))
    assert len(units) == 3 and "\n" not in units[0]


def test_person_names_all_or_nothing():
    assert person_names("Anna Ūdre (LTV foreign news editor)") == ["Anna Ūdre"]
    assert person_names("Majed al-Ansari") == ["Majed al-Ansari"]
    assert person_names("the end of the week") == []


def test_author_lists_split_but_initials_stay_with_their_name():
    from newsledger.ingest.assemble import split_names

    assert split_names("Jane Doe, John Roe and Ali Veli") == ["Jane Doe", "John Roe", "Ali Veli"]
    assert split_names("Hines, P. J.") == ["Hines, P. J."]


def test_news_sentences_about_newsletters_and_subscriptions_are_body():
    for sentence in (
        'Jerry Steinman, publisher of a trade newsletter, said the move "changes everything."',
        "The holding company will subscribe for all the shares to which it is entitled.",
    ):
        assert classify(sentence).kind == "body", sentence
    assert classify("Sign up for our newsletter to get the day's top stories.").kind \
        == "subscription"


def test_a_long_lead_sentence_is_not_a_headline(settings):
    lead = ('The creator of a web site found to be a threat to clinic staff says a decision '
            'to shut the site down is just a ``temporary setback.\'\'')
    article = parse(f"{lead}\n\n{BODY_1}", settings)
    assert article.title is None and article.text.startswith("The creator of a web site")


def test_wire_dateline_line_with_agency(settings):
    article = parse(f"NAIROBI, Kenya (AP) _\n\n{BODY_1}\n\n{BODY_2}", settings)
    assert (article.dateline, article.source, article.title) == ("NAIROBI, Kenya", "AP", None)
    assert article.text == f"{BODY_1}\n\n{BODY_2}"
