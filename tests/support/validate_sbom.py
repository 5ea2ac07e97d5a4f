#!/usr/bin/env python3
"""Validates an SBOM with the real validators: CycloneDX JSON schema (cyclonedx-python-lib,
strict) or SPDX 2.3 (spdx-tools parse + full validation). Exit 0 valid, 1 invalid, 77 when
the validator library is not installed (the caller prints a skip)."""
import sys

kind, path = sys.argv[1], sys.argv[2]
text = open(path).read()
if kind == "cyclonedx":
    try:
        from cyclonedx.schema import SchemaVersion
        from cyclonedx.validation.json import JsonStrictValidator
    except ImportError:
        sys.exit(77)
    err = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    if err is not None:
        print(err)
        sys.exit(1)
elif kind == "spdx":
    try:
        from spdx_tools.spdx.parser.error import SPDXParsingError
        from spdx_tools.spdx.parser.parse_anything import parse_file
        from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
    except ImportError:
        sys.exit(77)
    try:
        doc = parse_file(path)
    except SPDXParsingError as e:
        print(e.get_messages())
        sys.exit(1)
    msgs = validate_full_spdx_document(doc)
    if msgs:
        for m in msgs:
            print(m.validation_message)
        sys.exit(1)
else:
    sys.exit(2)
print("valid")
