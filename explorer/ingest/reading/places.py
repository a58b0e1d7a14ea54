"""Countries, their other names and adjectives, and their capitals: general knowledge.

Nothing here is keyed to any article. One line a country:
id (ISO 3166 alpha-2, lower case) | name | other names and adjectives | capital, other cities
"""

from __future__ import annotations

import functools

COUNTRIES = """
af|Afghanistan|Afghan,Afghanistani|Kabul
al|Albania|Albanian|Tirana
dz|Algeria|Algerian|Algiers
ad|Andorra|Andorran|Andorra la Vella
ao|Angola|Angolan|Luanda
ag|Antigua and Barbuda|Antiguan|St John's
ar|Argentina|Argentine,Argentinian,Argentinean|Buenos Aires
am|Armenia|Armenian|Yerevan
au|Australia|Australian,Aussie|Canberra,Sydney,Melbourne
at|Austria|Austrian|Vienna
az|Azerbaijan|Azerbaijani,Azeri|Baku
bs|Bahamas|Bahamian,The Bahamas|Nassau
bh|Bahrain|Bahraini|Manama
bd|Bangladesh|Bangladeshi|Dhaka
bb|Barbados|Barbadian|Bridgetown
by|Belarus|Belarusian,Belarussian|Minsk
be|Belgium|Belgian|
bz|Belize|Belizean|Belmopan
bj|Benin|Beninese|Porto-Novo,Cotonou
bt|Bhutan|Bhutanese|Thimphu
bo|Bolivia|Bolivian|La Paz,Sucre
ba|Bosnia and Herzegovina|Bosnian,Bosnia|Sarajevo
bw|Botswana|Botswanan,Motswana|Gaborone
br|Brazil|Brazilian,Brasil|Brasilia,Brasília,Rio de Janeiro,São Paulo,Sao Paulo
bn|Brunei|Bruneian,Brunei Darussalam|Bandar Seri Begawan
bg|Bulgaria|Bulgarian|Sofia
bf|Burkina Faso|Burkinabe,Burkinabé|Ouagadougou
bi|Burundi|Burundian|Gitega,Bujumbura
cv|Cape Verde|Cape Verdean,Cabo Verde|Praia
kh|Cambodia|Cambodian|Phnom Penh
cm|Cameroon|Cameroonian|Yaounde,Yaoundé
ca|Canada|Canadian|Ottawa,Toronto,Montreal
cf|Central African Republic|Central African|Bangui
td|Chad|Chadian|N'Djamena
cl|Chile|Chilean|Santiago
cn|China|Chinese,People's Republic of China,PRC,P.R.C.,Sino|Beijing,Shanghai
co|Colombia|Colombian|Bogota,Bogotá
km|Comoros|Comoran,Comorian|Moroni
cg|Republic of the Congo|Congo-Brazzaville,Congolese|Brazzaville
cd|Democratic Republic of the Congo|DR Congo,DRC,Congo-Kinshasa|Kinshasa
cr|Costa Rica|Costa Rican|San Jose,San José
ci|Ivory Coast|Ivorian,Côte d'Ivoire,Cote d'Ivoire|Yamoussoukro,Abidjan
hr|Croatia|Croatian,Croat|Zagreb
cu|Cuba|Cuban|Havana
cy|Cyprus|Cypriot|Nicosia
cz|Czech Republic|Czech,Czechia|Prague
dk|Denmark|Danish,Dane|Copenhagen
dj|Djibouti|Djiboutian|
dm|Dominica|Dominican|Roseau
do|Dominican Republic||Santo Domingo
ec|Ecuador|Ecuadorian,Ecuadorean|Quito
eg|Egypt|Egyptian|Cairo
sv|El Salvador|Salvadoran,Salvadorean|San Salvador
gq|Equatorial Guinea|Equatoguinean|Malabo
er|Eritrea|Eritrean|Asmara
ee|Estonia|Estonian|Tallinn
sz|Eswatini|Swazi,Swaziland|Mbabane
et|Ethiopia|Ethiopian|Addis Ababa
fj|Fiji|Fijian|Suva
fi|Finland|Finnish,Finn|Helsinki
fr|France|French|Paris
ga|Gabon|Gabonese|Libreville
gm|Gambia|Gambian,The Gambia|Banjul
ge|Georgia|Georgian|Tbilisi
de|Germany|German|Berlin,Munich,Hamburg,Frankfurt,Bonn
gh|Ghana|Ghanaian,Ghanian|Accra
gr|Greece|Greek,Hellenic|Athens
gd|Grenada|Grenadian|St George's
gt|Guatemala|Guatemalan|Guatemala City
gn|Guinea|Guinean|Conakry
gw|Guinea-Bissau|Bissau-Guinean|Bissau
gy|Guyana|Guyanese|Georgetown
ht|Haiti|Haitian|Port-au-Prince
hn|Honduras|Honduran|Tegucigalpa
hu|Hungary|Hungarian|Budapest
is|Iceland|Icelandic,Icelander|Reykjavik,Reykjavík
in|India|Indian|New Delhi,Delhi,Mumbai,Bangalore,Bengaluru,Kolkata,Chennai
id|Indonesia|Indonesian|Jakarta
ir|Iran|Iranian,Islamic Republic of Iran|Tehran
iq|Iraq|Iraqi|Baghdad
ie|Ireland|Irish|Dublin
il|Israel|Israeli|Jerusalem,Tel Aviv
it|Italy|Italian|Rome,Milan
jm|Jamaica|Jamaican|Kingston
jp|Japan|Japanese|Tokyo,Osaka,Kyoto
jo|Jordan|Jordanian|Amman
kz|Kazakhstan|Kazakh,Kazakhstani|Astana,Nur-Sultan,Almaty
ke|Kenya|Kenyan|Nairobi,Mombasa
ki|Kiribati|I-Kiribati|Tarawa
kw|Kuwait|Kuwaiti|Kuwait City
kg|Kyrgyzstan|Kyrgyz|Bishkek
la|Laos|Lao,Laotian|Vientiane
lv|Latvia|Latvian|Riga
lb|Lebanon|Lebanese|Beirut
ls|Lesotho|Basotho,Mosotho|Maseru
lr|Liberia|Liberian|Monrovia
ly|Libya|Libyan|Tripoli
li|Liechtenstein|Liechtensteiner|Vaduz
lt|Lithuania|Lithuanian|Vilnius
lu|Luxembourg|Luxembourgish,Luxembourger|
mg|Madagascar|Malagasy|Antananarivo
mw|Malawi|Malawian|Lilongwe
my|Malaysia|Malaysian|Kuala Lumpur,Putrajaya
mv|Maldives|Maldivian|Male,Malé
ml|Mali|Malian|Bamako
mt|Malta|Maltese|Valletta
mh|Marshall Islands|Marshallese|Majuro
mr|Mauritania|Mauritanian|Nouakchott
mu|Mauritius|Mauritian|Port Louis
mx|Mexico|Mexican|Mexico City
fm|Micronesia|Micronesian|Palikir
md|Moldova|Moldovan|Chisinau,Chișinău
mc|Monaco|Monegasque|
mn|Mongolia|Mongolian|Ulaanbaatar,Ulan Bator
me|Montenegro|Montenegrin|Podgorica
ma|Morocco|Moroccan|Rabat
mz|Mozambique|Mozambican|Maputo
mm|Myanmar|Burma,Burmese|Naypyidaw,Naypyitaw,Yangon,Rangoon
na|Namibia|Namibian|Windhoek
nr|Nauru|Nauruan|Yaren
np|Nepal|Nepali,Nepalese|Kathmandu
nl|Netherlands|Dutch,Holland,The Netherlands|Amsterdam,The Hague
nz|New Zealand|New Zealander,Kiwi|Wellington,Auckland
ni|Nicaragua|Nicaraguan|Managua
ne|Niger|Nigerien|Niamey
ng|Nigeria|Nigerian|Abuja,Lagos
kp|North Korea|Democratic People's Republic of Korea,DPRK,N. Korea,North Korean|Pyongyang
mk|North Macedonia|Macedonian,Macedonia|Skopje
no|Norway|Norwegian|Oslo
om|Oman|Omani|Muscat
pk|Pakistan|Pakistani|Islamabad,Karachi,Lahore
pw|Palau|Palauan|Ngerulmud
ps|Palestine|Palestinian|Ramallah
pa|Panama|Panamanian|Panama City
pg|Papua New Guinea|Papua New Guinean,PNG|Port Moresby
py|Paraguay|Paraguayan|Asuncion,Asunción
pe|Peru|Peruvian|Lima
ph|Philippines|Philippine,Filipino|Manila
pl|Poland|Polish,Pole|Warsaw
pt|Portugal|Portuguese|Lisbon
qa|Qatar|Qatari|Doha
ro|Romania|Romanian|Bucharest
ru|Russia|Russian,Russian Federation|Moscow,St Petersburg,Saint Petersburg,Sochi
rw|Rwanda|Rwandan|Kigali
kn|Saint Kitts and Nevis|Kittitian|Basseterre
lc|Saint Lucia|Saint Lucian|Castries
vc|Saint Vincent and the Grenadines|Vincentian|Kingstown
ws|Samoa|Samoan|Apia
sm|San Marino|Sammarinese|
st|Sao Tome and Principe|Santomean|São Tomé
sa|Saudi Arabia|Saudi|Riyadh,Jeddah
sn|Senegal|Senegalese|Dakar
rs|Serbia|Serbian,Serb|Belgrade
sc|Seychelles|Seychellois|Victoria
sl|Sierra Leone|Sierra Leonean|Freetown
sg|Singapore|Singaporean|
sk|Slovakia|Slovak,Slovakian|Bratislava
si|Slovenia|Slovenian,Slovene|Ljubljana
sb|Solomon Islands|Solomon Islander|Honiara
so|Somalia|Somali|Mogadishu
za|South Africa|South African|Pretoria,Cape Town,Johannesburg
kr|South Korea|Republic of Korea,ROK,S. Korea,S.Korea,South Korean|Seoul,Busan
ss|South Sudan|South Sudanese|Juba
es|Spain|Spanish,Spaniard|Madrid
lk|Sri Lanka|Sri Lankan|Colombo
sd|Sudan|Sudanese|Khartoum
sr|Suriname|Surinamese|Paramaribo
se|Sweden|Swedish,Swede|Stockholm
ch|Switzerland|Swiss|Bern,Geneva
sy|Syria|Syrian|Damascus
tw|Taiwan|Taiwanese|Taipei
tj|Tajikistan|Tajik|Dushanbe
tz|Tanzania|Tanzanian|Dodoma,Dar es Salaam
th|Thailand|Thai|Bangkok
tl|Timor-Leste|East Timor,Timorese|Dili
tg|Togo|Togolese|Lome,Lomé
to|Tonga|Tongan|Nuku'alofa
tt|Trinidad and Tobago|Trinidadian|Port of Spain
tn|Tunisia|Tunisian|Tunis
tr|Turkey|Turkish,Türkiye,Turk|Ankara,Istanbul
tm|Turkmenistan|Turkmen|Ashgabat
tv|Tuvalu|Tuvaluan|Funafuti
ug|Uganda|Ugandan|Kampala
ua|Ukraine|Ukrainian|Kiev,Kyiv
ae|United Arab Emirates|UAE,U.A.E.,Emirati|Abu Dhabi,Dubai
gb|United Kingdom|UK,U.K.,Britain,Great Britain,British,Briton|London
us|United States|U.S.,US,USA,U.S.A.,America,American,United States of America|Washington
uy|Uruguay|Uruguayan|Montevideo
uz|Uzbekistan|Uzbek|Tashkent
vu|Vanuatu|Ni-Vanuatu|Port Vila
va|Vatican|Holy See|Vatican City
ve|Venezuela|Venezuelan|Caracas
vn|Vietnam|Viet Nam,Vietnamese|Hanoi,Ha Noi,Hà Nội,Ho Chi Minh City
ye|Yemen|Yemeni|Sanaa,Sana'a,Aden
zm|Zambia|Zambian|Lusaka
zw|Zimbabwe|Zimbabwean|Harare
"""

# A plain "Korea" or "Korean" most often means the South in diplomatic coverage, but not
# always: read as the South only where nothing else in the article speaks of the North.
AMBIGUOUS = {"Korea": "kr", "Korean": "kr", "Koreans": "kr", "Congo": "cg"}

# Capitals shared by a country and a larger body, or names of places that are not the
# country's government when used alone.
NOT_METONYMS = {"Brussels", "Geneva", "Washington DC", "Victoria", "Kingston", "Georgetown"}


@functools.cache
def countries() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]:
    """(id, name, other names, cities) of every country."""
    rows = []
    for line in COUNTRIES.strip().splitlines():
        code, name, others, cities = line.split("|")
        rows.append(
            (
                code,
                name,
                tuple(o for o in others.split(",") if o),
                tuple(c for c in cities.split(",") if c),
            )
        )
    return tuple(rows)


@functools.cache
def city_country() -> dict[str, str]:
    """City name -> country id."""
    return {city: code for code, _, _, cities in countries() for city in cities}
