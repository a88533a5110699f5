"""Maps for tests: a small hand-made one, and a hypothesis strategy for any valid map."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import strategies as st

from cxmapper.model.defaults import department_colour
from cxmapper.model.journey import (
    BLUEPRINT_LAYERS,
    CHANNEL_ICONS,
    CURVES,
    EVIDENCE,
    EXPECTATIONS,
    FUTURE_STATES,
    MAX_VOTES,
    ROWS,
    VOTE_TOPICS,
    Channel,
    Department,
    JourneyMap,
    Metadata,
    Persona,
    Stage,
    Touchpoint,
)

FIXED_TIME = datetime(2026, 5, 1, 9, 30, tzinfo=timezone.utc)


def small_map() -> JourneyMap:
    return JourneyMap(
        title="Broadband, first month",
        persona=Persona(name="Ana", description="Works from home", goals=["Be online by Monday"]),
        scenario="Switches provider",
        stages=[Stage(id="s-sales", name="Sales"), Stage(id="s-bill", name="Monthly bill")],
        departments=[
            Department(id="d-sales", name="Sales", colour="#0072B2"),
            Department(id="d-billing", name="Billing", colour="#e69f00"),
        ],
        channels=[
            Channel(id="web", name="Web", icon="web"),
            Channel(id="mail", name="Mail", icon="mail"),
        ],
        touchpoints=[
            Touchpoint(
                id="t1",
                title="Compares offers",
                stage_id="s-sales",
                department_id="d-sales",
                channel_id="web",
                feeling=1,
                emotion="hopeful",
                position=0,
            ),
            Touchpoint(
                id="t2",
                title="Monthly bill",
                stage_id="s-bill",
                department_id="d-billing",
                channel_id="mail",
                feeling=-2,
                emotion="angry",
                expectation="below",
                pain_points=["Charged for a week before install"],
                root_cause="Billing starts at order",
                opportunities=["Bill from install day"],
                quotes=["Why am I paying already?"],
                moment_of_truth=True,
                position=0,
            ),
        ],
        metadata=Metadata(
            created=FIXED_TIME, modified=FIXED_TIME, authors=["Test"], app_version="0.1.0"
        ),
    )


def voted_map() -> JourneyMap:
    """small_map after a dot vote: dots on both cards, on each topic the cards can take, and the
    cards showing the pain points' dots."""
    journey = small_map()
    journey.touchpoints[0].votes = {"touchpoints": 2}
    journey.touchpoints[1].votes = {"touchpoints": 5, "pain_points": 4, "opportunities": 1}
    journey.votes_shown = "pain_points"
    return journey


STRESS_TITLES = [
    "Calls support about the router that keeps dropping the connection every evening",
    "يتصل بخدمة العملاء",
    "שואל על החשבון",
    "查看账单",
    "請求書を確認する",
    "고객센터에 전화",
    'AT&T <b>"quoted"</b> </text><script>',
    "Receives booking confirmation",
    "Internationalisation settings",
    "Pays",
]


def stress_map() -> JourneyMap:
    """60 touchpoints over 10 stages and 9 departments, with long, right-to-left, CJK and
    markup-looking text: the map a busy workshop ends with."""
    stages = [
        Stage(id=f"s{i}", name=name, customer_goal="Get it done without calling anyone twice")
        for i, name in enumerate(
            [
                "Awareness",
                "Consideration & comparison",
                "Purchase",
                "Delivery",
                "Onboarding",
                "التسجيل",
                "使用",
                "Support & maintenance",
                "Billing",
                "Renewal or cancellation",
            ]
        )
    ]
    names = [
        "Marketing",
        "Sales",
        "Logistics partners",
        "Product & app",
        "Customer support",
        "Billing",
        "IT operations",
        "خدمة العملاء",
        "法务",
    ]
    departments = [
        Department(id=f"d{i}", name=name, colour=department_colour(i))
        for i, name in enumerate(names)
    ]
    touchpoints = []
    for n in range(60):
        touchpoints.append(
            Touchpoint(
                id=f"t{n}",
                title=STRESS_TITLES[n % len(STRESS_TITLES)],
                stage_id=f"s{n % 10}",
                department_id=f"d{(n * 7) % 9}",
                position=float(n // 10 % 3),
                feeling=(n % 5) - 2,
                emotion=["exasperated", "متوتر", "不安", "relieved", "ok"][n % 5],
                pain_points=["Waited 40 minutes on hold"] if n % 3 == 0 else [],
                opportunities=["Call back when it is our turn"] if n % 4 == 0 else [],
                quotes=["«Why do I have to explain it all again?»"] if n % 6 == 0 else [],
                moment_of_truth=n % 11 == 0,
            )
        )
    return JourneyMap(
        title="Broadband: a whole year, as the workshop saw it",
        persona=Persona(name="Ana", description="Works from home"),
        stages=stages,
        departments=departments,
        touchpoints=touchpoints,
        metadata=Metadata(created=FIXED_TIME, modified=FIXED_TIME),
    )


# Any text a user might type, including emoji, RTL, tabs, line breaks and markup-looking text.
_any_char = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(
    "\t\n\r"
)
text = st.text(_any_char, max_size=40)
line = st.text(  # (U+2028 and U+2029 break lines too: never in a one-line text)
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\u2028\u2029")
    | st.just("\t"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())
name = line
item = line.map(str.strip)
ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,12}", fullmatch=True)
times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)


@st.composite
def journey_maps(draw) -> JourneyMap:
    def parts(cls, **extra):
        chosen = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
        return [
            cls(id=i, name=draw(name), **{k: draw(v) for k, v in extra.items()}) for i in chosen
        ]

    stages = parts(Stage, description=text, customer_goal=text)
    departments = parts(
        Department,
        colour=st.from_regex(r"#[0-9a-f]{6}", fullmatch=True),
        blueprint_layer=st.none() | st.sampled_from(BLUEPRINT_LAYERS),
    )
    channels = parts(Channel, icon=st.sampled_from(CHANNEL_ICONS))
    dept_ids = [d.id for d in departments]
    touchpoints = []
    count = draw(st.integers(0, 6))
    for i in range(count):
        others = [f"tp-{k}" for k in range(count) if k != i]
        touchpoints.append(
            Touchpoint(
                id=f"tp-{i}",
                title=draw(name),
                description=draw(text),
                stage_id=draw(st.sampled_from([s.id for s in stages])),
                position=draw(st.floats(0, 1e6, allow_nan=False)),
                department_id=draw(st.none() | st.sampled_from(dept_ids)),
                contributing_department_ids=draw(st.lists(st.sampled_from(dept_ids), unique=True)),
                channel_id=draw(st.none() | st.sampled_from([c.id for c in channels])),
                feeling=draw(st.none() | st.integers(-2, 2)),
                emotion=draw(st.just("") | name),
                expectation=draw(st.sampled_from(EXPECTATIONS)),
                pain_points=draw(st.lists(item, max_size=3)),
                root_cause=draw(text),
                opportunities=draw(st.lists(item, max_size=3)),
                quotes=draw(st.lists(item, max_size=2)),
                moment_of_truth=draw(st.booleans()),
                partner_owned=draw(st.booleans()),
                evidence=draw(st.none() | st.sampled_from(EVIDENCE)),
                sources=draw(st.lists(item, max_size=2)),
                future_feeling=draw(st.none() | st.integers(-2, 2)),
                future_note=draw(text),
                future_state=draw(st.sampled_from(FUTURE_STATES)),
                leads_to=draw(st.lists(st.sampled_from(others), unique=True, max_size=2))
                if others
                else [],
            )
        )
    return JourneyMap(
        title=draw(name),
        description=draw(text),
        persona=Persona(
            name=draw(st.just("") | name),
            description=draw(text),
            goals=draw(st.lists(item, max_size=3)),
        ),
        scenario=draw(text),
        stages=stages,
        departments=departments,
        channels=channels,
        touchpoints=touchpoints,
        rows=draw(st.lists(st.sampled_from(ROWS), unique=True)),
        curves=draw(st.sampled_from(CURVES)),
        metadata=Metadata(
            created=draw(times), modified=draw(times), authors=draw(st.lists(name, max_size=2))
        ),
    )


card_votes = st.dictionaries(
    st.sampled_from(VOTE_TOPICS), st.integers(0, 12) | st.sampled_from([MAX_VOTES - 1, MAX_VOTES])
)


@st.composite
def voted_journey_maps(draw) -> JourneyMap:
    """journey_maps after dot votes: any dots on any card (none on some), and any votes shown."""
    journey = draw(journey_maps())
    for tp in journey.touchpoints:
        tp.votes = draw(card_votes)
    journey.votes_shown = draw(st.none() | st.sampled_from(VOTE_TOPICS))
    return journey


def close_quietly(window) -> None:
    """Close a test's window without the unsaved-changes question (if it is still there)."""
    import shiboken6

    if not shiboken6.isValid(window):
        return
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.close()


def map_window(qtbot, journey):
    """An editor window on `journey` at actual size, 1400x900, closed after the test without
    asking to save (a fixture's body: `yield from map_window(qtbot, journey)`)."""
    from cxmapper.app.window import MainWindow
    from cxmapper.document.document import JourneyDocument

    w = MainWindow()
    w.set_document(JourneyDocument(journey))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.view.actual_size()
    yield w
    close_quietly(w)


def older_data(journey, version: int) -> dict:
    """The map as a file of an older `version` held it: none of the later versions' fields,
    which must be at their defaults (what a file of `version` meant by saying nothing)."""
    import json

    from cxmapper.model.fileformat import map_to_bytes
    from cxmapper.model.migrations import _NEW_IN

    data = json.loads(map_to_bytes(journey))
    data["schema_version"] = version
    models = {"": JourneyMap, "departments": Department, "touchpoints": Touchpoint}
    for since, new in _NEW_IN.items():
        if since > version:
            for field, names in new.items():
                for part in data[field] if field else [data]:
                    for name in names:
                        said = part.pop(name)
                        default = (
                            models[field].model_fields[name].get_default(call_default_factory=True)
                        )
                        assert said == default, f"a version-{version} file cannot say {name}"
    return data


def version_1_data(journey) -> dict:
    """The map as a version-1 file held it: none of version 2's (or later) fields."""
    return older_data(journey, 1)


def version_2_data(journey) -> dict:
    """The map as a version-2 file held it: no votes, none shown."""
    return older_data(journey, 2)
