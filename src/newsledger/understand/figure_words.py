"""Word lists the figures stage reads the parse with, and the measure a verb names.

A measure is a short lower-case past participle ("killed", "released", "displaced");
deaths and injuries keep one name each whatever the verb ("died", "slain" -> killed;
"wounded", "hurt" -> injured), so that the same count reads the same across outlets.
"""

from __future__ import annotations

from typing import Any

PEOPLE_NOUNS = frozenset("""
people person persons man men woman women child children kid kids boy boys girl girls teen
teens teenager teenagers adult adults youth youths civilian civilians soldier soldiers troop
troops fighter fighters militant militants resident residents citizen citizens refugee
refugees migrant migrants hostage hostages prisoner prisoners detainee detainees captive
captives victim victims patient patients worker workers employee employees staff staffer
staffers student students pupil pupils journalist journalists reporter reporters doctor
doctors nurse nurses medic medics paramedic paramedics officer officers policeman policemen
deputy deputies agent agents protester protesters protestor protestors demonstrator
demonstrators voter voters member members passenger passengers tourist tourists visitor
visitors fan fans player players inmate inmates suspect suspects individual individuals
survivor survivors infant infants baby babies toddler toddlers relative relatives foreigner
foreigners national nationals settler settlers pilgrim pilgrims worshipper worshippers
miner miners farmer farmers teacher teachers firefighter firefighters rescuer rescuers
volunteer volunteers official officials leader leaders minister ministers lawmaker lawmakers
executive executives customer customers user users shopper shoppers spectator spectators
participant participants delegate delegates candidate candidates personnel crew sailor
sailors marine marines gunman gunmen attacker attackers assailant assailants shooter
shooters bystander bystanders pedestrian pedestrians driver drivers motorist motorists
occupant occupants tenant tenants homeowner homeowners applicant applicants athlete
athletes evacuee evacuees casualty casualties fatality fatalities dead wounded injured
other others cop cops trooper troopers guard guards officer officers daughter daughters son sons
brother brothers sister sisters mother mothers father fathers parent parents
""".split())

# Measures that only people undergo: a bare number with one of them counts people.
PEOPLE_MEASURES = frozenset({"killed", "injured", "displaced", "sheltering", "held hostage",
                             "held captive", "held prisoner", "released", "arrested", "evacuated",
                             "detained", "abducted", "rescued", "hospitalized", "fled", "deported",
                             "shot", "stabbed", "missing", "casualties"})

SAY_VERBS = frozenset({"say", "tell", "report", "announce", "state", "estimate", "confirm",
                       "add", "note", "claim", "declare", "explain", "write", "warn",
                       "indicate", "reveal", "put", "count", "record", "document", "tally"})

CHANGE_UP = frozenset({"rise", "climb", "gain", "jump", "increase", "grow", "advance", "rally",
                       "surge", "soar", "spike", "rebound", "expand", "hike", "raise", "boost",
                       "leap", "swell", "balloon", "add", "firm", "strengthen"})
CHANGE_DOWN = frozenset({"fall", "drop", "decline", "lose", "slip", "slide", "tumble", "plunge",
                         "plummet", "sink", "shed", "decrease", "dip", "ease", "retreat",
                         "shrink", "cut", "reduce", "lower", "slump", "sag", "crash", "contract",
                         "dive", "skid", "weaken", "shave", "trim"})

# Verbs that carry no measure of their own: being, having, saying, changing.
_NO_MEASURE = frozenset({"be", "have", "include", "get", "make", "see", "show", "become",
                         "remain", "reach", "total", "number", "stand", "represent", "account",
                         "comprise", "contain", "involve", "mean", "do", "come", "go", "find",
                         "estimate", "exceed", "top", "hit", "surpass", "say", "put", "bring",
                         "leave", "take", "give"}) | SAY_VERBS | CHANGE_UP | CHANGE_DOWN

_KILLED = frozenset({"die", "kill", "slay", "murder", "perish", "execute", "massacre",
                     "assassinate", "behead", "dead", "fatality", "death", "killing", "slaying",
                     "homicide", "murdered", "drown", "martyr"})
_INJURED = frozenset({"injure", "wound", "hurt", "maim", "injury", "wounded", "injured",
                      "graze"})
# "two people are dead", "one man remained hospitalized": the state is the measure.
_STATES = {"dead": "killed", "deceased": "killed", "injured": "injured", "wounded": "injured",
           "hurt": "injured", "hospitalized": "hospitalized", "hospitalised": "hospitalized",
           "missing": "missing", "homeless": "homeless", "displaced": "displaced"}
_SUFFER = frozenset({"suffer", "sustain", "receive", "have"})
_SHELTER = frozenset({"refuge", "shelter", "sanctuary"})
_ROLES = {"hostage": "held hostage", "captive": "held captive", "prisoner": "held prisoner"}

_NOMINAL = {"death": "killed", "fatality": "killed", "killing": "killed", "dead": "killed",
            "murder": "killed", "homicide": "killed", "injury": "injured", "wound": "injured",
            "casualty": "casualties", "release": "released", "displacement": "displaced",
            "evacuation": "evacuated", "arrest": "arrested", "detention": "detained",
            "abduction": "abducted", "kidnapping": "abducted", "destruction": "destroyed",
            "damage": "damaged", "deportation": "deported", "rescue": "rescued",
            "hospitalization": "hospitalized", "sale": "sold", "loss": "lost"}

_PARTICIPLES = {"hold": "held", "take": "taken", "leave": "left", "flee": "fled",
                "shoot": "shot", "find": "found", "hurt": "hurt", "make": "made", "lose": "lost",
                "give": "given", "send": "sent", "bring": "brought", "keep": "kept",
                "put": "put", "seek": "sought", "build": "built", "sell": "sold",
                "buy": "bought", "win": "won", "spend": "spent", "cut": "cut", "pay": "paid",
                "hit": "hit", "set": "set", "steal": "stolen", "write": "written",
                "drive": "driven", "fly": "flown", "run": "run", "eat": "eaten", "lay": "laid",
                "stab": "stabbed", "slay": "slain", "die": "killed", "strike": "struck",
                "catch": "caught", "bear": "borne", "feed": "fed", "teach": "taught",
                "hide": "hidden", "rid": "rid", "tear": "torn", "wear": "worn", "hang": "hanged",
                "sit": "sat", "meet": "met", "lead": "led", "grow": "grown", "fall": "fallen"}


def measure_word(verb: Any, counted: Any) -> str | None:
    """The measure a verb names for the noun it governs, or None for light verbs."""
    lemma = verb.lemma_.lower()
    outcome = _left_as(verb) or (_state(verb) if counted.dep_.startswith("nsubj") else None)
    if outcome:
        return outcome
    if lemma in ("take", "seek", "find") and any(c.lemma_ in _SHELTER for c in verb.children):
        return "sheltering"
    if lemma == "shelter":
        return "sheltering"
    for child in verb.children:  # "pushed 85% of the population into displacement"
        if child.dep_ == "prep" and child.lower_ in ("into", "to"):
            for target in child.children:
                if target.dep_ == "pobj" and nominal_measure(target):
                    return nominal_measure(target)
    if lemma in _NO_MEASURE:
        return None
    if lemma == "hold" and counted.lemma_.lower() in _ROLES:
        return _ROLES[counted.lemma_.lower()]
    if lemma in _KILLED or _fatal(verb):
        return "killed"
    if lemma in _INJURED:
        return "injured"
    if verb.tag_ in ("VBN", "VBD") and verb.lower_.endswith("ed"):
        return verb.lower_
    return participle(lemma)


def _state(verb: Any) -> str | None:
    """ "are dead", "remained hospitalized", "suffered injuries"."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "attr") and child.lower_ in _STATES:
            return _STATES[child.lower_]
        if verb.lemma_ in _SUFFER and child.dep_ == "dobj" and nominal_measure(child):
            return nominal_measure(child)
    return None


def _left_as(verb: Any) -> str | None:
    """ "left 3 dead", "left two people injured"."""
    if verb.lemma_ not in ("leave", "find"):
        return None
    for child in verb.subtree:
        if child.lemma_ in _KILLED or child.lower_ in ("dead",):
            return "killed"
        if child.lemma_ in _INJURED or child.lower_ in ("wounded", "injured", "hurt"):
            return "injured"
    return None


def _fatal(verb: Any) -> bool:
    """ "fatally shot", "shot dead", "shot and killed"."""
    for child in verb.children:
        if child.lower_ in ("fatally", "dead", "mortally"):
            return True
        if child.dep_ == "conj" and child.lemma_ in _KILLED:
            return True
    return False


def nominal_measure(noun: Any) -> str | None:
    """ "the release of 81 Israelis": released; "death toll": killed."""
    return _NOMINAL.get(noun.lemma_.lower()) or _NOMINAL.get(noun.lower_)


def participle(lemma: str) -> str:
    if lemma in _PARTICIPLES:
        return _PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"
