"""Provinces, states and regions from ISO 3166-2 (pycountry), for places rules/ does not list.

rules/places.yaml names the countries, regions and cities news most often
names; a story's province or state ("Sindh", "Borno", "Ishikawa") is often
missing there. pycountry's subdivisions fill it in, as regions of their
country, for the subdivision types rules/places.yaml ``subdivision_types``
lists (states and provinces, not districts or municipalities, whose names
too often are common words or towns). A name the rules already know, or one
in ``subdivision_skip``, is never added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from checker.rulebook import Place


def subdivision_places(
    known: Iterable[Place],
    country_names: Mapping[str, str],
    types: Iterable[str],
    skip: Iterable[str],
) -> list[Place]:
    """Regions for the first-level subdivisions of the countries in ``country_names``.

    ``country_names`` maps an ISO alpha-2 code to the country's name as the
    rules write it; subdivisions of other countries are left out.
    """
    import pycountry

    taken = {n.lower() for p in known for n in (p.name, *p.aliases)}
    wanted = {t.lower() for t in types}
    never = {s.lower() for s in skip}
    out: dict[str, Place] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        country = country_names.get(sub.country_code)
        if country is None or sub.parent_code is not None or sub.type.lower() not in wanted:
            continue
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        low = name.lower()
        if len(name) < 4 or low in taken or low in never or low in out:
            continue
        out[low] = Place(name=name, country=country, kind="region")
    return sorted(out.values(), key=lambda p: (p.country, p.name))
