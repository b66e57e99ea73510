"""The cue lexicon of attribution and the dependency patterns that read it.

A cue is the word that attributes content to a source: a speech verb ("said", "told",
"warned"), a verb of thought or finding ("believes", "found", "shows"), a verb of intent
or demand ("pledged to", "called for") or an evaluation ("called X Y", "criticised X
for Y"), and the phrase "according to". Each verb lemma declares which of its
complements carries the content:

- clause: a that-clause or bare clause (ccomp), the common case of reported speech;
- to: an infinitive (xcomp: "vowed to retaliate", "urged Congress to act");
- object: the object and what follows it ("called the vote a sham", "cited the figure");
- a preposition: "called for a ceasefire", "warned against an attack".
"""

from __future__ import annotations

# Verbs that introduce speech. These alone may attach a direct quotation that the parse
# leaves unlinked ("The talks resumed," she told reporters); they also take clauses.
SPEECH_VERBS = frozenset("""
say tell add note write state declare announce report claim argue contend assert insist
maintain explain suggest warn caution charge allege deny admit acknowledge concede confirm
reveal disclose stress emphasize emphasise underline reiterate repeat recall recount remark
comment observe mention reply respond answer retort counter quip joke tweet post predict
forecast estimate conclude testify swear vow pledge promise threaten urge demand ask
question wonder complain lament boast brag protest shout yell scream cry whisper exclaim
proclaim affirm reaffirm assure reassure inform advise recommend propose hint imply
indicate signal speculate continue begin put text email blog chant sing tout describe
acknowledge grumble muse concur agree disagree object plead summarize summarise rule
""".split())

# Verbs of thought, perception and finding: attributions of belief and evidence.
THOUGHT_VERBS = frozenset("""
think believe feel know fear hope expect worry doubt suspect assume understand realize
realise recognize recognise find learn discover determine show prove demonstrate see
imagine consider reckon figure sense judge bet trust remember guess calculate project
estimate suggest reveal indicate conclude decide agree acknowledge insist argue notice
presume
""".split())

CLAUSE_VERBS = SPEECH_VERBS | THOUGHT_VERBS

# Verbs whose infinitive complement is what the source wants, plans or demands.
INTENT_VERBS = frozenset("""
promise pledge vow threaten refuse decline agree decide plan want wish hope expect intend
aim seek offer propose urge ask call encourage demand swear order advise warn tell
implore beg press push vow resolve
""".split())

# Verbs whose object (and what follows it) is the content: evaluations and citations.
OBJECT_VERBS = frozenset("""
call label dub brand describe criticize criticise condemn denounce praise hail attack
blast slam cite announce deny confirm reject dismiss accuse blame defend question
endorse propose predict recommend acknowledge welcome applaud mock ridicule decry
deplore lambaste chide fault rebuke support back endorse oppose favor discuss
""".split())

# Verbs whose content is a prepositional complement, with the prepositions that carry it.
PREP_VERBS: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split()) for lemma, preps in {
        "call": "for on", "warn": "against of about", "speak": "of about", "talk": "about",
        "complain": "about of", "comment": "on", "ask": "about for", "argue": "for against",
        "push": "for", "appeal": "for", "press": "for", "lobby": "for", "advocate": "for",
        "point": "to", "insist": "on", "testify": "about", "write": "about",
        "boast": "about of", "brag": "about", "joke": "about", "rail": "against",
        "hint": "at", "allude": "to", "campaign": "for against", "plead": "for",
        "vouch": "for", "caution": "against", "object": "to", "agree": "on to",
        "express": "", "accuse": "of", "blame": "for", "criticize": "for",
        "criticise": "for", "praise": "for", "attack": "for", "blast": "for",
        "slam": "for", "fault": "for",
    }.items() if preps
}

# Phrasal speech verbs whose particle belongs to the cue ("pointed out", "hit back").
CUE_PARTICLES = frozenset("out back up on off".split())

# Words that, as the subject of a cue verb, do not name who is speaking.
NON_SPEAKERS = frozenset("""
it this that what which there here something nothing anything everything one
""".split())


def is_cue_verb(lemma: str) -> bool:
    return (lemma in CLAUSE_VERBS or lemma in INTENT_VERBS or lemma in OBJECT_VERBS
            or lemma in PREP_VERBS)

# Nouns that name what someone says or thinks; their that-clause is the content ("his
# claim that the vote was rigged") and their owner the source.
CLAIM_NOUNS = frozenset("""
claim assertion allegation accusation argument belief view fear hope warning promise
pledge statement suggestion insistence concern charge announcement admission
acknowledgment acknowledgement prediction assurance conviction contention complaint
assessment conclusion finding estimate forecast insinuation implication message
""".split())

