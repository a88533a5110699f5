"""CSV in and out: what workshops type into spreadsheets becomes a map, and goes back out."""

import csv
import io

import pytest
from factories import journey_maps, small_map
from hypothesis import HealthCheck, given, settings

from cxmapper.model.problems import MapError
from cxmapper.model.spreadsheet import COLUMNS, export_csv, import_csv
from cxmapper.model.templates import load_template, template_names

WORKSHOP = (
    "Stage,Touchpoint,Channel,Department,Feeling,Emotion,Pain_Points,Quote\n"
    "Awareness,Sees TV ad,Social,Marketing,positive,curious,,\n"
    'Awareness,Reads reviews,Web,Marketing,0,unsure,"Reviews are old\nNo prices",\n'
    'Purchase,Buys online,Web,Sales,very negative,angry,Checkout crashes,"It failed twice!"\n'
    ",Gets confirmation,Email,Sales,+1,relieved,,\n"
)


def imported(text, **kwargs):
    return import_csv(text.encode("utf-8") if isinstance(text, str) else text, **kwargs)


def test_a_workshop_sheet_becomes_a_map_in_row_order():
    result = imported(WORKSHOP, title="Workshop")
    m = result.journey
    assert m.title == "Workshop"
    assert [s.name for s in m.stages] == ["Awareness", "Purchase"]
    assert [d.name for d in m.departments] == ["Marketing", "Sales"]
    assert [c.name for c in m.channels] == ["Social", "Web", "Email"]
    titles = [t.title for t in m.touchpoints_in_time_order()]
    assert titles == ["Sees TV ad", "Reads reviews", "Buys online", "Gets confirmation"]
    sees, reads, buys, confirm = m.touchpoints
    assert [t.feeling for t in m.touchpoints] == [1, 0, -2, 1]
    assert reads.pain_points == ["Reviews are old", "No prices"]
    assert buys.quotes == ["It failed twice!"]
    assert confirm.stage_id == buys.stage_id  # an empty stage cell continues the stage above
    assert m.department(buys.department_id).name == "Sales"
    assert m.channel(sees.channel_id).icon == "social"
    assert result.warnings == []


def test_headers_match_whatever_their_case_and_spacing():
    m = imported("STAGE;Touch Point;Pain points;FEELING\nUse;Opens app;Slow login;-1\n").journey
    assert m.touchpoints[0].pain_points == ["Slow login"]
    assert m.touchpoints[0].feeling == -1


def test_unknown_columns_are_reported_not_fatal():
    result = imported("stage,touchpoint,Owner email,Sticky colour\nUse,Opens app,a@b.c,yellow\n")
    assert len(result.journey.touchpoints) == 1
    assert any('"Owner email"' in w for w in result.warnings)
    assert any('"Sticky colour"' in w for w in result.warnings)


def test_bad_values_are_all_reported_with_row_and_column_and_nothing_is_kept():
    text = (
        "stage,touchpoint,feeling,expectation,moment_of_truth\n"
        "Use,Opens app,happy,met,no\n"
        "Use,,1,met,no\n"
        "Use,Pays," + "3" + ",great,maybe\n"
        "Use," + "x" * 201 + ",1,met,no\n"
    )
    with pytest.raises(MapError) as caught:
        imported(text)
    problems = caught.value.problems
    assert (
        'row 2, column feeling: "happy" is not a feeling: use -2 to 2, or very negative'
        in problems[0]
    )
    assert "row 3, column touchpoint: is empty" in problems
    assert any(p.startswith("row 4, column feeling:") for p in problems)
    assert any(p.startswith("row 4, column expectation:") for p in problems)
    assert any(p.startswith("row 4, column moment_of_truth:") for p in problems)
    assert len(problems) == 5  # the too-long title is reported once the cells parse


def test_a_too_long_title_names_its_row():
    with pytest.raises(MapError, match=r"row 3, column touchpoint: is too long \(at most 200"):
        imported("stage,touchpoint\nUse,Fine\nUse," + "x" * 201 + "\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("title,feeling\nOpens app,1\n", "the header row has no 'stage' column"),
        ("stage,description\nUse,x\n", "the header row has no 'touchpoint' column"),
        ("stage,touchpoint\n", "no touchpoints"),
        ("stage,touchpoint,Stage\nA,b,c\n", 'names the column "stage" twice'),
        ("stage,touchpoint\n,Orphan\n", "row 2, column stage: is empty"),
    ],
)
def test_sheets_that_cannot_be_maps_say_why(text, message):
    with pytest.raises(MapError, match=message.replace("(", r"\(")):
        imported(text)


def test_text_that_is_not_utf8_is_refused_with_advice():
    with pytest.raises(MapError, match='line 2.*"CSV UTF-8"'):
        import_csv("stage,touchpoint\nUse,Caf\xe9\n".encode("latin-1"))


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.replace(",", ";").encode("utf-8-sig"),
        lambda t: t.replace(",", "\t").encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "semicolon-bom", "utf16-tab", "crlf"],
)
def test_encodings_and_separators_of_spreadsheet_programs(encode):
    text = "stage,touchpoint,emotion\nΑγορά,Заказ онлайн,嬉しい 😀\n"
    tp = import_csv(encode(text)).journey.touchpoints[0]
    assert tp.title == "Заказ онлайн"
    assert tp.emotion == "嬉しい 😀"


def test_export_writes_the_columns_with_a_bom_for_spreadsheets():
    data = export_csv(small_map())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert rows[2][:6] == ["Monthly bill", "Monthly bill", "", "Mail", "Billing", "-2"]


def test_formula_like_text_opens_as_plain_text_and_round_trips():
    m = small_map()
    dangerous = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "'quoted", "\tTab"]
    for tp, text in zip(m.touchpoints, dangerous, strict=False):
        tp.title = text.replace("\t", "T")
    m.touchpoints[0].description = dangerous[0]
    m.touchpoints[0].pain_points = ["=cmd|' /C calc'!A0", "@risk"]
    m.touchpoints[1].description = "\tTab first"
    data = export_csv(m)
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        for i, cell in enumerate(row):
            if COLUMNS_LIST[i] != "feeling":
                assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
    back = import_csv(data).journey
    assert back.touchpoints[0].title == m.touchpoints[0].title
    assert back.touchpoints[0].description == dangerous[0]
    assert back.touchpoints[0].pain_points == ["=cmd|' /C calc'!A0", "@risk"]
    assert back.touchpoints[1].description == "\tTab first"


COLUMNS_LIST = list(COLUMNS)


def comparable(journey):
    """What CSV carries: each touchpoint's text, values and time, parts named, in time order."""
    result = []
    for tp in journey.touchpoints_in_time_order():
        dept = journey.department(tp.department_id)
        chan = journey.channel(tp.channel_id)
        result.append(
            (
                journey.stage(tp.stage_id).name,
                tp.position,
                tp.title,
                tp.description,
                chan.name if chan else None,
                dept.name if dept else None,
                tp.feeling,
                tp.emotion,
                tp.expectation,
                tp.pain_points,
                tp.opportunities,
                tp.quotes,
                tp.root_cause,
                [journey.department(d).name for d in tp.contributing_department_ids],
                tp.moment_of_truth,
                tp.partner_owned,
                tp.evidence,
                tp.sources,
                tp.future_feeling,
                tp.future_state,
                tp.future_note,
            )
        )
    return result


def unique_names(journey):
    def unique(parts):
        names = [p.name for p in parts]
        return len(names) == len(set(names))

    return unique(journey.stages) and unique(journey.departments) and unique(journey.channels)


@pytest.mark.parametrize("name", template_names())
def test_templates_go_out_to_csv_and_back_unchanged(name):
    m = load_template(name)
    back = import_csv(export_csv(m), title=m.title).journey
    assert comparable(back) == comparable(m)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps())
def test_any_map_goes_out_to_csv_and_back_with_text_exactly_as_it_was(journey):
    if not journey.touchpoints or not unique_names(journey):
        return  # CSV names parts by name: two stages both called "Use" become one
    back = import_csv(export_csv(journey)).journey
    assert comparable(back) == comparable(journey)


SHEETS = __import__("pathlib").Path(__file__).parent.parent / "data" / "spreadsheets"


@pytest.mark.parametrize(
    "sheet",
    ["libreoffice-comma-utf8.csv", "libreoffice-semicolon-utf8.csv", "libreoffice-tab-utf16.csv"],
)
def test_sheets_saved_by_libreoffice_calc_import_exactly(sheet):
    from cxmapper.model.fileformat import load_map

    expected = load_map(SHEETS / "expected.json")
    result = import_csv((SHEETS / sheet).read_bytes())
    assert result.warnings == []
    assert comparable(result.journey) == comparable(expected)
    titles = [t.title for t in result.journey.touchpoints]
    assert (
        "車を受け取る" in titles
        and "Звонок консультанта" in titles
        and "Αναμονή στη ρεσεψιόν" in titles
    )


def test_an_excel_style_sheet_with_bom_semicolons_and_crlf():
    """Laid out as Excel's "CSV UTF-8" writes in European locales."""
    data = (
        "\ufeffStage;Touchpoint;Feeling;Pain_points\r\n"
        'Kauf;Bestellt online;-1;"Versandkosten erst am Ende\nKein PayPal"\r\n'
        "Kauf;Zahlt;2;\r\n"
        ";;;\r\n"
    ).encode("utf-8")
    m = import_csv(data).journey
    assert [t.title for t in m.touchpoints] == ["Bestellt online", "Zahlt"]
    assert m.touchpoints[0].pain_points == ["Versandkosten erst am Ende", "Kein PayPal"]


def test_names_differing_only_in_case_stay_apart_and_times_survive():
    m = small_map()
    m.departments[1].name = "SALES"
    m.touchpoints[1].department_id = "d-billing"
    m.touchpoints[0].contributing_department_ids = ["d-sales", "d-billing"]
    m.touchpoints.append(
        m.touchpoints[0].model_copy(
            update={"id": "t3", "title": "Same time", "department_id": "d-billing"}
        )
    )
    back = import_csv(export_csv(m)).journey
    assert [d.name for d in back.departments] == ["Sales", "SALES"]
    assert comparable(back) == comparable(m)
    together = [t for t in back.touchpoints if t.stage_id == back.touchpoints[0].stage_id]
    assert len({t.position for t in together}) == 1  # "happen together" is kept


def test_old_mac_line_endings_import():
    m = imported("stage,touchpoint\rS,T\rS2,T2\r").journey
    assert [t.title for t in m.touchpoints] == ["T", "T2"]


def test_apostrophes_people_typed_are_kept():
    m = imported("stage,touchpoint,quote\nS,'Quoted title',\"'It just works', she said\"\n").journey
    assert m.touchpoints[0].title == "'Quoted title'"
    assert m.touchpoints[0].quotes == ["'It just works', she said"]


def test_a_time_column_orders_touchpoints_and_bad_times_are_reported():
    m = imported("stage,touchpoint,time\nS,Later,2\nS,Sooner,1\nS,Together,1\n").journey
    assert [t.title for t in m.touchpoints_in_time_order()] == ["Sooner", "Together", "Later"]
    with pytest.raises(MapError, match='row 2, column time: "soon" is not a time'):
        imported("stage,touchpoint,time\nS,A,soon\n")


def test_too_many_stages_names_the_row():
    rows = "".join(f"Stage {i},T{i}\n" for i in range(105))
    with pytest.raises(MapError, match=r"row 102, column stage: too many stages"):
        imported("stage,touchpoint\n" + rows)


def test_evidence_sources_and_the_future_state_have_their_columns():
    journey = small_map()
    tp = journey.touchpoints[0]
    tp.evidence, tp.sources = "observed", ["=HYPERLINK(evil)", "interview 7"]
    tp.future_feeling, tp.future_state, tp.future_note = 2, "new", "Compare offers on one page"
    data = export_csv(journey).decode("utf-8-sig")
    header = data.splitlines()[0].split(",")
    assert header[-7:-2] == ["evidence", "sources", "future_feeling", "future_state", "future_note"]
    assert "'=HYPERLINK(evil)" in data  # inert in a spreadsheet
    back = import_csv(export_csv(journey)).journey.touchpoints_in_time_order()[0]
    assert (back.evidence, back.sources) == ("observed", ["=HYPERLINK(evil)", "interview 7"])
    assert (back.future_feeling, back.future_state, back.future_note) == (
        2,
        "new",
        "Compare offers on one page",
    )


def test_a_bad_evidence_or_future_cell_names_its_row_and_column():
    sheet = (
        b"stage,touchpoint,evidence,future_state,future_feeling\n"
        b"Sales,Sees an ad,rumoured,later,9\n"
        b"Sales,Calls,Observed,retired,very positive\n"
    )
    with pytest.raises(MapError) as caught:
        import_csv(sheet)
    problems = caught.value.problems
    assert any(p.startswith("row 2, column evidence:") and "observed" in p for p in problems)
    assert any(p.startswith("row 2, column future_state:") for p in problems)
    assert any(p.startswith("row 2, column future_feeling:") for p in problems)
    assert not any(p.startswith("row 3") for p in problems)  # any case; "retired" is removed


def test_handoffs_and_blueprint_layers_go_out_to_csv_and_come_back():
    journey = load_template("car-service-blueprint")
    back = import_csv(export_csv(journey))
    assert back.warnings == []
    m = back.journey
    titles = {t.id: t.title for t in journey.touchpoints}
    back_titles = {t.id: t.title for t in m.touchpoints}

    def links(j, names):
        return sorted((names[t.id], names[i]) for t in j.touchpoints for i in t.leads_to)

    assert links(m, back_titles) == links(journey, titles)
    layers = {d.name: d.blueprint_layer for d in journey.departments}
    assert {d.name: d.blueprint_layer for d in m.departments} == layers


def test_a_handoff_to_a_title_no_row_has_is_noted_not_fatal():
    sheet = (
        b"stage,touchpoint,hands_off_to,department,department_layer\n"
        b"Sales,Sees an ad,Nobody,Marketing,frontstage\n"
        b"Sales,Calls,,Marketing,Backstage\n"
    )
    result = import_csv(sheet)
    assert any('no touchpoint is called "Nobody"' in w for w in result.warnings)
    assert any("already in the frontstage layer" in w for w in result.warnings)
    assert result.journey.departments[0].blueprint_layer == "frontstage"
