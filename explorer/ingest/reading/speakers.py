"""Whom a speaker phrase means: a name, a pronoun, a description, a body or a statement."""

from __future__ import annotations

import bisect
import re

from explorer.ingest.reading.countries import known_countries
from explorer.ingest.reading.lexicon import (
    BODY_NOUNS,
    GROUP_NOUNS,
    OUTLET_HEADS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_WORDS,
)
from explorer.ingest.reading.names import Entity, Registry, is_name_word, name_run, slug
from explorer.ingest.reading.subjects import (
    OPENERS,
    PRONOUN_KINDS,
    WHEN,
    skip_forward,
    verbish,
)
from explorer.ingest.reading.text import Article, Spans, Token

# "the visiting minister", "the guest", and what says a person is visiting.
VISITING = frozenset({"visiting", "visitor", "guest", "guests"})
VISIT_WORDS = frozenset(
    "visit visits visiting visited arrive arrives arrived arriving touring".split()
)


# "his office said", "her spokesman told": words given for the person named before.
SPOKESPEOPLE = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "aides"})


HOSTING = frozenset({"with", "the", "a", "his", "her", "received", "met", "welcomed", "hosted"})


class Attributor:
    """Resolves the speakers of every quotation of one article."""

    def __init__(self, article: Article, registry: Registry) -> None:
        self.article = article
        self.registry = registry
        self.sentence_index = {id(s): i for i, s in enumerate(article.sentences)}
        self.quoted = Spans((q.start, q.end) for q in article.quotes)
        self._index_key: tuple[int, int] | None = None
        self._starts: list[int] = []
        self._items: list[tuple[int, Entity]] = []
        self._subjects: dict[int, Entity | None] = {}
        self.spoke: dict[int, Entity] = {}  # sentence index -> the person quoted in it

    def _index(self) -> tuple[list[int], list[tuple[int, Entity]]]:
        """Every naming of a person outside quotations, in order (rebuilt when people or
        namings were added since)."""
        people = self.registry.people()
        key = (len(self.registry.entities), sum(len(p.namings) for p in people))
        if key != self._index_key:
            items = sorted(
                (
                    (start, person)
                    for person in people
                    for start, _ in person.namings
                    if not self.quoted.holds(start)
                ),
                key=lambda item: item[0],
            )
            self._starts, self._items, self._index_key = [i[0] for i in items], items, key
        return self._starts, self._items

    def recent_people(self, before: int, most: int = 8) -> list[Entity]:
        """People named before `before`, outside quotations, latest naming first."""
        starts, items = self._index()
        found: list[Entity] = []
        for at in range(bisect.bisect_left(starts, before) - 1, -1, -1):
            person = items[at][1]
            if person not in found:
                found.append(person)
                if len(found) == most:
                    break
        return found

    def later_people(self, after: int, most: int = 8) -> list[Entity]:
        """People named after `after`, outside quotations, first naming first."""
        starts, items = self._index()
        found: list[Entity] = []
        for _, person in items[bisect.bisect_right(starts, after) :]:
            if person not in found:
                found.append(person)
                if len(found) == most:
                    break
        return found

    def resolve(self, tokens: list[Token], who: tuple[int, int]) -> tuple[list[str], list[str]]:
        """The entity keys a speaker phrase means, and any doubt about it."""
        phrase = tokens[who[0] : who[1]]
        position = phrase[0].start
        text = " ".join(t.text for t in phrase)
        lower = text.lower()
        head = phrase[-1].lower
        if lower in PRONOUN_KINDS:
            return self._pronoun(lower, position)
        if head in GROUP_NOUNS or (head.endswith("s") and head[:-1] in PERSON_NOUNS):
            return [], [f"said by {text!r}, not one named speaker: name them or leave it"]
        if head in STATEMENT_NOUNS:
            return self._statement(tokens, who)
        if all(t.capitalised for t in phrase):
            known = self.registry.find(text) or self.registry._by_part(text)
            if known is not None:
                return [known.key], []
        if " and " in f" {lower} " and all(t.capitalised or t.lower == "and" for t in phrase):
            parts = text.split(" and ")
            keys = [self._named(p.strip(), (position, position)) for p in parts]
            return [k for k in keys if k], ["two speakers named together: check both"]
        if phrase[0].lower in {"his", "her"} and head in SPOKESPEOPLE:
            person = self.antecedent(position)  # "his office said": speaking for him
            if person is not None:
                return [person.key], [f"{text!r} taken as speaking for {person.name}"]
        place = known_countries().country_of(text) or known_countries().city(text)
        if place and not phrase[-1].possessive and all(t.capitalised for t in phrase):
            # "India has said", "Addis Ababa has welcomed": the government, as the report puts it
            span = (phrase[0].start, phrase[-1].end)
            body = self.registry.add_body(text, span, place)
            body.namings.append(span)
            return [body.key], [f"{text!r}: the country speaks, as the report says; name who"]
        if head in BODY_NOUNS and phrase[-1].capitalised:
            return self._body(phrase, position)  # "Downing Street", "the Blue House"
        countries = known_countries()
        if is_name_word(phrase[0], countries) or all(
            is_name_word(t, countries) or t.text == "." for t in phrase
        ):
            key = self._named(text.replace(" .", "."), (phrase[0].start, phrase[-1].end))
            return ([key], []) if key else ([], [f"no one called {text!r}"])
        if head in STATEMENT_NOUNS:
            return self._statement(tokens, who)
        if head in GROUP_NOUNS or (head.endswith("s") and head[:-1] in PERSON_NOUNS):
            return [], [f"said by {text!r}, not one named speaker: name them or leave it"]
        if head in PERSON_NOUNS or head in TITLE_HEADS:
            if phrase[0].lower in {"a", "an"}:
                return self._unnamed(text, phrase)
            return self._described(phrase, position)
        if head in OUTLET_NOUNS:
            return self._outlet(text, position)
        if head in BODY_NOUNS or any(t.capitalised for t in phrase[1:]):
            return self._body(phrase, position)
        return [], [f"no speaker found in {text!r}"]

    def _named(self, name: str, span: tuple[int, int]) -> str | None:
        name = name.removesuffix("’s").removesuffix("'s")
        for honorific in ("Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Mr ", "Ms ", "Mrs ", "Dr "):
            name = name.removeprefix(honorific)
        known = self.registry.find(name) or self.registry._by_part(name)
        if known is not None:
            return known.key
        person = self.registry.add_person(name, span)
        person.namings.append(span)
        person.flags.append("named only as a speaker: check the name and give a title")
        return person.key

    def _pronoun(self, pronoun: str, position: int) -> tuple[list[str], list[str]]:
        if pronoun == "it":
            bodies = [b for b in self.registry.bodies() if b.start < position]
            if bodies:
                return [bodies[-1].key], ["'it' taken as the body named last"]
            return [], ["no body for 'it' to refer to"]
        if pronoun == "they":
            people = self.recent_people(position)
            return [p.key for p in people[:2]], ["'they' taken as the two people named last"]
        person = self.antecedent(position)
        if person is not None:
            return [person.key], [f"{pronoun!r} taken as {person.name}"]
        return [], [f"no one for {pronoun!r} to refer to"]

    def antecedent(self, position: int) -> Entity | None:
        """Whom "he" or "she" at `position` means: the person a fronted clause of the same
        sentence names ("When reporters reached X, he said"), else the subject of the
        sentence before (itself followed back through "he"), else the person named last."""
        sentence = self.article.sentence_at(position)
        if sentence is not None:
            tokens = sentence.tokens
            if tokens and tokens[0].lower in WHEN:
                named = [p for at, p in self.namings(sentence) if at < position]
                acting = self.acting(sentence, before=position)
                if acting is not None:
                    return acting
                if named:
                    return named[-1]
            index = self.sentence_index[id(sentence)]
            for earlier in range(index - 1, max(index - 4, -1), -1):
                speaker = self.spoke.get(earlier)
                if speaker is not None:
                    return speaker
                subject = self.subject(earlier)
                if subject is not None:
                    return subject
        people = self.recent_people(position)
        return people[0] if people else None

    def namings(self, sentence) -> list[tuple[int, Entity]]:
        """(position, person) of each naming of a person in a sentence, outside quotations."""
        starts, items = self._index()
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        return items[first:last]

    def subject(self, index: int) -> Entity | None:
        """The person a sentence is about: the first one named right before a verb (not a
        possessive), or, for a sentence opening with "he" or "she", the one before's."""
        if index in self._subjects:
            return self._subjects[index]
        self._subjects[index] = None  # no loops
        sentence = self.article.sentences[index]
        found = None
        words = [t for t in sentence.tokens if t.text not in {",", "Q"}]
        opening = next((t for t in words if t.lower not in OPENERS), None)
        if opening is not None and opening.lower in {"he", "she"} and index > 0:
            # the one before's subject; for "“…,” said X." (no subject), its speaker
            found = self.subject(index - 1) or self.spoke.get(index - 1)
        elif opening is not None and opening.lower in {"i", "we"}:
            found = self._addressed(sentence)  # "I asked the prime minister why he …"
        else:
            found = self._final_cue(sentence) or self._first_subject(sentence, index)
        self._subjects[index] = found
        return found

    def _addressed(self, sentence) -> Entity | None:
        """Whom a sentence of the writer's own ("I asked …", "We spoke to …") is about: the
        first person it names or describes."""
        tokens = sentence.tokens
        named = self.namings(sentence)
        for at, token in enumerate(tokens):
            if token.quote is not None:
                break
            if named and token.start >= named[0][0]:
                return named[0][1]
            described = self._description_at(tokens, at)
            if described is not None:
                return described
        return None

    def _final_cue(self, sentence) -> Entity | None:
        """Whom a sentence's closing cue names ("…, the minister said."): the speaker of all
        that comes before it."""
        tokens = [t for t in sentence.tokens if t.quote is None]
        if len(tokens) < 4 or tokens[-1].text not in {".", "!"} or not verbish(tokens[-2]):
            return None
        if tokens[-2].lower not in SPEECH_VERBS:
            return None
        comma = next(
            (
                i
                for i in range(len(tokens) - 3, max(len(tokens) - 8, 0), -1)
                if tokens[i].text == ","
            ),
            None,
        )
        if comma is None:
            return None
        phrase = tokens[comma + 1 : -2]
        if not phrase or any(t.text in {",", "“", '"'} for t in phrase):
            return None
        return self._one_person(phrase, phrase[0].start)

    def _first_subject(self, sentence, index: int) -> Entity | None:
        """The person a sentence's first subject means: a name (see `acting`), "he" or "she"
        (the sentence before's subject), or a description ("the foreign minister")."""
        tokens = sentence.tokens
        acting = self.acting(sentence)
        limit = min((s for s, p in self.namings(sentence) if p is acting), default=sentence.end)
        for at, token in enumerate(tokens):
            if token.start >= limit or token.quote is not None:
                break
            following = skip_forward(tokens, at + 1)
            if following >= len(tokens) or not verbish(tokens[following]):
                continue
            if token.lower in {"he", "she"}:
                return (self.spoke.get(index - 1) or self.subject(index - 1)) if index else None
            described = self._description_at(tokens, at)
            if described is not None:
                return described
        return acting

    def _description_at(self, tokens: list[Token], at: int) -> Entity | None:
        """The person a description ending at tokens[at] means ("the prime minister", "the
        Thai leader"), if it is one: "the", then lower-case words or a country's adjective."""
        if tokens[at].lower not in PERSON_NOUNS or not at:
            return None
        countries = known_countries()

        def modifier(token: Token) -> bool:  # "prime", "Thai", "Prime" in "The Prime Minister"
            return (
                token.text.islower()
                or bool(countries.country_of(token.text))
                or token.lower in TITLE_WORDS
            )

        if tokens[at - 1].lower == "the":  # "The Chancellor thus continued …"
            return self._one_person(tokens[at - 1 : at + 1], tokens[at - 1].start)
        if not modifier(tokens[at - 1]):
            return None
        start = next(
            (i for i in range(at - 1, max(at - 5, -1), -1) if tokens[i].lower == "the"), None
        )
        if start is None or not all(
            t.text.isalpha() and modifier(t) for t in tokens[start + 1 : at]
        ):
            return None
        return self._one_person(tokens[start : at + 1], tokens[start].start)

    def _one_person(self, phrase: list[Token], position: int) -> Entity | None:
        """The one person a short phrase means (a pronoun, a name, a description), if any."""
        lower = " ".join(t.lower for t in phrase)
        if lower in {"he", "she"}:
            return self.antecedent(position)
        if phrase[-1].lower in PERSON_NOUNS and phrase[0].lower == "the":
            keys, _ = self._described(phrase, position)
        else:
            text = " ".join(t.text for t in phrase)
            known = self.registry.find(text) or self.registry._by_part(text)
            keys = [known.key] if known is not None else []
        entity = self.registry.entities.get(keys[0]) if len(keys) == 1 else None
        return entity if entity is not None and entity.kind == "person" else None

    def acting(self, sentence, before: int | None = None) -> Entity | None:
        """The first person named in a sentence right before a verb, not as a possessive."""
        tokens = sentence.tokens
        starts = {t.start: i for i, t in enumerate(tokens)}
        for start, person in self.namings(sentence):
            at = starts.get(start)
            if at is None or (before is not None and start >= before):
                continue
            end = max(name_run(tokens, at, known_countries()), at + 1)
            if tokens[end - 1].possessive:
                continue
            following = skip_forward(tokens, end)
            if following < len(tokens) and verbish(tokens[following]):
                return person
        return None

    def _described(self, phrase: list[Token], position: int) -> tuple[list[str], list[str]]:
        """ "the minister", "the Indian leader", "the EAM": the latest person fitting it."""
        countries = known_countries()
        country = next(
            (countries.country_of(t.text) for t in phrase if countries.country_of(t.text)), None
        )
        noun = phrase[-1].lower
        expanded = TITLE_ABBREVIATIONS.get(noun, noun)
        described = " ".join(t.text for t in phrase)
        people = self.recent_people(position)
        sentence = self.article.sentence_at(position)
        if sentence is not None and self.article.is_headline(sentence.paragraph):
            # A headline speaks of people the story names after it.
            people += [p for p in self.later_people(position) if p not in people]
        if any(t.lower in VISITING for t in phrase):
            # "the visiting minister": the person the article has visiting, if one is.
            visitors = [p for p in people if self.is_visitor(p)]
            if visitors:
                return [visitors[0].key], [f"{described!r} taken as {visitors[0].name}, visiting"]
        fitting = [p for p in people if _fits(p, noun, expanded, country)]
        if country and any(p.country == country for p in fitting):
            fitting = [p for p in fitting if p.country == country]  # known to be of it
        modifiers = {
            t.lower for t in phrase[:-1] if t.text.islower() and t.lower not in _NOT_OF_TITLE
        }
        if modifiers:  # "the foreign minister" is a Foreign Minister before a Chief Minister
            fitting = [p for p in fitting if modifiers <= _title_words(p)] or fitting
        # "The Prime Minister", of a Prime Minister and a "Prime Minister of Bangladesh": the
        # one whose title is just those words (a readout's own head of government).
        words = " ".join(t.lower for t in phrase if t.lower not in _NOT_OF_TITLE)
        fitting = [p for p in fitting if (p.title or "").lower() == words] or fitting
        if sentence is not None and not self.article.is_headline(sentence.paragraph):
            # "a meeting with X, the minister said": the words name others than the speaker
            after = phrase[-1].end + 3  # "the minister, Wang Yi,": the name in apposition
            inside = {p for at, p in self.namings(sentence) if at < position or at > after}
            fitting = [p for p in fitting if p not in inside] or fitting
        if fitting:
            # The one the story is quoting, or is about, fits before anyone merely named since.
            topic = self.last_speaker(position) or self.recent_subject(position)
            person = topic if topic in fitting else fitting[0]
            return [person.key], [f"{described!r} taken as {person.name}"]
        untitled = [p for p in people if not p.title]
        if noun in TITLE_HEADS and len(untitled) == 1:
            # No one's title fits, and one person named has no title given: the description
            # is how the story knows them ("The prime minister has …"; later "David Cameron").
            person = untitled[0]
            return [person.key], [f"{described!r} taken as {person.name}, whose title is not given"]
        for group in reversed([b for b in self.registry.bodies() if b.kind == "group"]):
            if group.start < position and group.name.lower().split()[-1] == noun:
                return [group.key], [f"{described!r} taken as {group.name!r} before"]
        return [], [f"no one named before fits {described!r}"]

    def last_speaker(self, position: int, reach: int = 4) -> Entity | None:
        """The person quoted in the sentence at `position` or one of the few before it."""
        sentence = self.article.sentence_at(position)
        if sentence is None:
            return None
        index = self.sentence_index[id(sentence)]
        for earlier in range(index, max(index - reach, -1), -1):
            if earlier in self.spoke:
                return self.spoke[earlier]
        return None

    def recent_subject(self, position: int, reach: int = 3) -> Entity | None:
        """The subject of the nearest of the few sentences before the one at `position`
        that has one."""
        sentence = self.article.sentence_at(position)
        if sentence is None:
            return None
        index = self.sentence_index[id(sentence)]
        for earlier in range(index - 1, max(index - 1 - reach, -1), -1):
            subject = self.subject(earlier)
            if subject is not None:
                return subject
        return None

    def is_visitor(self, person: Entity) -> bool:
        """Whether the article has this person visiting (see `visiting_at`)."""
        return self.visiting_at(person) is not None

    def visiting_at(self, person: Entity) -> int | None:
        """Where the article first has this person visiting: a word of visiting or arriving
        among the few words right after a naming ("X, who is on a visit to", "X arrived
        in"), or "visiting" before their title ("visiting Foreign Minister X")."""
        text = self.article.text
        for start, end in sorted(person.namings):
            if self.quoted.holds(start):
                continue
            words = [w.lower() for w in re.findall(r"[\w’']+", text[end : end + 60])[:6]]
            for at, word in enumerate(words):
                # "met with visiting X": the word is about someone else
                if word in VISIT_WORDS and not (at and words[at - 1] in HOSTING):
                    return start
            before = re.findall(r"[\w’'.]+", text[max(0, start - 60) : start])[-6:]
            if any(w.lower() in {"visiting", "guest"} for w in before):
                return start
        return None

    def _outlet(self, text: str, position: int) -> tuple[list[str], list[str]]:
        """ "the paper said": the newspaper or agency named last (in a headline, first)."""
        outlets = [b for b in self.registry.bodies() if b.name.split()[-1] in OUTLET_HEADS]
        before = [b for b in outlets if b.start < position]
        sentence = self.article.sentence_at(position)
        if not before and sentence and self.article.is_headline(sentence.paragraph):
            before = sorted(outlets, key=lambda b: b.start)[:1]
        if before:
            return [before[-1].key], [f"{text!r} taken as {before[-1].name}"]
        return [], [f"no newspaper or agency named before fits {text!r}"]

    def _body(self, phrase: list[Token], position: int) -> tuple[list[str], list[str]]:
        head = phrase[-1].lower
        kept = [t for t in phrase if t.lower not in {"the", "a", "an"}]
        while len(kept) > 1 and t_based(kept[0]):
            kept = kept[1:]  # "the Dubai-based Gulf News": the paper, not where it is
        phrase = [t for t in phrase if t.lower in {"the", "a", "an"}][:1] + kept
        named = " ".join(t.text for t in kept)
        known = self.registry.find(named)
        if known is not None:
            return [known.key], []
        bodies = [b for b in self.registry.bodies() if b.start < position]
        for body in reversed(bodies):
            if head in body.name.lower():
                return [body.key], [f"{named!r} taken as {body.name}"]
        start, end = phrase[0].start, phrase[-1].end
        if any(t.capitalised for t in phrase if t.lower not in {"the", "a", "an"}):
            body = self.registry.add_body(named, (start, end))
            body.namings.append((start, end))
            return [body.key], []
        if head in BODY_NOUNS and len(phrase) > 2 and phrase[0].lower == "the":
            # "the external affairs ministry said": a body the story names only so
            countries = known_countries()
            country = next(
                (countries.country_of(t.text) for t in phrase if countries.country_of(t.text)), None
            )
            body = self.registry.add_body(named, (phrase[1].start, end), country)
            body.namings.append((phrase[1].start, end))
            return [body.key], [f"{named!r}: a body named only in lower case, check its name"]
        return [], [f"no body named before fits {named!r}"]

    def _statement(self, tokens: list[Token], who: tuple[int, int]) -> tuple[list[str], list[str]]:
        """ "X's statement said" speaks for X; "a statement read" names no one."""
        phrase = tokens[who[0] : who[1]]
        owners = [t for t in phrase if t.possessive]
        if owners:
            owner = owners[0].text[:-2]
            known = self.registry.find(owner)
            if known is None:
                start = owners[0].start
                known = self.registry.add_body(owner, (start, start + len(owner)))
                known.namings.append((start, start + len(owner)))
            return [known.key], []
        if phrase[0].lower in {"the", "that", "this"}:
            issuer = self.issuer(phrase[0].start)
            if issuer is not None:
                return [issuer.key], [f"'the statement' taken as {issuer.name}'s, named before"]
        return [], ["a statement: say who issued it"]

    def issuer(self, position: int) -> Entity | None:
        """Who issued the statement named last before `position`: in the sentence naming
        it, the body or person nearest before the word ("X said in a statement"), else the
        first after it ("a statement from X")."""
        text = self.article.text
        nouns = "|".join(sorted(STATEMENT_NOUNS))
        window = max(0, position - 2000)
        mentions = list(re.finditer(rf"\b(?:{nouns})\b", text[window:position], re.I))
        for mention in reversed(mentions):
            at = window + mention.start()
            sentence = self.article.sentence_at(at)
            if sentence is None:
                continue
            named = sorted(
                (start, entity)
                for entity in self.registry.entities.values()
                if entity.kind in {"person", "body"}
                for start, _ in entity.namings
                if sentence.start <= start < sentence.end and not self.quoted.holds(start)
            )
            before = [entity for start, entity in named if start < at]
            after = [entity for start, entity in named if start > at]
            if before or after:
                return before[-1] if before else after[0]
        return None

    def _unnamed(self, text: str, phrase: list[Token]) -> tuple[list[str], list[str]]:
        """ "a senior administration official": an unnamed speaker, kept as a group."""
        name = " ".join(t.text for t in phrase if t.lower not in {"a", "an"})
        start, end = phrase[0].start, phrase[-1].end
        key = slug(name)
        group = self.registry.entities.get(key)
        if group is None:
            group = Entity(key, "group", name, start, end)
            self.registry.entities[key] = group
        group.namings.append((start, end))
        return [key], [f"an unnamed speaker, {text!r}"]


_NOT_OF_TITLE = frozenset({"the", "a", "an", "visiting", "then", "former", "new", "top"})


def _title_words(person: Entity) -> set[str]:
    return set((person.title or "").lower().replace("-", " ").split())


def t_based(token: Token) -> bool:
    """ "Dubai-based", "London-headquartered": where a body is, not its name."""
    return token.lower.endswith(("-based", "-headquartered"))


def _fits(person: Entity, noun: str, expanded: str, country: str | None) -> bool:
    """Whether a person's title fits a description's head noun (and its country, if both
    have one): "the minister" fits "Foreign Minister", "the leader" anyone with a title."""
    if country and person.country and person.country != country:
        return False
    title = (person.title or "").lower()
    title_words = title.replace("-", " ").split()
    return (
        noun in title_words
        or (expanded.split()[-1] in title_words and set(expanded.split()) <= set(title_words))
        or (noun in {"leader", "diplomat", "official"} and bool(title))
    )
