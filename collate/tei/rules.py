"""The Schematron rules a RELAX NG schema embeds (tei_all has 93 patterns), checked with an XPath 2 engine.

The rules are compiled into one XSLT 3 stylesheet, run by Saxon (saxonche, an
optional dependency): each pattern a mode, whose rules are templates in the
pattern's order, so that, as in Schematron, only a node's first matching rule
fires. A failed assert or a successful report is one line: the pattern, the
node's path and the message.
"""

from __future__ import annotations

import importlib.util

from lxml import etree

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
S = {"sch": SCH}


def available() -> bool:
    """Return whether an XPath 2 engine (saxonche) is installed to check the rules."""
    return importlib.util.find_spec("saxonche") is not None


def rules_stylesheet(schema) -> str:
    """Return the XSLT 3 stylesheet checking every Schematron pattern embedded in a parsed schema."""
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iterfind(".//sch:ns", S)}
    sheet = etree.Element(f"{{{XSL}}}stylesheet", version="3.0", nsmap={"xsl": XSL, **namespaces})
    sheet.set("exclude-result-prefixes", "#all")
    root = xsl(sheet, "template", match="/")
    found = etree.SubElement(root, "problems")
    for at, pattern in enumerate(schema.iterfind(".//sch:pattern", S)):
        mode = f"pattern{at}"
        xsl(found, "apply-templates", select="/", mode=mode)
        xsl(sheet, "mode", name=mode, **{"on-no-match": "shallow-skip"})
        rules = pattern.findall("sch:rule", S)
        for rank, rule in enumerate(rules):
            rule_template(sheet, rule, mode, len(rules) - rank, pattern.get("id") or mode)
    return etree.tostring(sheet, encoding="unicode")


def xsl(parent, element: str, **attributes: str) -> etree._Element:
    """Return a new XSLT element under parent."""
    return etree.SubElement(parent, f"{{{XSL}}}{element}", attributes)


def rule_template(sheet, rule, mode: str, priority: int, pattern: str) -> None:
    """Append the template of one rule: its variables, a problem per failed assert or true report."""
    template = xsl(sheet, "template", match=rule.get("context"), mode=mode, priority=str(priority))
    for let in rule.iterfind("sch:let", S):
        xsl(template, "variable", name=let.get("name"), select=let.get("value"))
    for check in rule:
        name = etree.QName(check).localname if isinstance(check.tag, str) else ""
        if name in ("assert", "report"):
            test = check.get("test")
            condition = xsl(template, "if", test=f"not({test})" if name == "assert" else test)
            problem = etree.SubElement(condition, "problem")
            xsl(problem, "value-of", select=f"'{pattern}: ' || replace(path(.), 'Q\\{{[^}}]*\\}}', '') || ': '")
            message(problem, check)
    xsl(template, "apply-templates", select="@*|node()", mode="#current")


def message(problem, check) -> None:
    """Append an assert's or report's message: its text, sch:name and sch:value-of evaluated."""
    if check.text:
        xsl(problem, "text").text = check.text
    for part in check:
        name = etree.QName(part).localname if isinstance(part.tag, str) else ""
        if name in ("name", "value-of"):
            xsl(problem, "value-of", select=part.get("select") or part.get("path") or "name(.)")
        if part.tail:
            xsl(problem, "text").text = part.tail


def rule_problems(tree, stylesheet: str) -> list[str]:
    """Return one line per message the rules give on a parsed document (saxonche must be installed)."""
    from saxonche import PySaxonProcessor  # optional: only `available()` callers come here

    with PySaxonProcessor(license=False) as processor:
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=stylesheet)
        document = processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
        result = executable.transform_to_string(xdm_node=document)
    return [" ".join("".join(p.itertext()).split()) for p in etree.fromstring(result.encode("utf-8"))]
