#!/usr/bin/env python3
"""Validate Lotse rule folders against the JSON Schemas in rules/schema/.

Usage:
    python3 scripts/validate-schema.py [RULES_DIR ...]

Without arguments it checks `rules` and `docs/example-rules` (relative to the repository).
For every rules folder it validates its deployment files (`lotse.yaml` and every `*.lotse.yaml`
beside it, e.g. `schleswig-flensburg.lotse.yaml`) with rules/schema/lotse-deployment.schema.json
and every `*.yaml` below the layer folders they name (subfolders included) with
rules/schema/lotse-rules.schema.json. Other folders (rules/tests, rules/schema, ...) are ignored.
A deployment file may also be given instead of a folder, as with `lotse check`.

This checks only the shape of the files (keys, kinds of values, required keys). The full check
(references, conditions, trees, translations, dates) is `lotse check RULES_DIR`.

Prints one line per error, `FILE: MESSAGE at JSON-PATH`, then `N files, N errors`.
Exit status: 0 without errors, 1 with errors.
Needs only PyYAML and jsonschema.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "rules" / "schema"
DEFAULT_DIRS = [REPO / "rules", REPO / "docs" / "example-rules"]


class RulesLoader(yaml.SafeLoader):
    """A safe loader closer to YAML 1.2 (what Lotse reads) and strict about duplicate keys.

    - Only true/false are booleans: `yes`, `no`, `on`, `off` stay strings (PyYAML follows
      YAML 1.1 and would turn the vocabulary key `no` into False).
    - A key that appears twice in one mapping is reported instead of silently overwritten.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            try:
                key = self.construct_object(key_node, deep=True)
            except yaml.YAMLError:
                continue
            try:
                if key in seen:
                    mark = key_node.start_mark
                    self.duplicates.append((str(key), mark.line + 1, mark.column + 1))
                seen.add(key)
            except TypeError:  # unhashable key; the constructor reports it
                pass
        return super().construct_mapping(node, deep=deep)


RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RulesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def to_json(value):
    """Turn what YAML produced into JSON-like data: dates become YYYY-MM-DD strings."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {json_key(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def json_key(key) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, (datetime.date, datetime.datetime)):
        return key.isoformat()
    return key if isinstance(key, str) else str(key)


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Report:
    def __init__(self) -> None:
        self.files = 0
        self.errors = 0

    def error(self, path: Path, message: str) -> None:
        self.errors += 1
        print(f"{shown(path)}: {message}")


def load_yaml(path: Path, report: Report):
    """Returns (ok, data). Reports syntax errors and duplicate keys."""
    report.files += 1
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        report.error(path, f"cannot read file: {e}")
        return False, None
    loader = RulesLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        report.error(path, f"YAML syntax error: {problem}{where}")
        return False, None
    finally:
        loader.dispose()
    for key, line, column in loader.duplicates:
        report.error(path, f"duplicate key '{key}' (line {line}, column {column})")
    if data is None:  # an empty file or only comments
        data = {}
    return True, to_json(data)


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def describe(error) -> tuple[str, str]:
    """A readable message and the JSON path it refers to."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description")
    from_branch = any(p in ("then", "else", "oneOf", "anyOf") for p in error.relative_schema_path)
    if error.validator in ("oneOf", "anyOf") and error.context:
        # Leave out the alternatives whose basic type does not fit at all.
        fitting = [e for e in error.context if not (e.validator == "type" and not e.path)]
        if not fitting:
            expected = schema.get("title", "another kind of value")
            return f"expected {expected.lower()}, got {kind_of(error.instance)}", error.json_path
        if description and all(e.validator == "required" for e in error.context):
            return description, error.json_path
        inner = best_match(fitting)
        if description and "title" not in schema:
            return f"{description} ({inner.message})", inner.json_path
        return inner.message, inner.json_path
    if error.validator == "not" and description:
        return description, error.json_path
    message = error.message
    if error.schema is False:
        message = f"'{error.path[-1]}' is not allowed here" if error.path else "not allowed here"
    elif description and from_branch and error.validator in ("additionalProperties", "required"):
        message = f"{message} ({description})"
    return message, error.json_path


def in_branch(error) -> bool:
    return any(p in ("then", "else") for p in error.relative_schema_path)


def validate(path: Path, data, validator: Draft202012Validator, report: Report) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    # Unknown keys, by place. The node kinds (if/then branches) see the same unknown keys again:
    # their errors are left out when they are only about those keys.
    unknown: dict[str, set] = {}
    for e in errors:
        if e.validator == "additionalProperties" and not in_branch(e) and isinstance(e.instance, dict):
            known = e.schema.get("properties", {}) if isinstance(e.schema, dict) else {}
            unknown.setdefault(e.json_path, set()).update(k for k in e.instance if k not in known)
    seen: set[tuple[str, str]] = set()
    for error in errors:
        keys = unknown.get(error.json_path)
        if keys and in_branch(error) and isinstance(error.instance, dict):
            stripped = {k: v for k, v in error.instance.items() if k not in keys}
            if validator.evolve(schema=error.schema).is_valid(stripped):
                continue
        message, where = describe(error)
        if (message, where) in seen:
            continue
        seen.add((message, where))
        report.error(path, f"{message} at {where}")


def check_folder(path: Path, validators: dict, report: Report, layer_files: set) -> None:
    if path.is_file():
        check_deployment(path, validators, report, layer_files)
        return
    if not path.is_dir():
        report.error(path, "not a folder")
        return
    deployment_file = path / "lotse.yaml"
    if not deployment_file.is_file():
        report.error(deployment_file, "file not found (every rules folder needs a lotse.yaml)")
        return
    for file in [deployment_file] + sorted(path.glob("*.lotse.yaml")):
        check_deployment(file, validators, report, layer_files)


def check_deployment(deployment_file: Path, validators: dict, report: Report, layer_files: set) -> None:
    """Validates one deployment file and its layers' files; a layer file that two deployments share
    (`layer_files` holds those done) is validated once."""
    folder = deployment_file.parent
    ok, deployment = load_yaml(deployment_file, report)
    if ok:
        validate(deployment_file, deployment, validators["deployment"], report)
    layers = deployment.get("layers") if ok and isinstance(deployment, dict) else None
    if not isinstance(layers, list):
        return
    for layer in layers:
        if not isinstance(layer, str) or not layer:
            continue  # already reported by the schema
        layer_dir = folder / layer
        if not layer_dir.is_dir():
            report.error(deployment_file, f"layer folder '{layer}' not found at $.layers")
            continue
        for file in sorted(layer_dir.rglob("*.yaml")):
            if not file.is_file() or file in layer_files:
                continue
            layer_files.add(file)
            ok, data = load_yaml(file, report)
            if ok:
                validate(file, data, validators["layer"], report)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Check Lotse rule folders against the JSON Schemas in rules/schema/.")
    parser.add_argument("dirs", nargs="*", metavar="RULES_DIR",
                        help="rules folders containing lotse.yaml, or deployment files (default: rules docs/example-rules)")
    args = parser.parse_args(argv)

    validators = {}
    for kind, name in (("layer", "lotse-rules"), ("deployment", "lotse-deployment")):
        schema_file = SCHEMA_DIR / f"{name}.schema.json"
        with schema_file.open(encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        validators[kind] = Draft202012Validator(schema)

    report = Report()
    folders = [Path(d) for d in args.dirs] if args.dirs else DEFAULT_DIRS
    layer_files: set = set()
    for folder in folders:
        check_folder(folder, validators, report, layer_files)
    print(f"{report.files} files, {report.errors} errors")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
