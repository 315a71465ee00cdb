#!/usr/bin/env python3
"""Validates every rubrics/*.json against rubrics/schema/rubric.schema.json (JSON Schema draft 2020-12).

A CI step, not a Swift test: it needs the `jsonschema` Python package (Debian: python3-jsonschema, for
/usr/bin/python3; .ci/run installs it). Without it the script fails (exit 2): a check that cannot run must not pass.
Usage: scripts/validate-rubric-schema.py [RUBRIC.json ...]   (default: rubrics/*.json of this package)
Exit: 0 every file validates, 1 a file does not, 2 the check cannot run.
"""
import glob
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
try:
    import jsonschema
except ImportError as error:
    print(f"validate-rubric-schema: error: {sys.executable} cannot import jsonschema ({error}); the schema was NOT checked. "
          "Install it (Debian: apt-get install python3-jsonschema, then run /usr/bin/python3; or pip install jsonschema).",
          file=sys.stderr)
    sys.exit(2)

with open(os.path.join(root, "rubrics", "schema", "rubric.schema.json"), encoding="utf-8") as handle:
    schema = json.load(handle)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

files = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "rubrics", "*.json")))
failed = 0
for path in files:
    with open(path, encoding="utf-8") as handle:
        try:
            rubric = json.load(handle)
        except json.JSONDecodeError as error:
            print(f"{path}:{error.lineno}: error: not JSON: {error.msg}")
            failed += 1
            continue
    errors = sorted(validator.iter_errors(rubric), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        print(f"{os.path.relpath(path, root)}: error: {where}: {error.message}")
    if errors:
        failed += 1
    else:
        print(f"ok  {os.path.relpath(path, root)}")
print(f"validate-rubric-schema: {len(files)} file(s), {failed} failing")
sys.exit(1 if failed else 0)
