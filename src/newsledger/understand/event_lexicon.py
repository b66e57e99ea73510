"""The trigger lexicon of the `events` stage: which words name which PLOVER event.

PLOVER (github.com/openeventdata/PLOVER, manual 0.7b1) keeps CAMEO's two-digit cue
categories, renamed; the ones news about conflicts and negotiations needs are:

- AGREE: agree to, offer, promise; deals, truces and resolutions agreed or adopted
- CONSULT: meetings, visits, talks, negotiations (hosting and visiting included)
- SUPPORT: praise, endorse, welcome, back an actor or a policy
- CONCEDE: verbal concessions (ease restrictions, apologise, declare a truce)
- COOPERATE: mutual material cooperation
- AID: material aid to a recipient (humanitarian, military, economic)
- RETREAT: material yielding: release of hostages or prisoners, withdrawal, resignation
- DEMAND: demands and orders (PLOVER has no REQUEST: appeals are not coded, demands are)
- ACCUSE: accuse, blame, condemn, criticise, sue, investigate
- REJECT: reject, refuse, veto
- THREATEN: threats and forceful warnings
- PROTEST: demonstrations, rallies, strikes by workers, boycotts
- SANCTION: reduced relations: sanctions, expulsions, talks broken off or collapsed
- MOBILIZE: troops deployed or mobilised short of force
- COERCE: arrests, detentions, deportations, bans, curfews, blockades
- ASSAULT: attacks, strikes, killings, abductions, invasions

Everything here is keyed by spaCy lemma (lower case). News writes many events as a verb
with an event noun ("held talks", "reached a deal", "launched an offensive"): the noun says
what happened, the verb whether it began, went on, ended or was refused; `NOUN_TYPES` and
the verb classes below express that.
"""

from __future__ import annotations

# Event nouns: the noun alone names the event's kind.
NOUN_TYPES: dict[str, str] = {
    **dict.fromkeys(["talks", "negotiation", "meeting", "summit", "consultation", "dialogue",
                     "visit", "mediation", "discussion", "parley"], "CONSULT"),
    **dict.fromkeys(["deal", "agreement", "accord", "truce", "ceasefire", "cease-fire",
                     "armistice", "pact", "treaty", "settlement", "resolution"], "AGREE"),
    **dict.fromkeys(["attack", "airstrike", "air-strike", "bombing", "bombardment", "shelling",
                     "offensive", "assault", "invasion", "raid", "incursion", "onslaught",
                     "ambush", "massacre", "killing", "shooting", "stabbing", "clash",
                     "barrage", "strike", "operation", "war", "hostage-taking"], "ASSAULT"),
    **dict.fromkeys(["protest", "demonstration", "rally", "march", "sit-in", "riot",
                     "walkout", "boycott"], "PROTEST"),
    **dict.fromkeys(["sanction", "embargo", "expulsion"], "SANCTION"),
    **dict.fromkeys(["arrest", "detention", "curfew", "blockade", "siege", "crackdown",
                     "deportation"], "COERCE"),
    **dict.fromkeys(["release", "withdrawal", "pullout", "retreat", "resignation",
                     "exchange", "swap"], "RETREAT"),
    **dict.fromkeys(["accusation", "allegation", "blame", "condemnation", "lawsuit",
                     "investigation", "probe", "inquiry"], "ACCUSE"),
    **dict.fromkeys(["threat", "ultimatum"], "THREATEN"),
    **dict.fromkeys(["demand"], "DEMAND"),
    **dict.fromkeys(["veto", "rejection", "refusal"], "REJECT"),
    **dict.fromkeys(["deployment", "mobilisation", "mobilization", "buildup", "build-up"],
                    "MOBILIZE"),
    **dict.fromkeys(["apology", "concession"], "CONCEDE"),
    **dict.fromkeys(["cooperation"], "COOPERATE"),
}

# Nouns that are events only with a verb or a clear participant, never on their own
# ("war", "operation", "exchange" and "strike" are too often something else).
GUARDED_NOUNS = {"war", "operation", "exchange", "swap", "strike", "march", "release",
                 "resolution", "deal", "settlement", "visit", "discussion", "probe",
                 "inquiry", "investigation", "blame", "demand", "threat", "retreat"}

# Offers made inside negotiations: presented, submitted, delivered -> CONSULT.
PROPOSAL_NOUNS = {"proposal", "counterproposal", "counter-proposal", "response", "reply",
                  "offer", "plan", "draft", "framework", "roadmap", "initiative", "text"}

# Material help: delivered, sent, provided -> AID.
AID_NOUNS = {"aid", "assistance", "supply", "relief", "food", "fuel", "medicine", "water",
             "weapon", "arm", "ammunition", "fund", "funding", "money", "vaccine", "loan",
             "grant", "shipment", "convoy", "truck", "lorry"}

# People whose release is a RETREAT.
CAPTIVE_NOUNS = {"hostage", "prisoner", "captive", "detainee", "abductee", "inmate",
                 "soldier", "civilian", "woman", "child", "people", "person", "national",
                 "worker", "journalist", "activist", "israelis", "palestinians"}

# Armed people: sent or deployed -> MOBILIZE.
FORCE_NOUNS = {"troop", "force", "soldier", "warship", "tank", "battalion", "brigade",
               "reservist", "unit", "jet", "carrier", "army"}

# Verbs that say an event-noun happened, began or went on: the noun gives the type.
ASPECT_VERBS = {"hold", "resume", "continue", "begin", "start", "open", "launch", "conduct",
                "carry", "stage", "wage", "mount", "engage", "join", "attend", "host",
                "trade", "make", "issue", "level", "lodge", "file", "renew", "restart",
                "convene", "intensify", "escalate", "expand", "step", "take", "unleash",
                "organise", "organize", "lead", "chair", "enter", "extend", "impose",
                "declare", "deliver", "send", "provide", "proceed", "progress", "involve"}

# Intransitive verbs with an event noun as subject ("talks resumed") that keep its type.
HAPPEN_VERBS = {"resume", "continue", "begin", "start", "open", "take", "go", "proceed",
                "progress", "get", "be", "occur", "happen", "intensify", "escalate",
                "reconvene", "restart", "hold", "conclude", "wrap", "last", "enter"}

# Verbs and adjectives that say a negotiation or an agreement ended badly -> SANCTION.
END_VERBS = {"end", "suspend", "halt", "stop", "cancel", "abandon", "quit", "collapse",
             "stall", "fail", "falter", "founder", "break", "scrap", "freeze", "postpone",
             "derail", "torpedo", "sabotage", "boycott", "call", "walk", "pull", "leave",
             "withdraw", "exit"}

# Ending a conflict-type event is a yielding; ending a sanction a concession.
END_TYPE = {"CONSULT": "SANCTION", "AGREE": "SANCTION", "COOPERATE": "SANCTION",
            "AID": "SANCTION", "ASSAULT": "RETREAT", "COERCE": "CONCEDE",
            "SANCTION": "CONCEDE", "PROTEST": "CONCEDE"}

# Verbs that make an agreement out of an agreement noun.
AGREEING_VERBS = {"reach", "strike", "seal", "clinch", "sign", "agree", "conclude",
                  "finalise", "finalize", "broker", "accept", "approve", "adopt", "pass",
                  "ratify", "endorse", "secure", "forge", "hammer", "work", "negotiate",
                  "implement", "observe", "honour", "honor", "extend"}

REJECTING_VERBS = {"reject", "veto", "refuse", "rebuff", "dismiss", "block", "oppose",
                   "spurn"}

PRESENTING_VERBS = {"present", "submit", "deliver", "send", "hand", "table", "put", "give",
                    "convey", "relay", "transmit", "offer", "propose", "receive",
                    "make", "unveil", "draft", "respond"}

DELIVERY_VERBS = {"deliver", "send", "provide", "supply", "ship", "airdrop", "drop", "bring",
                  "donate", "give", "offer", "pledge", "allocate", "approve", "dispatch",
                  "distribute", "transfer", "airlift"}

ARRIVAL_VERBS = {"enter", "arrive", "reach", "cross", "roll"}

RELEASE_VERBS = {"release", "free", "swap", "exchange", "hand", "repatriate", "return",
                 "rescue"}


LIFTING_VERBS = {"lift", "ease", "relax", "remove", "loosen", "drop", "end"}

SENDING_VERBS = {"send", "deploy", "dispatch", "mobilise", "mobilize", "mass", "move",
                 "station", "amass", "position"}

# Verbs that are events whatever their object is (guards in the stage handle the few
# that are ambiguous).
VERB_TYPES: dict[str, str] = {
    **dict.fromkeys(["attack", "bomb", "shell", "kill", "shoot", "assassinate", "invade",
                     "storm", "raid", "abduct", "kidnap", "execute", "massacre", "ambush",
                     "stab", "behead", "torture", "pound", "bombard", "wound", "injure",
                     "strike", "fire", "hit", "target", "capture", "seize", "besiege",
                     "murder", "slaughter", "airstrike", "blow", "destroy", "gun"],
                    "ASSAULT"),
    **dict.fromkeys(["arrest", "detain", "deport", "jail", "imprison", "ban", "censor",
                     "confiscate", "blockade", "sentence", "expel", "evict",
                     "round"], "COERCE"),
    **dict.fromkeys(["accuse", "blame", "condemn", "criticise", "criticize", "denounce",
                     "allege", "charge", "sue", "slam", "decry", "lambast", "lambaste",
                     "rebuke", "castigate", "investigate", "indict", "berate",
                     "chastise", "censure", "deplore", "accusing"], "ACCUSE"),
    **dict.fromkeys(["threaten", "warn", "vow"], "THREATEN"),
    **dict.fromkeys(["demand", "urge", "order", "insist", "request", "summon",
                     "instruct"], "DEMAND"),
    **dict.fromkeys(["meet", "negotiate", "consult", "visit", "host", "mediate", "confer",
                     "talk", "discuss", "arrive", "leave", "fly", "travel", "broker"],
                    "CONSULT"),
    **dict.fromkeys(["agree", "promise", "pledge", "offer", "propose", "sign", "commit"],
                    "AGREE"),
    **dict.fromkeys(["support", "back", "endorse", "praise", "welcome", "commend", "hail",
                     "recognise", "recognize", "approve", "applaud", "congratulate",
                     "thank"], "SUPPORT"),
    **dict.fromkeys(["concede", "apologise", "apologize", "relent", "backtrack",
                     "capitulate"], "CONCEDE"),
    **dict.fromkeys(["withdraw", "retreat", "resign", "release", "free", "surrender",
                     "evacuate", "pull", "quit", "step"], "RETREAT"),
    **dict.fromkeys(["sanction", "sever", "suspend", "recall", "cut"], "SANCTION"),
    **dict.fromkeys(["protest", "demonstrate", "rally", "march", "riot", "picket"],
                    "PROTEST"),
    **dict.fromkeys(["deploy", "mobilise", "mobilize", "mass", "amass"], "MOBILIZE"),
    **dict.fromkeys(["cooperate", "collaborate"], "COOPERATE"),
    **dict.fromkeys(["reject", "veto", "refuse", "rebuff", "spurn", "deny"], "REJECT"),
    **dict.fromkeys(["donate", "airdrop", "airlift"], "AID"),
}

# Verbs whose type depends too much on the object to fire on their own: they need the
# object (or subject) the stage checks for them.
NEEDS_OBJECT = {"hit", "target", "fire", "strike", "blow", "destroy", "gun", "capture",
                "slam", "attack", "ambush",
                "seize", "round", "warn", "order", "insist", "summon", "instruct",
                "host", "arrive", "leave", "fly", "travel", "talk", "discuss", "meet",
                "broker", "offer", "propose", "promise", "pledge", "sign", "commit",
                "back", "recognise", "recognize", "approve", "thank", "congratulate",
                "release", "free", "pull", "quit", "step", "suspend", "recall", "cut",
                "march", "rally", "demonstrate", "mass", "evacuate", "vow", "deny",
                "sentence", "request", "urge", "support", "welcome", "refuse", "agree",
                "charge", "visit", "execute", "withdraw", "retreat", "surrender"}

# Verbs whose events are weaker evidence (more often figurative or generic).
WEAK_VERBS = {"hit", "target", "warn", "urge", "insist", "vow", "back", "support",
              "welcome", "thank", "talk", "discuss", "leave", "arrive", "travel", "fly",
              "deny", "order", "offer", "propose", "free", "evacuate", "step"}

# Misreadings of the lemmatiser seen in news ("waged" -> "wag").
LEMMA_FIXES = {"waged": "wage", "waging": "wage", "wages": "wage", "shelled": "shell",
               "shelling": "shell", "airstruck": "airstrike", "bombed": "bomb",
               "talks": "talks", "stalled": "stall", "freed": "free"}

# Nouns after which the next event is only intended, feared or discussed, not done.
IRREALIS_NOUNS = {"effort", "bid", "attempt", "push", "hope", "prospect", "chance",
                  "possibility", "fear", "risk", "plan", "proposal", "call", "appeal",
                  "demand", "need", "way", "aim", "goal", "intention", "threat", "warning",
                  "idea", "option", "pressure", "condition", "precondition",
                  "failure", "lack", "absence", "refusal", "rumour", "rumor", "talk",
                  "question", "bill", "draft", "law", "framework", "vision", "deadline",
                  "expectation", "ability", "right", "opportunity", "campaign",
                  "obligation", "commitment", "promise", "pledge", "offer", "readiness",
                  "willingness", "desire", "request", "resolve", "danger", "spectre"}

# Verbs (and adjectives) whose complement events are only wanted, feared, denied or
# planned ("hoped to reach", "denied that it attacked", "likely to meet"); verbs of saying
# and believing are not among them: news reports events through them.
IRREALIS_VERBS = {"want", "hope", "seek", "try", "aim", "plan", "intend", "expect", "fear",
                  "urge", "call", "demand", "deny", "reject", "refuse", "consider",
                  "threaten", "warn", "propose", "push", "press", "need", "wish", "ask",
                  "discuss", "debate", "mull", "weigh", "prepare", "vow", "pledge",
                  "promise", "agree", "offer", "decline", "fail", "avoid", "prevent",
                  "stop", "oppose", "block", "resist", "doubt", "question", "wonder",
                  "suggest", "recommend", "order", "allow", "permit", "let", "encourage",
                  "persuade", "convince", "predict", "forecast", "speculate", "imagine",
                  "suppose", "assume", "rule", "struggle", "attempt", "decide", "choose",
                  "able", "likely", "unlikely", "ready", "willing", "set", "due", "poised",
                  "expected", "ensure", "guarantee", "work"}

# Prepositions that open a purpose or topic, not a fact ("talks for a truce deal").
IRREALIS_PREPS = {"for", "toward", "towards", "about", "over", "against", "without",
                  "regarding", "concerning", "into"}


MODALS = {"would", "could", "might", "may", "should", "must", "can", "ought", "'d", "gon"}
FUTURE = {"will", "shall", "'ll", "wo"}
NEGATIONS = {"not", "n't", "never", "no", "nor", "neither", "without"}

# Heads of a noun phrase that name a group able to act without a proper name.
GROUP_NOUNS = {"police", "army", "military", "troop", "soldier", "force", "militant",
               "gunman", "protester", "protestor", "demonstrator", "rebel", "fighter",
               "government", "authority", "insurgent", "settler", "jihadist", "terrorist",
               "student", "worker", "union", "activist", "crowd", "mob", "opposition",
               "parliament", "cabinet", "court", "judge", "prosecutor", "mediator",
               "negotiator", "delegation", "navy", "warplane", "jet", "drone",
               "administration", "regime", "junta", "coalition", "council", "ministry"}

# Who marches or rallies in protest (a tennis player "rallied" too).
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "people", "thousand", "hundred",
                   "dozen", "supporter", "crowd", "resident", "student", "worker", "activist",
                   "opponent", "farmer", "woman", "citizen", "union", "teacher", "doctor",
                   "nurse", "employee", "voter", "marcher", "campaigner", "family",
                   "relative", "youth", "villager", "refugee", "israelis", "palestinians"}

# Things attacked in words, not with weapons ("attacked the plan").
VERBAL_TARGETS = {"bill", "plan", "policy", "proposal", "comment", "remark", "decision",
                  "record", "legislation", "law", "idea", "statement", "speech", "campaign",
                  "strategy", "approach", "media", "press", "report", "claim", "budget",
                  "stance", "position", "view", "rhetoric", "leadership", "handling",
                  "response", "reform", "agenda", "motion", "candidacy", "nomination",
                  "failure", "credibility", "character", "integrity", "judgment",
                  "judgement", "competence", "honesty", "government"}

# Heads of a noun phrase that name someone by their job: resolved to the person the
# article named in that job ("the spokesman" -> the spokesman named before).
ROLE_NOUNS: dict[str, str] = {
    **dict.fromkeys(["spokesman", "spokeswoman", "spokesperson"], "spokesperson"),
    **dict.fromkeys(["chief", "head", "director", "leader", "boss", "commander"], "head"),
    **dict.fromkeys(["minister"], "minister"),
    **dict.fromkeys(["president"], "president"),
    **dict.fromkeys(["prime"], "minister"),
    **dict.fromkeys(["premier"], "premier"),
    **dict.fromkeys(["ambassador", "envoy"], "envoy"),
    **dict.fromkeys(["secretary"], "secretary"),
    **dict.fromkeys(["official", "officer"], "official"),
}

# Words that tell a labour strike from an air strike.
LABOUR_STRIKE_WORDS = {"general", "hunger", "labour", "labor", "national", "nationwide",
                       "worker", "union", "teacher", "doctor", "nurse", "rail", "staff",
                       "day", "week", "indefinite", "wildcat", "one-day", "24-hour"}
MILITARY_WORDS = {"military", "ground", "cross", "border", "air", "aerial", "naval",
                  "armed", "commando", "combat", "offensive", "missile", "drone", "rocket",
                  "army", "special", "counter", "counterterrorism", "security", "raid"}

# What "released" is when it is not people set free.
NOT_RELEASED = {"statement", "report", "video", "footage", "image", "photo", "picture",
                "figure", "data", "album", "film", "song", "record", "book", "document",
                "result", "detail", "list", "version", "product", "update", "guidance",
                "fund", "budget", "information", "name", "audio", "recording", "letter"}

# Subjects that "strike" or "hit" without anyone attacking.
NATURAL_FORCES = {"earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone",
                  "flood", "tsunami", "lightning", "disaster", "crisis", "recession",
                  "pandemic", "virus", "disease", "drought", "fire", "wildfire", "tornado",
                  "wave", "snow", "wind", "inflation", "price", "share", "stock", "sale",
                  "market", "record", "it", "this", "that"}

ACCOUNTABLE_WORDS = {"responsible", "accountable", "culpable", "liable", "guilty"}
STRONG_BLAME_ADVERBS = {"entirely", "fully", "solely", "wholly", "directly", "completely",
                        "totally", "squarely", "ultimately", "primarily"}
BAD_OUTCOMES = {"failure", "death", "killing", "attack", "collapse", "massacre",
                "violence", "crisis", "escalation", "bombing", "explosion", "blast",
                "breakdown", "impasse", "deadlock", "destruction", "suffering", "war",
                "loss", "fate", "consequence", "murder", "crime", "stalemate", "delay",
                "obstruction", "sabotage", "famine", "tragedy", "catastrophe"}

# Reporting verbs: who says an accusation ("X said Y was responsible") is its actor.
SPEECH_VERBS = {"say", "tell", "claim", "state", "insist", "add", "argue", "assert",
                "declare", "write", "post", "tweet", "maintain", "contend", "allege",
                "announce", "reply", "respond", "charge", "accuse", "note", "stress",
                "hit", "fire", "retort", "counter"}

# A noun in these positions is reported as having happened (licenses a bare event noun).
OCCURRENCE_VERBS = {"see", "witness", "announce", "confirm", "report", "mark", "follow",
                    "complete", "conclude", "survive", "recall", "remember", "commemorate"}

# Locative prepositions whose object is where an event happened.
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around",
               "within", "on"}
