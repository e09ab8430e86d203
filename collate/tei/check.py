"""The checks no schema makes on a parallel-segmentation apparatus, and the schema's own.

- every `@wit` pointer starts with `#` and names a witness of `listWit`;
- every `app` names each active witness exactly once (active: after its
  `witStart`, before its `witEnd`, outside its lacunae);
- no witness id is a substring of another (the Versioning Machine matches ids by substring).
"""

from __future__ import annotations

from lxml import etree

from collate.tei.read import CLOSES, NS, OPENS, READINGS, XML_ID, local, pointers, reading_has, witness_ids


def problems(tree) -> list[str]:
    """Return one line per defect found by the checks above."""
    ids = witness_ids(tree)
    return [*substring_problems(ids), *pointer_problems(tree, ids), *coverage_problems(tree, ids)]


def substring_problems(ids: list[str]) -> list[str]:
    """Return a line for each witness id that is a substring of another."""
    return [f"witness id {a!r} is a substring of {b!r}" for a in ids for b in ids if a != b and a in b]


def pointer_problems(tree, ids: list[str]) -> list[str]:
    """Return a line for each @wit pointer that lacks '#' or resolves to no witness."""
    found = []
    for element in tree.iter(etree.Element):  # elements only: entity references and comments have no @wit
        for pointer in element.get("wit", "").split():
            where = f"line {element.sourceline}: <{local(element)} wit=\"{element.get('wit')}\">"
            if not pointer.startswith("#"):
                found.append(f"{where}: pointer {pointer!r} lacks '#'")
            elif pointer[1:] not in ids:
                found.append(f"{where}: pointer {pointer!r} names no witness in listWit")
    return found


def coverage_problems(tree, ids: list[str]) -> list[str]:
    """Return a line for each app that misses or repeats an active witness."""
    body = tree.find(".//t:text//t:body", NS)
    if body is None:
        return ["no text/body"]
    starting = {w for w in ids if any(reading_has(m, w) for m in body.iterfind(".//t:witStart", NS))}
    active, found = set(ids) - starting, []
    for element in body.iter():
        name = local(element)
        if name == "app":
            found.extend(app_problems(element, active, ids))
        elif name in OPENS + CLOSES:
            owners = milestone_owners(element, ids)
            active = active | owners if name in OPENS else active - owners
    return found


def milestone_owners(milestone, ids: list[str]) -> set[str]:
    """Return the witnesses a milestone applies to: its @wit, else its reading's."""
    if milestone.get("wit"):
        return set(pointers(milestone))
    reading = next((a for a in milestone.iterancestors() if local(a) in ("lem", "rdg")), None)
    return set(pointers(reading)) if reading is not None else set(ids)


def app_problems(app, active: set[str], ids: list[str]) -> list[str]:
    """Return the problems of one app: witnesses repeated, or active ones missing."""
    listed = [w for reading in app.iter(*READINGS) for w in pointers(reading)]
    opening = {w for m in app.iter(*(f"{{{NS['t']}}}{o}" for o in OPENS)) for w in milestone_owners(m, ids)}
    name = app.get(XML_ID) or f"line {app.sourceline}"
    repeated = sorted({w for w in listed if listed.count(w) > 1})
    missing = [w for w in ids if w in active | opening and w not in listed]
    return ([f"app {name}: witness {w!r} has more than one reading" for w in repeated]
            + [f"app {name}: active witness {w!r} has no reading" for w in missing])


def schema_problems(tree, schema: etree.RelaxNG) -> list[str]:
    """Return the RELAX NG schema's errors, one line each."""
    if schema.validate(tree):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
