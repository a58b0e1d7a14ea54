"""General knowledge the drafting rules use: countries and their names, titles, speech verbs.

Nothing here is keyed to any article: it is the vocabulary of wire reports.
"""

from __future__ import annotations

# id (ISO 3166 alpha-2, lower case) | name | other names and adjectives, comma-separated
COUNTRIES = """
af|Afghanistan|Afghan
al|Albania|Albanian
dz|Algeria|Algerian
ar|Argentina|Argentine,Argentinian
am|Armenia|Armenian
au|Australia|Australian
at|Austria|Austrian
az|Azerbaijan|Azerbaijani
bh|Bahrain|Bahraini
bd|Bangladesh|Bangladeshi
by|Belarus|Belarusian
be|Belgium|Belgian
bt|Bhutan|Bhutanese
bo|Bolivia|Bolivian
ba|Bosnia and Herzegovina|Bosnian
br|Brazil|Brazilian
bn|Brunei|Bruneian
bg|Bulgaria|Bulgarian
kh|Cambodia|Cambodian
cm|Cameroon|Cameroonian
ca|Canada|Canadian
cl|Chile|Chilean
cn|China|Chinese,People's Republic of China,PRC
co|Colombia|Colombian
hr|Croatia|Croatian
cu|Cuba|Cuban
cy|Cyprus|Cypriot
cz|Czech Republic|Czech,Czechia
dk|Denmark|Danish
eg|Egypt|Egyptian
ee|Estonia|Estonian
et|Ethiopia|Ethiopian
fj|Fiji|Fijian
fi|Finland|Finnish
fr|France|French
ge|Georgia|Georgian
de|Germany|German
gh|Ghana|Ghanaian
gr|Greece|Greek
hu|Hungary|Hungarian
is|Iceland|Icelandic
in|India|Indian
id|Indonesia|Indonesian
ir|Iran|Iranian
iq|Iraq|Iraqi
ie|Ireland|Irish
il|Israel|Israeli
it|Italy|Italian
jp|Japan|Japanese
jo|Jordan|Jordanian
kz|Kazakhstan|Kazakh
ke|Kenya|Kenyan
kw|Kuwait|Kuwaiti
kg|Kyrgyzstan|Kyrgyz
la|Laos|Lao,Laotian
lv|Latvia|Latvian
lb|Lebanon|Lebanese
ly|Libya|Libyan
lt|Lithuania|Lithuanian
lu|Luxembourg|Luxembourgish
my|Malaysia|Malaysian
mv|Maldives|Maldivian
mx|Mexico|Mexican
mn|Mongolia|Mongolian
ma|Morocco|Moroccan
mm|Myanmar|Burma,Burmese
np|Nepal|Nepali,Nepalese
nl|Netherlands|Dutch
nz|New Zealand|New Zealander
ng|Nigeria|Nigerian
kp|North Korea|Democratic People's Republic of Korea,DPRK,North Korean
no|Norway|Norwegian
om|Oman|Omani
pk|Pakistan|Pakistani
ps|Palestine|Palestinian
pa|Panama|Panamanian
pg|Papua New Guinea|Papua New Guinean
pe|Peru|Peruvian
ph|Philippines|Philippine,Filipino
pl|Poland|Polish
pt|Portugal|Portuguese
qa|Qatar|Qatari
ro|Romania|Romanian
ru|Russia|Russian,Russian Federation
sa|Saudi Arabia|Saudi
rs|Serbia|Serbian
sg|Singapore|Singaporean
sk|Slovakia|Slovak
si|Slovenia|Slovenian
za|South Africa|South African
kr|South Korea|Republic of Korea,ROK,Korea,Korean,South Korean
es|Spain|Spanish
lk|Sri Lanka|Sri Lankan
sd|Sudan|Sudanese
se|Sweden|Swedish
ch|Switzerland|Swiss
sy|Syria|Syrian
tw|Taiwan|Taiwanese
tj|Tajikistan|Tajik
tz|Tanzania|Tanzanian
th|Thailand|Thai
tl|Timor-Leste|East Timor,Timorese
tr|Turkey|Turkish,Türkiye
tm|Turkmenistan|Turkmen
ug|Uganda|Ugandan
ua|Ukraine|Ukrainian
ae|United Arab Emirates|UAE,Emirati
gb|United Kingdom|UK,Britain,British
us|United States|U.S.,US,USA,America,American
uy|Uruguay|Uruguayan
uz|Uzbekistan|Uzbek
ve|Venezuela|Venezuelan
vn|Vietnam|Viet Nam,Vietnamese
ye|Yemen|Yemeni
zm|Zambia|Zambian
zw|Zimbabwe|Zimbabwean
"""

# Countries whose names put the family name first: both orders become aliases.
FAMILY_NAME_FIRST = {"cn", "jp", "kr", "kp", "tw", "vn", "hu", "mn"}

# Groupings of countries, with their members' ids.
GROUPINGS = {
    "Quad": ("quad", ["us", "jp", "in", "au"]),
    "ASEAN": ("asean", []),
    "G7": ("g7", ["us", "jp", "de", "fr", "gb", "it", "ca"]),
    "G20": ("g20", []),
    "BRICS": ("brics", ["br", "ru", "in", "cn", "za"]),
    "NATO": ("nato", []),
    "European Union": ("eu", []),
}

# Words that make a title, longest phrases first when matched.
TITLES = (
    "External Affairs Minister",
    "Foreign Affairs Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Prime Minister",
    "Deputy Prime Minister",
    "Trade Minister",
    "Finance Minister",
    "Minister",
    "Vice President",
    "President",
    "Secretary of State",
    "Foreign Secretary",
    "Secretary",
    "Chancellor",
    "Premier",
    "Ambassador",
    "Envoy",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "King",
    "Queen",
)

# Nouns a descriptive reference to a person ends in: "the Indian minister", "the envoy".
TITLE_NOUNS = {
    "minister", "president", "premier", "secretary", "chancellor", "ambassador", "envoy",
    "spokesperson", "spokesman", "spokeswoman", "diplomat", "official", "leader",
}  # fmt: skip

# Verbs of saying, in the forms wire reports use, with the verb to record.
SPEECH_VERBS = {
    "said": "said", "says": "said", "told": "told", "added": "added", "argued": "argued",
    "noted": "noted", "stressed": "stressed", "insisted": "insisted", "explained": "explained",
    "warned": "warned", "wrote": "wrote", "asked": "asked", "declared": "declared",
    "stated": "stated", "remarked": "remarked", "observed": "observed", "continued": "continued",
    "emphasised": "emphasised", "emphasized": "emphasized", "underlined": "underlined",
    "announced": "announced", "replied": "replied", "suggested": "suggested",
    "described": "described", "recalled": "recalled", "predicted": "predicted",
}  # fmt: skip

# Verbs that report a statement or a commitment without quoting it.
REPORTING_VERBS = {
    **SPEECH_VERBS,
    "agreed": "agreed", "reaffirmed": "reaffirmed", "welcomed": "welcomed",
    "discussed": "discussed", "explored": "explored", "proposed": "proposed",
    "outlined": "outlined", "pledged": "pledged", "confirmed": "confirmed",
    "signed": "signed", "called": "called",
}  # fmt: skip

# The commitment a verb conveys, for cooperation areas (matched on word starts).
COMMITMENT_STEMS = (
    ("reaffirm", "reaffirmed"),
    ("confirm", "reaffirmed"),
    ("welcom", "welcomed"),
    ("agree", "agreed"),
    ("sign", "agreed"),
    ("pledg", "agreed"),
    ("would work together", "agreed"),
    ("explor", "explored"),
    ("propos", "proposed"),
    ("suggest", "proposed"),
    ("discuss", "discussed"),
    ("been supporting", "ongoing"),
    ("continues to support", "ongoing"),
)

PRONOUNS = {"he", "she", "they"}
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ORGANIZATION_WORDS = (
    "Ministry", "Department", "Academy", "University", "Institute", "Agency", "Council",
    "Commission", "Foundation", "Bank", "Office", "Secretariat", "Organization", "Organisation",
    "Committee", "Parliament", "Embassy", "Forum", "Centre", "Center",
)  # fmt: skip


def countries() -> list[tuple[str, str, list[str]]]:
    """(id, name, other names) of every country known to the drafting rules."""
    rows = []
    for line in COUNTRIES.strip().splitlines():
        code, name, others = line.split("|")
        rows.append((code, name, [o for o in others.split(",") if o]))
    return rows
