"""Who said it: attribution clauses around quotations, and statements reported without them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.ingest.extract import NAME, REPORT_ALT, VERB_ALT, Reader, Said
from explorer.ingest.gazetteer import REPORTING_VERBS, SPEECH_VERBS, TITLE_NOUNS

# How close (in characters) a clause must be to a quotation to be its attribution outright.
ADJACENT = 4
# Words a sentence must have beyond its quotations and its attribution to report something.
REPORTED_WORDS = 4


@dataclass
class Clause:
    """An attribution clause: who (one or two phrases) and the verb, if any."""

    start: int
    end: int
    who: list[tuple[int, int]]
    verb: str | None


def speaker_pattern(reader: Reader) -> str:
    """A regex for the ways this article names a speaker: names first, then descriptions."""
    forms = [re.escape(form) for form, _ in reader.name_forms()]
    nouns = "|".join(sorted(TITLE_NOUNS, key=len, reverse=True))
    described = rf"[Tt]he\s+(?:[\w’-]+\s+){{0,2}}(?:{nouns})s?"
    others = [
        r"[Hh]e",
        r"[Ss]he",
        r"[Tt]hey",
        r"[Tt]he\s+two(?:\s+(?:ministers|leaders|sides|men|women|officials))?",
        described,
        r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther)\s+[a-z]+",
        NAME,
    ]
    return "(?:" + "|".join([*forms, *others]) + ")"


def masked(reader: Reader, start: int, end: int) -> str:
    """A sentence with the words inside its quotations blanked out, offsets kept."""
    text = reader.text[start:end]
    chars = list(text)
    for q_start, q_end in reader.quotes:
        for i in range(max(q_start, start), min(q_end, end)):
            chars[i - start] = "\0"
    return "".join(chars)


def clauses(reader: Reader, start: int, end: int, verbs: str) -> list[Clause]:
    """Every attribution clause in the sentence start..end, outside its quotations."""
    who = speaker_pattern(reader)
    text = masked(reader, start, end)
    patterns = (
        rf"\b(?P<verb>{verbs})(?:\s+(?:reporters|journalists))?,?\s+(?P<who>{who})",
        rf"(?P<who>{who})\s+and\s+(?P<who2>{who})\s+(?:also\s+|have\s+|has\s+)?(?P<verb>{verbs})\b",
        rf"(?P<who>{who})\s+(?:also\s+|then\s+|later\s+|have\s+|has\s+|had\s+)?(?P<verb>{verbs})\b",
        rf"\b[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+\w+\s+(?:for|of|at)\s+)?(?P<who>{who})",
        rf"(?P<who>{who})(?:\s+and\s+(?P<who2>{who}))?\s*(?=[“\"])",
    )
    found = []
    for number, pattern in enumerate(patterns):
        for match in re.finditer(pattern, text):
            if number == 0 and match.group("verb") == "told":
                continue  # "told X" names who was told, not who spoke
            spans = [match.span(g) for g in ("who", "who2") if g in match.re.groupindex]
            spans = [(start + s, start + e) for s, e in spans if s >= 0]
            verb = match.groupdict().get("verb")
            found.append(Clause(start + match.start(), start + match.end(), spans, verb))
    return found


def sentence_at(reader: Reader, position: int) -> tuple[int, int]:
    """The sentence holding `position`."""
    for start, end in reader.sentences:
        if start <= position < end:
            return start, end
    return position, position


def attribute(reader: Reader, q_start: int, q_end: int) -> Said:
    """The speakers of the quotation at q_start..q_end, by the clause closest to it."""
    s_start, s_end = sentence_at(reader, q_start - 1)
    options = clauses(reader, s_start, s_end, VERB_ALT)
    if not options:
        return Said("direct", q_start, q_end, [], None, None, ["no attribution found"])

    def distance(clause: Clause) -> int:
        if clause.start >= q_end:
            return clause.start - q_end
        if clause.end <= q_start:
            return q_start - clause.end
        return 0

    after = [c for c in options if 0 <= c.start - q_end <= ADJACENT]
    before = [c for c in options if 0 <= q_start - c.end <= ADJACENT]
    clause = (after or before or sorted(options, key=distance))[0]
    speakers, flags = [], []
    for w_start, w_end in clause.who:
        keys, doubts = reader.resolve(w_start, w_end)
        speakers += [k for k in keys if k not in speakers]
        flags += doubts
    if not after and not before:
        flags.append("the attribution is not next to the quotation: check the speaker")
    verb = REPORTING_VERBS.get(clause.verb) if clause.verb else None
    return Said("direct", q_start, q_end, speakers, verb, (clause.start, clause.end), flags)


def find_quotations(reader: Reader) -> None:
    """Every direct quotation, with its speakers."""
    for q_start, q_end in reader.quotes:
        reader.said.append(attribute(reader, q_start, q_end))


def find_reported(reader: Reader) -> None:
    """Sentences that report what someone said, agreed or proposed without quoting it."""
    quoted_by = {said.attribution for said in reader.said if said.kind == "direct"}
    for s_start, s_end in reader.sentences:
        options = clauses(reader, s_start, s_end, REPORT_ALT)
        if not options:
            continue
        clause = min(options, key=lambda c: c.start)
        spoken = clause.verb is None or clause.verb in SPEECH_VERBS
        according = "ccording" in reader.text[clause.start : clause.end]
        if (clause.start, clause.end) in quoted_by and spoken and not according:
            continue  # the attribution of a quotation, already drafted as one
        text = masked(reader, s_start, s_end)
        rest = text[: clause.start - s_start] + text[clause.end - s_start :]
        if len(re.findall(r"[A-Za-z]+", rest.replace("\0", " "))) < REPORTED_WORDS:
            continue  # only an attribution of quotations
        speakers, flags = [], []
        for w_start, w_end in clause.who:
            keys, doubts = reader.resolve(w_start, w_end)
            speakers += [k for k in keys if k not in speakers]
            flags += doubts
        if clause.verb:
            verb = REPORTING_VERBS.get(clause.verb)
        else:
            verb = "according to" if "ccording" in reader.text[clause.start : clause.end] else None
        reader.said.append(
            Said("reported", s_start, s_end, speakers, verb, (clause.start, clause.end), flags)
        )
