#!/usr/bin/env python3
"""Print the table of all offers in a Lotse rules folder (Markdown), for rules/README.md.

Usage:
    python3 scripts/offers-table.py [RULES_DIR]            # print the table
    python3 scripts/offers-table.py [RULES_DIR] --write    # also put it into RULES_DIR/README.md

RULES_DIR defaults to `rules` (relative to the repository). The script reads `lotse.yaml`, then every
`*.yaml` below the layer folders in the order of `layers` (files sorted by path, subfolders included),
exactly as Lotse does: an offer with the same id in a later layer replaces the earlier one whole. So the
table shows every offer that the deployment really uses, once, in the version that applies.

Columns: id, German name, the condition in plain words (the German `reason` texts of the `eligible_if`
parts, joined with " und "; "für alle offen" without `eligible_if`), legal basis (`basis`), `checked`,
`review_by`, and `valid_from` / `valid_until`.

With --write the table replaces everything between the markers `<!-- offers-table:start -->` and
`<!-- offers-table:end -->` in RULES_DIR/README.md. Needs only PyYAML.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
START = "<!-- offers-table:start -->"
END = "<!-- offers-table:end -->"


class RulesLoader(yaml.SafeLoader):
    """Safe loader closer to YAML 1.2 (what Lotse reads): only true/false are booleans."""


RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RulesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def load(path: Path):
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=RulesLoader)


def german(text, default_language: str) -> str:
    """A localized text in German (or the deployment's default language), as one line."""
    if isinstance(text, dict):
        text = text.get("de") or text.get(default_language) or next(iter(text.values()), "")
    return " ".join(str(text or "").split())


def cell(text: str) -> str:
    return text.replace("|", "\\|") if text else "–"


def offers_in(rules: Path) -> list[dict]:
    deployment = load(rules / "lotse.yaml")
    default_language = deployment.get("default_language", "de")
    offers: dict[str, dict] = {}  # insertion order: first appearance; a later layer replaces in place
    for layer in deployment["layers"]:
        for file in sorted((rules / layer).rglob("*.yaml")):
            data = load(file) or {}
            for offer in data.get("offers") or []:
                offers[offer["id"]] = offer
    for offer in offers.values():
        offer["_de"] = default_language
    return list(offers.values())


def condition(offer: dict) -> str:
    parts = offer.get("eligible_if") or []
    if not parts:
        return "für alle offen"
    reasons = [german(p.get("reason"), offer["_de"]).rstrip(".") for p in parts]
    return " und ".join(reasons)


def validity(offer: dict) -> str:
    since, until = offer.get("valid_from"), offer.get("valid_until")
    if since and until:
        return f"{since} – {until}"
    if since:
        return f"ab {since}"
    if until:
        return f"bis {until}"
    return "–"


def table(rules: Path) -> str:
    rows = [
        "| id | Name | Bedingung (in Worten) | Rechtsgrundlage | geprüft | prüfen bis | gültig |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for o in offers_in(rules):
        rows.append("| " + " | ".join([
            f"`{o['id']}`",
            cell(german(o.get("name"), o["_de"])),
            cell(condition(o)),
            cell(" ".join(str(o.get("basis") or "").split())),
            cell(str(o.get("checked") or "")),
            cell(str(o.get("review_by") or "")),
            validity(o),
        ]) + " |")
    return "\n".join(rows)


def write_readme(readme: Path, text: str) -> None:
    content = readme.read_text(encoding="utf-8")
    if START not in content or END not in content or content.index(START) > content.index(END):
        sys.exit(f"{readme}: markers {START} … {END} not found")
    before = content[: content.index(START) + len(START)]
    after = content[content.index(END):]
    readme.write_text(f"{before}\n{text}\n{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rules", nargs="?", default=str(REPO / "rules"), help="the rules folder (with lotse.yaml)")
    parser.add_argument("--write", action="store_true", help="also replace the table in RULES/README.md")
    args = parser.parse_args()
    rules = Path(args.rules)
    text = table(rules)
    print(text)
    if args.write:
        write_readme(rules / "README.md", text)


if __name__ == "__main__":
    main()
