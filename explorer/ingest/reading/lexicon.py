"""The vocabulary of diplomatic reporting the reading rules use: general, keyed to no article.

Titles, verbs of saying, nouns that stand for a person or a body, the commitments verbs
convey, the kinds of events verbs announce, and the words of page furniture.
"""

from __future__ import annotations

# Words that head a title before a name or after "the": "Foreign Minister X", "the envoy".
TITLE_HEADS = frozenset(
    """
    president vice-president minister secretary secretary-general chancellor premier
    ambassador envoy spokesperson spokesman spokeswoman king queen prince princess emir
    sheikh sultan taoiseach tanaiste governor mayor senator congressman congresswoman
    representative mp lawmaker chairman chairwoman chair chief commissioner counsellor
    councillor councilor adviser advisor director head leader general admiral marshal
    colonel ambassador-at-large deputy diplomat official officer consul attache attaché
    pope cardinal crown speaker monarch emperor empress chancellor dr judge justice
    pm fm eam cs ps ceo counterpart aide nsa negotiator mediator coordinator commander
    wife husband spouse lady chairperson vice-chairman vice-chairperson
    captain colonel lawyer activist businessman businesswoman journalist professor dissident
    president-elect prime-minister-designate secretary-designate undersecretary predecessor
    successor agent heir analyst economist researcher actor actress artist poet author
    entrepreneur investor scientist cricketer footballer tycoon billionaire novelist filmmaker
    musician composer comrade
    """.split()
)

# Words that can open or extend a title: "former Prime Minister", "Deputy Foreign Minister",
# "State Councillor", "Defence Secretary", "Cabinet Secretary".
TITLE_WORDS = TITLE_HEADS | frozenset(
    """
    former then acting outgoing incoming interim new late deputy vice assistant under
    foreign external affairs defence defense trade finance prime state home interior
    justice health education energy environment economy commerce industry agriculture
    cabinet press chief principal senior special permanent first second executive
    national security development information communications culture labour labor
    transport tourism treasury economic political military naval navy army air force
    presidential royal parliamentary opposition party supreme high managing joint
    cooperation co-operation relations mining fisheries petroleum oil water housing youth
    sports women tourism staff media lieutenant rear brigadier major cultural civil
    aviation resources planning railways railway power textiles shipping science technology
    religious social welfare public works urban rural immigration homeland veterans revenue
    human rights family children attorney solicitor auditor inspector comptroller armed forces
    elect designate
    """.split()
)

# A title goes on after its head with "of", "to", "for" and a capitalised name:
# "Minister of State for Europe", "Ambassador to the US", "Secretary-General of the UN".
TITLE_LINKS = frozenset({"of", "to", "for", "on", "in"})

# Titles that are forms of address more than offices: an office named beside them wins.
ADDRESS_TITLES = frozenset(
    {"sheikh", "king", "queen", "prince", "princess", "emir", "dr", "comrade"}
)

# Honorifics that make what follows a person's name without being a title.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme", "m"})

# Styles of address between a title and a name: "Prime Minister Tun Dr Mahathir Mohamad",
# "Foreign Minister Datuk Saifuddin Abdullah", "President His Highness Sheikh Khalifa".
STYLES = frozenset(
    "tun datuk dato datin seri tan puan haji alhaji alhaja shri smt his her highness excellency"
    " royal".split()
)

# Short words inside personal names: "Luiz Inácio Lula da Silva", "Mohammed bin Salman".
NAME_PARTICLES = frozenset(
    """
    da de del della der den di do dos das du el la le van von bin binti bint ibn al ben
    abu y e zu ter ten
    """.split()
)

# Verbs of saying, writing and posting, as wire reports use them.
SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds stressed stresses noted notes argued argues
    insisted insists explained explains warned warns wrote writes asked asks declared
    declares stated states remarked remarks observed observes continued continues
    emphasised emphasized emphasises emphasizes underlined underscored announced
    replied replies suggested recalled predicted tweeted tweets twitted posted posts
    commented comments acknowledged admitted conceded assured affirmed reiterated
    maintained claimed urged cautioned pointed highlighted described praised hailed
    quipped joked concluded responded answered read reads called calls say tell
    pledged vowed promised exclaimed mentioned cited expressed termed dubbed labelled
    labeled branded criticised criticized condemned accused thanked talk talked spoke
    speak appealed lauded singled thanks hails hailing reported spoken revealed reveals
    disclosed clarified clarifies asserted asserts opined recounted elaborated countered
    retorted contended
    """.split()
)

# Verbs of saying whose object is the listener: "told reporters", "told Xi".
TOLD_VERBS = frozenset({"told", "tells", "assured", "urged", "asked", "reminded"})

# Listeners that follow "told": never the speaker.
AUDIENCES = frozenset(
    """
    reporters journalists the media press correspondents lawmakers parliament crowds
    crowd audience students delegates guests him her them us me
    """.split()
)

# Nouns that stand for a person named earlier: "the minister", "the Indian leader".
PERSON_NOUNS = frozenset(
    """
    minister president premier secretary chancellor ambassador envoy spokesperson
    spokesman spokeswoman diplomat leader official king queen prince emir sheikh
    taoiseach governor senator counterpart host guest visitor chief pm fm eam source aide
    """.split()
)

# Nouns that name a body that can speak: "the ministry said", "a statement read".
BODY_NOUNS = frozenset(
    """
    ministry department office government presidency embassy kremlin palace house
    secretariat commission council agency administration cabinet foreign-ministry street
    spokesperson's
    """.split()
)
# Newspapers and agencies: the last word of an outlet's name, and the nouns that refer back
# to one ("the paper said").
OUTLET_HEADS = ("News", "Times", "Post", "Herald", "Tribune", "Gazette", "Journal", "Telegraph",
                "Chronicle", "Agency", "Globe", "Observer", "Citizen", "Mail", "Mirror", "Guardian",
                "Inquirer", "Monitor", "Independent", "Express")  # fmt: skip
OUTLET_NOUNS = frozenset({"paper", "newspaper", "daily", "agency", "broadcaster", "outlet"})
STATEMENT_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "readout"})

# Group nouns: "sources said", "officials said", "analysts say". Never resolved to a person.
GROUP_NOUNS = frozenset(
    """
    sources officials diplomats analysts experts observers aides scholars reports
    critics people residents interlocutors counterparts colleagues partners
    representatives delegates participants organisers organizers
    """.split()
)

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "body", "we": "plural"}

# What a verb of commitment conveys about an area of cooperation (matched on lemmas).
COMMITMENTS = {
    "reaffirmed": "reaffirm reiterate reconfirm confirm affirm renew".split(),
    "agreed": (
        "agree sign pledge vow promise commit decide resolve undertake ink seal conclude"
        " adopt launch establish set"
    ).split(),
    "welcomed": "welcome hail praise applaud appreciate".split(),
    "explored": "explore consider study examine look seek".split(),
    "proposed": "propose suggest urge call offer invite".split(),
    "ongoing": "continue support maintain sustain".split(),
    "discussed": (
        "discuss talk exchange review focus address cover deliberate raise touch broach highlight"
    ).split(),
}

# Event kinds the model knows, and the words that announce one: a verb of meeting, or a
# noun of talks or conference with the verb or preposition that makes it an occasion.
EVENT_CUES = {
    "news conference": r"\b(?:news|press|joint press|joint news) conference\b|\bpresser\b",
    "speech": r"\b(?:addressed|addresses|delivered a speech|speech (?:at|to|in)|lecture at)\b",
    "talks": r"\b(?:held|hold|holds|holding) (?:\w+ )?talks\b|\btalks (?:with|between)\b",
    "meeting": (
        r"\b(?:met|meets|meeting with|met with|held a meeting|co-chaired|chaired|hosted|"
        r"received|called on(?!(?:\s+[\w'’-]+){1,5}\s+to\s)|telephone (?:conversation|call)|"
        r"phone call|spoke by phone)\b"
    ),
}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # The months of reports copied by agencies in other languages.
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5,
    "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5,
    "июня": 6, "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11,
    "декабря": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

# Words a line of page furniture begins with, or holds: never a statement or a speaker.
FURNITURE_OPENINGS = (
    "by ", "updated", "last updated", "published", "posted", "source:", "fuente:",
    "editor:", "read more", "also read", "also see", "more shorts", "must read",
    "listen to this article", "share", "comments", "sign in", "advertisement",
    "skip to main content", "close x", "watch live", "view more", "no comments",
    "post a comment", "follow us", "subscribe", "link copied", "back to main page",
    "photo:", "photograph:", "file photo", "file pic", "related", "recommended",
    "trending", "support from readers", "click here", "download", "reuters/",
    "image:", "picture:", "credit:", "go to ", "skip to ", "jump to ",
)  # fmt: skip
FURNITURE_MARKS = (
    "photograph:", "photo:", "photo by", "photo courtesy", "©", "getty images",
    "afp photo", "st photo", "pic.twitter.com", "uses cookies", "all rights reserved",
    "(xinhua/", "(ap photo", "(reuters", "/ap)", "/afp)", "picture-alliance", "/dpa",
)  # fmt: skip

# Services and sites, capitalised like names but never a person.
PLATFORMS = frozenset(
    """
    twitter facebook instagram youtube whatsapp weibo wechat telegram linkedin tiktok
    google reuters xinhua afp ap ani pti ians tass kyodo yonhap bernama
    """.split()
)

# Abbreviated titles, as Indian and African copy writes them, with their words.
TITLE_ABBREVIATIONS = {
    "pm": "prime minister", "fm": "foreign minister", "eam": "external affairs minister",
    "cs": "cabinet secretary", "nsa": "national security adviser", "hm": "home minister",
}  # fmt: skip
