"""The published JSON Schema is generated from the model and must not go stale."""

import json

from cxmapper.bundled import resource
from cxmapper.model.fileformat import json_schema_text


def test_the_published_schema_matches_the_model():
    published = resource("schema", "journey-map.schema.json").read_text(encoding="utf-8")
    assert published == json_schema_text(), (
        "resources/schema/journey-map.schema.json is stale: regenerate it with\n"
        "    cxmapper schema > resources/schema/journey-map.schema.json"
    )


def test_the_schema_describes_the_format():
    schema = json.loads(json_schema_text())
    assert schema["properties"]["format"]["const"] == "cxmapper-journey-map"
    assert schema["properties"]["schema_version"]["const"] == 3
    touchpoint = schema["$defs"]["Touchpoint"]
    assert touchpoint["additionalProperties"] is False
    feeling = touchpoint["properties"]["feeling"]["anyOf"][0]
    assert (feeling["minimum"], feeling["maximum"]) == (-2, 2)
    # dot votes: counts by topic, and which the cards show
    topics = ["touchpoints", "pain_points", "opportunities"]
    votes = touchpoint["properties"]["votes"]
    assert votes["propertyNames"]["enum"] == topics
    count = votes["additionalProperties"]
    assert (count["type"], count["minimum"], count["maximum"]) == ("integer", 0, 100_000)
    shown = schema["properties"]["votes_shown"]["anyOf"]
    assert {"enum": topics, "type": "string"} in shown and {"type": "null"} in shown
