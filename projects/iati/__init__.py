"""IATI 2.03 for the portal.

- `export.py` writes the projects as `iati-activities` and the organisation as
  `iati-organisations` documents; `views.py` serves them (`/iati/activities.xml`,
  `/iati/organisation.xml`, and each project's `iati.xml`).
- `codelists.py` reads the vendored IATI codelists; the models offer them at data entry.
- `rules.py` checks a document against the IATI Standard Ruleset and the Validator's codelist rules.
- `schema/` holds the 2.03 XML Schemas, `data/` the codelists and rulesets (READMEs there).

Importing this package imports none of the portal's models, so a model may use the codelists.
"""

import functools
from pathlib import Path

from lxml import etree

IATI_VERSION = "2.03"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"


@functools.cache
def schema(name="iati-activities-schema.xsd"):
    """The vendored IATI 2.03 XML Schema `name` (projects/iati/schema/), to validate documents."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / name)))
