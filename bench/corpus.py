"""Realistic corpora for the benchmarks: transcripts in the three page layouts the readers know
(the archive's document page, its PDF, its legacy page), made from the seeds' own paragraphs,
the registers' people, the archives' citation forms and the date forms the seeds use. Every
document has a title, date and record number of its own, so ids never collide.

    python bench/corpus.py N FOLDER     writes N transcripts into FOLDER

The corpus is a function of N alone (a seeded random generator): benchmarks are repeatable.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
TEI = "{http://www.tei-c.org/ns/1.0}"

KINDS = (
    "Memorandum of Conversation between",
    "Record of Conversation between",
    "Report on a Conversation between",
    "Note on a Meeting between",
    "Information on the Talks between",
    "Telegram on the Visit of",
)
TOPICS = (
    "Military Aid",
    "the Sino-Soviet Split",
    "Economic Cooperation",
    "the Seven-Year Plan",
    "the Delegation to Moscow",
    "Party Relations",
    "the Caribbean Crisis",
    "Fishing Vessels",
    "the CPSU CC Plenum",
    "Air Defense",
    "Trade Negotiations",
    "the Korean Workers' Party",
)
# Citations in the forms the seeds give them; {n} numbers vary per document.
CITATIONS = (
    "AVPRF, fond 0102, opis {a}, papka {b}, delo {c}, listy {d}-{e}. Obtained and translated "
    "for NKIDP by Sergey Radchenko.",
    "Archive of the Foreign Policy of the Russian Federation (AVPRF), fond 0102, opis {a}, "
    "papka {b}, delo {c}, listy {d}-{e}. Translated by Gary Goldberg.",
    "MOL, XIX-J-1-j Korea, {a}. doboz, 5/bc, 00{b}/19{c}. Translated by Balazs Szalontai.",
    "AMSZ, Department II, {a}/66, w. {b}. Obtained by Marek Hańderek and translated by "
    "Jerzy Giebułtowski.",
    "State Central Archive, Prague. Translated by Adolf Kotlik.",
)
LANGUAGES = ("Russian", "Hungarian", "Polish", "Czech")
RIGHTS = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws."
)


def seed_paragraphs() -> list[str]:
    """The body paragraphs of the edition's TEI: the seeds' own sentences and names."""
    paragraphs = []
    for path in sorted((ROOT / "tei" / "documents").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for p in root.iter(f"{TEI}p"):
            if p.xpath("ancestor::*[local-name() = 'body']"):
                # the transcript's own reading: corrections and editorial notes left out
                words = p.xpath(
                    ".//text()[not(ancestor::*[local-name() = 'corr' or local-name() = 'note'])]"
                )
                text = " ".join("".join(words).split())
                if len(text) > 40:
                    paragraphs.append(text)
    return paragraphs


def register_persons() -> list[str]:
    names = []
    tree = etree.parse(str(ROOT / "tei" / "registers" / "persons.xml"))
    for person in tree.iter(f"{TEI}person"):
        main = person.find(f"{TEI}persName")
        if main is not None:
            names.append(" ".join("".join(main.itertext()).split()))
    return sorted(set(n for n in names if len(n.split()) >= 2))


# People the registers do not know, as the archive's signatures name them: the build gives each
# an automatic, unreviewed register entry.
KOREAN = ("Kim", "Ri", "Pak", "Choe", "Han", "Jang", "Kang", "Nam")
GIVEN = ("Chol-su", "Yong-nam", "Song-il", "Hak-bong", "Mun-do", "Gwang-ho", "Jae-sun")
SLAVIC = (("Ivan", "Petrov"), ("Jerzy", "Nowicki"), ("Karel", "Svoboda"), ("Pavel", "Orlov"))


def _unknown_person(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(KOREAN)} {rng.choice(GIVEN)}"
    forename, surname = rng.choice(SLAVIC)
    return f"{forename} {surname}"


def _long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def page_layout(title: str, day: dt.date, body: str, summary: str, source: str, record: int):
    return (
        f"Skip to content\n\n{_long_date(day)}\n\n{title}\n\n"
        f"Pyongyang, {day.day} {day:%B} {day.year}\n\n\n{body}\n\n{summary}\n\n"
        f"Document Information\n\n\n{source}\n\n\n{RIGHTS}\n\nOriginal Uploaded Date\n\n\n\n"
        f"Record ID\n\n{record}\n"
    )


def pdf_layout(title: str, day: dt.date, body: str, summary: str, source: str, record: int):
    return (
        f"\n\n{_long_date(day)}\n\n{title}\n\nCitation:\n\n"
        f'"{title}", {_long_date(day)}, Wilson Center Digital Archive, {source} '
        f"https://digitalarchive.wilsoncenter.org/document/{record}\n\nSummary:\n\n{summary}"
        "\n\nOriginal Language:\n\n{language}\n\nContents:\n\nTranslation - English\n\n"
        f"{day.day} {day:%B} {day.year}\n\n{body}\n"
    )


def legacy_layout(title: str, day: dt.date, body: str, summary: str, source: str, record: int):
    return (
        f"CITATION SHARE DOWNLOAD\n\nget citation\n\n{summary}\n\n“{title},” {_long_date(day)}, "
        f"History and Public Policy Program Digital Archive, {source} "
        f"https://digitalarchive.wilsoncenter.org/document/{record}\n\nshare document\n\n"
        f"VIEW DOCUMENT IN\n\nEnglish HTML\n\nPyongyang, {day.day}.{_roman(day.month)}."
        f"{day.year}\n\nSecret\n\n{body}\n"
    )


LAYOUTS = (page_layout, pdf_layout, legacy_layout)


def _roman(month: int) -> str:
    return ("I II III IV V VI VII VIII IX X XI XII").split()[month - 1]


def _with_date(paragraph: str, day: dt.date, rng: random.Random) -> str:
    """Some paragraphs open with a date in one of the forms the seeds use."""
    earlier = day - dt.timedelta(days=rng.randint(1, 20))
    forms = (
        f"On {earlier.day} {earlier:%B}",
        f"On {earlier:%B} {earlier.day}, {earlier.year},",
        "In mid-October of this year",
        "Last November",
        f"On {earlier.day} {earlier:%B} {earlier.year}",
    )
    opening = rng.choice(forms)
    return f"{opening} {paragraph[0].lower()}{paragraph[1:]}"


def transcripts(count: int, seed: int = 1962):
    """(file name, text) of `count` transcripts: unique titles, dates and record numbers."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    persons = register_persons()
    start = dt.date(1950, 1, 1)
    titles: set[str] = set()
    for number in range(count):
        day = start + dt.timedelta(days=number)
        while True:
            a, b = rng.sample(persons, 2)
            title = f"{rng.choice(KINDS)} {a} and {b} on {rng.choice(TOPICS)}"
            if title not in titles:
                titles.add(title)
                break
        body = [rng.choice(paragraphs) for _ in range(rng.randint(6, 16))]
        body = [_with_date(p, day, rng) if rng.random() < 0.2 else p for p in body]
        signer = _unknown_person(rng) if rng.random() < 0.3 else rng.choice(persons)
        text = "\n\n\n".join(body) + f"\n\n{signer}"
        summary = f"{a} and {b} discuss {rng.choice(TOPICS).lower()}."
        numbers = {k: rng.randint(2, 99) for k in "abcd"}
        source = rng.choice(CITATIONS).format(e=numbers["d"] + rng.randint(1, 9), **numbers)
        layout = LAYOUTS[number % len(LAYOUTS)]
        page = layout(title, day, text, summary, source, 200000 + number)
        page = page.replace("{language}", rng.choice(LANGUAGES))
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower())[:40].strip("-")
        yield f"{number:05d}_{slug}.txt", page


def write_corpus(count: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in transcripts(count):
        path = folder / name
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    written = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {len(written)} transcripts into {sys.argv[2]}")
