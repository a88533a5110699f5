"""Ready maps to start a workshop from, shipped in resources/templates."""

from __future__ import annotations

from dataclasses import dataclass

from cxmapper.bundled import resource
from cxmapper.model.defaults import default_channels, department_colour
from cxmapper.model.fileformat import map_from_bytes
from cxmapper.model.journey import Department, JourneyMap, Metadata, Stage, now
from cxmapper.model.problems import MapError

DEFAULT_TEMPLATE = "product-lifecycle"


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    touchpoints: int


def template_names() -> list[str]:
    folder = resource("templates")
    names = [f.name.removesuffix(".json") for f in folder.iterdir() if f.name.endswith(".json")]
    # The default first, then alphabetical: the order `cxmapper templates` lists them in.
    return sorted(names, key=lambda n: (n != DEFAULT_TEMPLATE, n))


def load_template(name: str = DEFAULT_TEMPLATE) -> JourneyMap:
    """The template as shipped (its own dates); MapError naming the choices if unknown."""
    names = template_names()
    if name not in names:
        raise MapError([f'no template named "{name}"; the templates are: {", ".join(names)}'])
    return map_from_bytes(resource("templates", f"{name}.json").read_bytes())


def new_map(name: str = DEFAULT_TEMPLATE, authors: list[str] | None = None) -> JourneyMap:
    """A fresh map from a template: same content, new dates, no one else's authorship."""
    journey = load_template(name)
    stamp = now()
    journey.metadata = Metadata(created=stamp, modified=stamp, authors=authors or [])
    return journey


def describe_templates() -> list[Template]:
    result = []
    for name in template_names():
        journey = load_template(name)
        result.append(Template(name, journey.title, journey.description, len(journey.touchpoints)))
    return result


def blank_map(authors: list[str] | None = None) -> JourneyMap:
    """A map to start from nothing: one stage and one department to rename, the usual channels."""
    stamp = now()
    return JourneyMap(
        title="Untitled journey",
        stages=[Stage(id="stage-1", name="Stage 1")],
        departments=[
            Department(id="department-1", name="Department 1", colour=department_colour(0))
        ],
        channels=default_channels(),
        metadata=Metadata(created=stamp, modified=stamp, authors=authors or []),
    )
