"""Who said it: the cue beside each quotation, the phrase naming the speaker, and whom that
phrase means. A quotation with no cue keeps no speaker and says so; nothing is guessed."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from explorer.ingest.reading.cues import (
    Cue,
    according_to,
    cue_after,
    cue_alone,
    cue_before,
    echoed_in,
    final_cue,
    name_alone_after,
    names_before,
)
from explorer.ingest.reading.lexicon import SPEECH_VERBS
from explorer.ingest.reading.names import Registry
from explorer.ingest.reading.speakers import Attributor
from explorer.ingest.reading.subjects import is_speech_verb, says_here, subject_before
from explorer.ingest.reading.text import Article, Token


@dataclass
class Said:
    """Words given to speakers: a quotation (direct) or a sentence reporting them."""

    kind: str
    start: int
    end: int
    speakers: list[str]
    verb: str | None = None
    attribution: tuple[int, int] | None = None
    flags: list[str] = field(default_factory=list)
    cued: bool = False  # a cue was found, whether or not it named someone


def attribute(article: Article, registry: Registry) -> list[Said]:
    """Every quotation with its speakers (or a flag saying why it has none)."""
    attributor = Attributor(article, registry)
    found: list[Said] = []
    for number, sentence in enumerate(article.sentences):
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            if token.quote is None:
                continue
            quote = token.quote
            said = Said("direct", quote.start, quote.end, [], flags=list(quote.flags))
            headline = article.is_headline(sentence.paragraph)
            if sentence.paragraph in article.furniture and not headline:
                said.flags.append("in page furniture (a caption, a byline): check the speaker")
            elif (
                _a_name(article.text[quote.start : quote.end])
                and (not _beside_cue(tokens, index) or _subject_of_verb(tokens, index))
                and not (headline and _a_name(article.text[sentence.start : sentence.end]))
            ):  # in a headline set in Title Case, Title Case says nothing of the words
                said.cued = True  # a name or a title in quotation marks: nobody's words
                said.flags.append("looks like a name or a title, not someone's words")
            elif _named_thing(tokens, index):
                said.cued = True  # "her so-called “sales diplomacy”": a name for something
                said.flags.append("a name for something, not someone's words")
            else:
                if _opens(tokens, index):
                    cue = cue_after(tokens, index) or cue_before(tokens, index)
                else:  # inside a sentence: the clause it stands in speaks first, unless
                    # the quotation ends in a comma and its own cue follows ("…,” said Zuma")
                    after, before = cue_after(tokens, index), cue_before(tokens, index)
                    own = (
                        after is not None
                        and after.verb <= index + 3
                        and _comma_closes(article, quote)
                        and (before is None or tokens[before.who[0]].lower in {"the", "a", "an"})
                    )  # (but "Medvedev said … “…,” Vedomosti reported": the clause's own)
                    cue = after if own else before or after
                cue = cue or according_to(tokens)
                names = names_before(tokens, index)
                if names is not None and headline and not _known(registry, tokens, names):
                    names = None  # "UN To Trump: Racist Rhetoric 'Flies …'": capitals, no one
                if cue is None and names is not None:
                    cue = Cue(names, names[1] - 1)
                if cue is None and _quote_ends(tokens, index):
                    following = _next_in_paragraph(article, number)
                    alone = cue_alone(following.tokens) if following else None
                    if alone is not None:
                        _apply(attributor, following.tokens, alone, said)
                        found.append(said)
                        continue
                    name = name_alone_after(following.tokens, -1) if following else None
                    if name is not None:  # "“… Dhaka!” Thapa.": the name, the verb left out
                        _name_alone(attributor, following.tokens, name, said)
                        found.append(said)
                        continue
                cue = cue or final_cue(tokens, index)
                if cue is not None:
                    _apply(attributor, tokens, cue, said)
                elif (alone := name_alone_after(tokens, index)) is not None:
                    _name_alone(attributor, tokens, alone, said)
            found.append(said)
    _share_sentence(article, found)
    _echoes(article, found)
    _sentence_subject(article, attributor, found)
    _runs_back(article, found)
    _carry_on(article, attributor, found)
    for said in found:
        if not said.speakers:
            said.flags.append("no speaker: name one, or delete the entry")
    return found


def _comma_closes(article: Article, quote) -> bool:
    """Whether the quotation ends in a comma, inside its marks or right after them."""
    inner = article.text[quote.start : quote.end].rstrip("”\"’'» ")
    return inner.endswith(",") or article.text[quote.end : quote.end + 1] == ","


_NAMING = frozenset({"so-called", "codenamed", "code-named", "nicknamed", "titled", "entitled"})


def _named_thing(tokens: list[Token], index: int) -> bool:
    """A quotation that names a thing rather than reports words: "the so-called “…”",
    "a plan known as “…”", "an exercise code-named “…”"."""
    before = [t.lower for t in tokens[max(0, index - 2) : index]]
    return bool(before) and (before[-1] in _NAMING or before == ["known", "as"])


def _apply(attributor: Attributor, tokens: list[Token], cue: Cue, said: Said) -> None:
    keys, doubts = attributor.resolve(tokens, cue.who)
    said.cued = True
    said.speakers = keys
    entities = attributor.registry.entities
    quoted_as = (
        tokens[cue.verb].lower == "saying" and cue.verb > 1 and tokens[cue.verb - 1].lower == "as"
    )
    if len(keys) == 1 and entities[keys[0]].kind == "person" and not quoted_as:
        # (in "Y quoted X as saying", Y speaks the sentence: a "he" after it is Y)
        sentence = attributor.article.sentence_at(said.start)
        if sentence is not None:
            attributor.spoke[attributor.sentence_index[id(sentence)]] = entities[keys[0]]
    said.flags += doubts
    verb = tokens[cue.verb]
    said.verb = verb.lower if verb.lower not in {"according"} else "according to"
    start = min(tokens[cue.who[0]].start, verb.start)
    end = max(tokens[cue.who[1] - 1].end, verb.end)
    said.attribution = (start, end)


def _name_alone(attributor: Attributor, tokens: list[Token], name, said: Said) -> None:
    said.speakers, doubts = attributor.resolve(tokens, name)
    said.cued = True
    said.attribution = (tokens[name[0]].start, tokens[name[1] - 1].end)
    said.flags += [*doubts, "no verb of saying, only the name after it: check"]


def _known(registry: Registry, tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether the words at span name someone the story names elsewhere."""
    name = " ".join(t.text for t in tokens[span[0] : span[1]])
    return registry.find(name) is not None or registry._by_part(name) is not None


def _quote_ends(tokens: list[Token], index: int) -> bool:
    """Whether nothing but punctuation follows the quotation in its sentence."""
    return all(not t.text[:1].isalnum() for t in tokens[index + 1 :])


def _next_in_paragraph(article: Article, number: int):
    """The sentence after sentence `number`, if it is in the same paragraph."""
    if number + 1 < len(article.sentences):
        following = article.sentences[number + 1]
        if following.paragraph == article.sentences[number].paragraph:
            return following
    return None


def _opens(tokens: list[Token], index: int) -> bool:
    """Whether the quotation is the first thing in its sentence (an opening bracket aside)."""
    return all(t.text in {"(", "-", "—", "–"} for t in tokens[:index])


def _a_name(words: str) -> bool:
    """Whether quoted words are in Title Case ("2018 AU Theme on the Fight Against
    Corruption"): the name of a thing, not a quotation of anyone."""
    parts = [w for w in words.split() if w[:1].isalpha()]
    small = {"of", "the", "and", "on", "for", "in", "to", "a", "an", "at", "with"}
    big = [w for w in parts if w.lower() not in small]
    return len(big) >= 2 and sum(w[0].isupper() for w in big) == len(big)


def _subject_of_verb(tokens: list[Token], index: int) -> bool:
    """Whether the quoted words stand right before a verb of saying, as its subject
    ("Sri Lanka's ‘Daily Mirror’ reported")."""
    return index + 1 < len(tokens) and is_speech_verb(tokens[index + 1])


def _beside_cue(tokens: list[Token], index: int) -> bool:
    """Whether a verb of saying stands right beside the quotation ("…,” she said")."""
    near = tokens[max(index - 3, 0) : index] + tokens[index + 1 : index + 4]
    return any(is_speech_verb(t) for t in near)


def _share_sentence(article: Article, found: list[Said]) -> None:
    """A quotation with no cue of its own, in a sentence whose other quotation has one,
    shares its speaker ("X affirmed the “steadfast” commitment, saying … a “joint approach”
    to … “immediate threat”"), unless a new subject stands between ("as it has offered to")."""
    by_sentence: dict[int, list[Said]] = {}
    for said in found:
        sentence = article.sentence_at(said.start)
        if sentence is not None:
            by_sentence.setdefault(sentence.start, []).append(said)
    for group in by_sentence.values():
        for said in group:
            if said.cued:
                continue
            cued = [o for o in group if o.cued and o.speakers and o is not said]
            if not cued:
                continue
            nearest = min(cued, key=lambda o: abs(o.start - said.start))
            between = article.text[min(nearest.end, said.start) : max(nearest.start, said.end)]
            if re.search(r"\b(?:it|they)\s+(?:has|have|had|is|was|will|would)\b", between):
                continue
            if ";" in between or _new_cue(between):
                continue
            said.speakers = list(nearest.speakers)
            said.verb = nearest.verb
            said.cued = True
            said.flags.append("shares the cue of the quotation beside it in the sentence")


def _new_cue(between: str) -> bool:
    """Whether a verb of saying stands between two quotations with a subject of its own:
    "X said “…”, but added that “…”" goes on with X; "“…”, Y said, “…”" does not."""
    words = between.split()
    return any(
        w in SPEECH_VERBS and not (at and words[at - 1] in {"but", "and", "also"})
        for at, w in enumerate(words)
    )


def _runs_back(article: Article, found: list[Said]) -> None:
    """A quotation left open at its paragraph's end runs on into the next paragraph when
    that one opens with a quotation mark: it is one quotation, and where its cue comes only
    in the last paragraph ("…,” Najib said.), the speaker named there said all of it."""
    by_start = {q.start: q for q in article.quotes}
    following: Said | None = None
    for said in reversed(found):
        if said.kind != "direct":
            continue
        quote = by_start[said.start]
        if (
            not said.cued
            and not said.speakers
            and following is not None
            and following.speakers
            and "continues in the next paragraph" in quote.flags
        ):
            after = by_start[following.start]
            if _runs_on(article, quote.paragraph, after.paragraph, after):
                said.speakers = list(following.speakers)
                said.verb = following.verb
                said.flags.append(
                    "no cue of its own: the quotation runs on to the cue that ends it"
                    " in a later paragraph"
                )
        following = said


def _carry_on(article: Article, attributor: Attributor, found: list[Said]) -> None:
    """A quotation with no cue of its own continues the one before it when it follows in the
    same paragraph, or opens the next paragraph right after a quoted one (as wire copy
    runs a long quotation on)."""
    by_start = {q.start: q for q in article.quotes}
    previous: Said | None = None
    named: Said | None = None  # the last quotation given a speaker
    for said in found:
        quote = by_start[said.start]
        if not said.cued and previous is not None and previous.speakers:
            prior = by_start[previous.start]
            same = prior.paragraph == quote.paragraph and _opens_sentence(article, quote)
            if same or _runs_on(article, prior.paragraph, quote.paragraph, quote):
                said.speakers = list(previous.speakers)
                said.verb = previous.verb
                said.flags.append("no cue of its own: taken as going on from the quotation before")
        if (
            not said.cued
            and not said.speakers
            and named is not None
            and _about(article, attributor, quote, named, by_start[named.start].paragraph)
        ):
            said.speakers = list(named.speakers)
            said.verb = named.verb
            said.flags.append(
                "no cue of its own: taken as the speaker before, whom the paragraph"
                " between is about"
            )
        if not said.cued and not said.speakers:
            person = _reported_before(article, attributor, quote)
            if person is not None:
                said.speakers = [person.key]
                said.flags.append(
                    f"no cue of its own: taken as {person.name}'s, whose words the paragraph"
                    " before reports"
                )
        previous = said if said.kind == "direct" else previous
        named = said if said.kind == "direct" and said.speakers else named


def _reported_before(article: Article, attributor: Attributor, quote):
    """The person whose words the sentence before reports, when the quotation is a sentence
    of its own with no cue: in the same paragraph, a sentence opening with its speaker and a
    verb of saying ("Shoukri said he has no information … “No one told me …”"); before a
    paragraph that opens with the quotation, a sentence of reported speech ("The prime
    minister also insisted that …") or one ending in a cue cut off by the line break ("The
    Prime Minister said in his address,")."""
    sentence = article.sentence_at(quote.start)
    if sentence is None or sentence.paragraph in article.furniture:
        return None
    if article.is_headline(quote.paragraph):
        return None  # a subheading ("Syria 'is crumbling'") quotes no one in particular
    start = max(sentence.start, article.paragraphs[quote.paragraph][0])
    if len(article.text[start : quote.start].strip()) > 7:
        return None  # words of the writer's before the quotation in its sentence
    number = attributor.sentence_index[id(sentence)]
    if number and article.sentences[number - 1].paragraph == quote.paragraph:
        previous = article.sentences[number - 1]
        if any(t.quote is not None for t in previous.tokens):
            return None
        return _reporting(article, attributor, number - 1, quote.paragraph)
    paragraph = quote.paragraph
    if not paragraph or paragraph - 1 in article.furniture:
        return None
    before = [s for s in article.sentences if s.paragraph == paragraph - 1]
    if not before:
        return None
    tokens = before[-1].tokens
    if any(t.quote is not None for t in tokens):
        return None
    cut_cue = tokens[-1].text in {",", ":"} and any(
        t.text.islower() and is_speech_verb(t) for t in tokens
    )
    reports = any(  # "X also insisted that …", "X said he was …" ("that" left out)
        t.text.islower()
        and is_speech_verb(t)
        and tokens[at + 1].lower in {"that", "he", "she", "they", "we"}
        for at, t in enumerate(tokens[:-1])
    )
    if not (cut_cue or (reports and not article.is_headline(paragraph - 1))):
        return None  # (a line cut after its cue looks like a headline: it has no full stop)
    return attributor.subject(attributor.sentence_index[id(before[-1])])


def _about(article: Article, attributor: Attributor, quote, previous: Said, before: int) -> bool:
    """A paragraph that is only a quotation, after a paragraph whose sentences are all
    about the speaker of the quotation before ("Macron is on a three-day visit …"), which
    stands in it or in the paragraph before."""
    paragraph = quote.paragraph
    if paragraph not in (before + 1, before + 2) or len(previous.speakers) != 1:
        return False
    if paragraph - 1 in article.furniture or article.is_headline(paragraph - 1):
        return False
    start, end = article.paragraphs[paragraph]
    if article.text[start : quote.start].strip(" “\"‘'«") or len(
        article.text[quote.end : end].strip(" ”\"’'».")
    ):
        return False  # words of the writer's stand around the quotation
    between = [s for s in article.sentences if s.paragraph == paragraph - 1]
    subjects = {attributor.subject(attributor.sentence_index[id(s)]) for s in between}
    speaker = attributor.registry.entities.get(previous.speakers[0])
    return bool(between) and subjects - {None} == {speaker}


def _opens_sentence(article: Article, quote) -> bool:
    """Whether a quotation is the first thing in its sentence: a quotation inside a sentence
    with no cue of its own is a phrase the writer quotes, not the speaker going on."""
    sentence = article.sentence_at(quote.start)
    if sentence is None:
        return False
    first = next((t for t in sentence.tokens if t.text not in {"(", "And", "But"}), None)
    return first is not None and first.quote is quote


def _runs_on(article: Article, before: int, paragraph: int, quote) -> bool:
    """The paragraph is the next one (a caption or credit aside), begins with the quotation,
    and the one before it ended with a quotation or its cue."""
    between = range(before + 1, paragraph)  # only captions and credits may stand between
    if paragraph <= before or paragraph in article.furniture:
        return False
    if any(p not in article.furniture for p in between):
        return False
    start, _ = article.paragraphs[paragraph]
    opening = article.text[start : quote.start].strip()
    return len(opening) <= 7  # only the opening mark (an entity at most) before the words


def _echoes(article: Article, found: list[Said]) -> None:
    """A short quoted phrase with no cue that stands, word for word, in a longer quotation
    is taken as that quotation's speaker's (a partial quote echoing a full one)."""
    text = article.text
    for said in found:
        words = len(text[said.start : said.end].split())
        if said.cued or said.speakers or words > 6:
            continue
        paragraph = article.sentence_at(said.start)
        if words < 3 and not (paragraph and article.is_headline(paragraph.paragraph)):
            continue  # two words echo by chance; a headline's do not
        in_headline = paragraph is not None and article.is_headline(paragraph.paragraph)
        for other in found:
            if other is said or not other.speakers:
                continue
            if other.end - other.start < 40 and not in_headline:
                continue  # a headline echoes the story's words, short ones too
            if echoed_in(text[said.start : said.end], text[other.start : other.end]):
                said.speakers = list(other.speakers)
                said.flags.append("taken from the longer quotation it echoes: check it")
                break


def _sentence_subject(article: Article, attributor: Attributor, found: list[Said]) -> None:
    """Words quoted inside a sentence about a person, with no cue of their own, are taken
    as that person's, flagged: “Modi admired Sirisena's vision of a “truly Sri Lankan
    government””, “May has promised to be “frank””."""
    for said in found:
        if said.cued or said.speakers or said.kind != "direct":
            continue
        sentence = article.sentence_at(said.start)
        if sentence is None or sentence.paragraph in article.furniture:
            continue
        if article.is_headline(sentence.paragraph):
            continue
        tokens = sentence.tokens
        index = next(
            (i for i, t in enumerate(tokens) if t.quote and t.quote.start == said.start), None
        )
        if index is None or _opens(tokens, index):
            continue  # a quotation opening its sentence is no phrase of the writer's
        if next((t.lower for t in tokens if t.text.isalpha()), "") in {"i", "we"}:
            continue  # "I asked her why she had not “banged the drum”": the writer's words
        if _told_by_someone(tokens[:index]):
            continue  # "reporters were told hurling was “…”": said to them, by no one named
        number = attributor.sentence_index[id(sentence)]
        person = attributor.subject(number)
        if person is None and _no_subject(tokens):
            person = _reporting(article, attributor, number - 1, sentence.paragraph)
            if person is not None:
                said.speakers = [person.key]
                said.flags.append(
                    f"quoted as what {person.name} said in the sentence before: check it"
                )
            continue
        if person is None:
            continue
        said.speakers = [person.key]
        said.flags.append(f"quoted in a sentence about {person.name}: taken as theirs, check it")


_TOLD = frozenset({"told", "informed", "assured", "reminded", "warned", "advised"})


def _told_by_someone(tokens: list[Token]) -> bool:
    """A verb of saying in the passive: "were told", "was informed"."""
    return any(
        a.lower in {"was", "were", "been", "being", "is", "are"} and b.lower in _TOLD
        for a, b in itertools.pairwise(tokens)
    )


def _no_subject(tokens: list[Token]) -> bool:
    """A sentence that names no one as doer: "There was also …", "It was …"."""
    words = [t.lower for t in tokens[:2]]
    return words[:1] == ["there"] or words == ["it", "was"] or words == ["it", "is"]


def _reporting(article: Article, attributor: Attributor, number: int, paragraph: int):
    """The person whose words the sentence `number` reports ("He said the menu was …"),
    if it is in `paragraph` and opens with its speaker and a verb of saying."""
    if number < 0 or article.sentences[number].paragraph != paragraph:
        return None
    tokens = article.sentences[number].tokens
    verb = next((i for i, t in enumerate(tokens[:6]) if is_speech_verb(t)), None)
    if verb is None or any(t.quote is not None for t in tokens[:verb]):
        return None
    return attributor.subject(number)


REPORTING = SPEECH_VERBS | frozenset(
    """
    agreed discussed reaffirmed welcomed explored proposed pledged confirmed signed
    expressed underscored outlined sought hoped reviewed
    """.split()
)


def find_reported(article: Article, registry: Registry, found: list[Said]) -> list[Said]:
    """Sentences that report what someone said, agreed or proposed without quoting them:
    a named speaker before a verb of saying or agreeing, with a clause after it."""
    attributor = Attributor(article, registry)
    quoted = {id(article.sentence_at(s.start)) for s in found}
    reported = []
    for sentence in article.sentences:
        if id(sentence) in quoted or sentence.paragraph in article.furniture:
            continue
        if article.is_headline(sentence.paragraph):
            continue
        tokens = sentence.tokens
        for at, token in enumerate(tokens):
            if not (token.text.islower() and token.lower in REPORTING):
                continue
            if not says_here(tokens, at):
                continue  # "the Visegrád states: …": a noun
            who = subject_before(tokens, at)
            if who is None or len(tokens) - at < 5:
                break
            keys, doubts = attributor.resolve(tokens, who)
            if keys:
                start = tokens[who[0]].start
                said = Said("reported", sentence.start, sentence.end, keys, token.lower)
                said.attribution = (start, token.end)
                said.flags = doubts
                said.cued = True
                reported.append(said)
            break
    return reported
