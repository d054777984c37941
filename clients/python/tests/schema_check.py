"""Enough of JSON Schema 2020-12 to check events against Headwater's facet schemas without a
third-party validator: type, properties, required, additionalProperties, items, enum, minLength,
minimum, pattern, allOf and $ref (local #/$defs, and OpenLineage's base facets, which require
_producer and _schemaURL)."""

import json
import os
import re

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FACETS = os.path.join(REPO, "openlineage", "src", "main", "resources", "headwater", "facets")

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def facet_schema(name):
    with open(os.path.join(FACETS, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def validate(instance, schema, root=None, path=""):
    """A list of violations, empty when the instance is valid."""
    root = root or schema
    errors = []
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref.startswith("#/$defs/"):
            errors += validate(instance, root["$defs"][ref[len("#/$defs/"):]], root, path)
        elif ref.startswith("#"):
            errors += validate(instance, root, root, path)
        else:  # OpenLineage's BaseFacet family
            for field in ("_producer", "_schemaURL"):
                if not isinstance(instance, dict) or not isinstance(instance.get(field), str):
                    errors.append("%s: %s is required by %s" % (path or "/", field, ref))
    for sub in schema.get("allOf", []):
        errors += validate(instance, sub, root, path)
    if "type" in schema and not _is_type(instance, schema["type"]):
        return errors + ["%s: %r is not of type %s" % (path or "/", instance, schema["type"])]
    if "enum" in schema and instance not in schema["enum"]:
        errors.append("%s: %r not in %s" % (path, instance, schema["enum"]))
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            errors.append("%s: shorter than %d" % (path, schema["minLength"]))
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            errors.append("%s: %r does not match %s" % (path, instance, schema["pattern"]))
    if isinstance(instance, (int, float)) and not isinstance(instance, bool) and "minimum" in schema and instance < schema["minimum"]:
        errors.append("%s: below %s" % (path, schema["minimum"]))
    if isinstance(instance, dict):
        for field in schema.get("required", []):
            if field not in instance:
                errors.append("%s: %s is required" % (path or "/", field))
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key in properties:
                errors += validate(value, properties[key], root, path + "/" + key)
            elif schema.get("additionalProperties") is False:
                errors.append("%s: %s is not allowed" % (path or "/", key))
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(value, schema["additionalProperties"], root, path + "/" + key)
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            errors += validate(item, schema["items"], root, "%s/%d" % (path, i))
    return errors


def _is_type(instance, expected):
    if isinstance(expected, list):
        return any(_is_type(instance, t) for t in expected)
    if expected == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    if expected == "number":
        return isinstance(instance, (int, float)) and not isinstance(instance, bool)
    return isinstance(instance, _TYPES[expected]) and not (expected != "boolean" and isinstance(instance, bool) and _TYPES[expected] is not bool)
