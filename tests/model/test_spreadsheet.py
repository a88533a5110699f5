"""CSV in and out: what workshops type into spreadsheets becomes a map, and goes back out."""

import csv
import io

import pytest
from factories import journey_maps, small_map, voted_journey_maps, voted_map
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
                tp.votes,
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
    evidence = header.index("evidence")
    assert header[evidence : evidence + 5] == [
        "evidence",
        "sources",
        "future_feeling",
        "future_state",
        "future_note",
    ]
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


# --- feeling scales of other tools (issue 20): a column is read as a whole -----------------

ONE_TO_FIVE_NOTE = "column feeling: feelings were on a 1 to 5 scale: read as 1 = very negative"


def feelings_of(text):
    result = imported(text)
    return [t.feeling for t in result.journey.touchpoints], result.warnings


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1", "2", "3", "4", "5", ""], [-2, -1, 0, 1, 2, None]),
        (["4", "5", "5", "4.0"], [1, 2, 2, 1]),  # only 4s and 5s: positive, never refused
        (["1", "2", "3"], [-2, -1, 0]),  # 1 and 2 are negative when a 3 says the scale
        ([" 2 ", "", "+3", "1"], [-1, None, 0, -2]),
    ],
    ids=["one-to-five", "fours-and-fives", "one-two-three", "spaces-and-signs"],
)
def test_a_one_to_five_feeling_column_is_mapped_whole_with_a_note(cells, expected):
    text = "stage,touchpoint,feeling\n" + "".join(
        f"Use,Step {i},{c}\n" for i, c in enumerate(cells)
    )
    feelings, notes = feelings_of(text)
    assert feelings == expected
    assert len(notes) == 1 and notes[0].startswith(ONE_TO_FIVE_NOTE)
    assert "5 = very positive (+2)" in notes[0]


def test_a_worded_feeling_column_any_case_with_blanks():
    text = (
        "stage,touchpoint,feeling\n"
        "Use,a,Very Negative\nUse,b,\nUse,c,NEUTRAL\nUse,d,Delighted\nUse,e,very-positive\n"
        "Use,f,Not rated\nUse,g,negative\nUse,h,Positive\nUse,i,very_negative\nUse,j,N/A\n"
        "Use,k,Very  Good\nUse,l,dissatisfied\n"
    )
    feelings, notes = feelings_of(text)
    assert feelings == [-2, None, 0, 2, 2, None, -1, 1, -2, None, 2, -1]
    assert notes == []


def test_words_mix_with_minus_two_to_two_numbers_but_not_with_one_to_five():
    feelings, notes = feelings_of("stage,touchpoint,feeling\nUse,a,positive\nUse,b,-1\nUse,c,2\n")
    assert (feelings, notes) == ([1, -1, 2], [])
    with pytest.raises(MapError) as caught:
        imported("stage,touchpoint,feeling\nUse,a,positive\nUse,b,4\nUse,c,2\nUse,d,5\n")
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == ["row 3, column feeling", "row 5, column feeling"]
    assert "1 to 5 in a column of whole numbers alone" in problems[0]


def test_a_column_of_only_ones_and_twos_is_read_as_cxmappers_scale_and_says_so():
    feelings, notes = feelings_of("stage,touchpoint,feeling\nUse,a,1\nUse,b,2\nUse,c,\n")
    assert feelings == [1, 2, None]
    assert len(notes) == 1 and "holds only 1 and 2" in notes[0]
    assert "read as -2 to 2" in notes[0] and "write -2 and -1" in notes[0]


def test_a_map_of_only_positive_feelings_round_trips_exactly():
    journey = small_map()
    for i, tp in enumerate(journey.touchpoints):
        tp.feeling, tp.future_feeling = 1 + i % 2, 2 - i % 2
    back = import_csv(export_csv(journey))
    by_title = {t.title: t for t in back.journey.touchpoints}
    for tp in journey.touchpoints:
        assert (by_title[tp.title].feeling, by_title[tp.title].future_feeling) == (
            tp.feeling,
            tp.future_feeling,
        )
    assert all("holds only 1 and 2" in note for note in back.warnings)


def test_the_future_feeling_column_follows_the_feeling_columns_scale_when_it_cannot_tell():
    sheet = "stage,touchpoint,feeling,future_feeling\nUse,a,1,1\nUse,b,5,2\nUse,c,3,\n"
    result = imported(sheet)
    tps = result.journey.touchpoints
    assert [(t.feeling, t.future_feeling) for t in tps] == [(-2, -2), (2, -1), (0, None)]
    assert result.warnings[0].startswith(ONE_TO_FIVE_NOTE)
    assert "future_feeling: holds only 1 and 2, read on the 1 to 5 scale" in result.warnings[1]
    own = imported("stage,touchpoint,feeling,future_feeling\nUse,a,-1,1\nUse,b,0,2\n")
    assert [t.future_feeling for t in own.journey.touchpoints] == [1, 2]
    assert own.warnings == []  # the feeling column's 0 and -1 say the sheet is on -2..2
    both = imported("stage,touchpoint,feeling,future_feeling\nUse,a,-2,4\nUse,b,0,5\n")
    assert [t.future_feeling for t in both.journey.touchpoints] == [1, 2]  # each its own
    assert "column future_feeling: feelings were on a 1 to 5 scale" in both.warnings[0]


def test_a_one_to_five_column_with_a_zero_is_refused_naming_that_row():
    with pytest.raises(MapError) as caught:
        imported(
            "stage,touchpoint,feeling\nUse,a,1\nUse,b,4\nUse,c,0\nUse,d,5\nUse,e,3\nUse,f,-1\n"
        )
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == ["row 4, column feeling", "row 7, column feeling"]
    assert '"0" is not on the 1 to 5 scale' in problems[0]
    assert '"-1" is not on the 1 to 5 scale' in problems[1]


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (["-1", "4", "positive", "happy"], [3, 5]),  # text: cxmapper's scale; 4 and happy
        (["1", "3", "7"], [4]),  # a 1 to 7 scale: 7 fits neither
        (["2.5", "4", "5"], [2]),  # not whole
        (["0", "-2", "4"], [4]),  # most fit -2..2
    ],
)
def test_a_column_that_fits_no_scale_is_refused_whole_naming_the_rows(cells, named):
    text = "stage,touchpoint,feeling\n" + "".join(
        f"Use,Step {i},{c}\n" for i, c in enumerate(cells)
    )
    with pytest.raises(MapError) as caught:
        imported(text)
    rows = [int(p.split(",")[0].removeprefix("row ")) for p in caught.value.problems]
    assert rows == named
    assert all("column feeling" in p for p in caught.value.problems)


def test_a_refused_column_names_twenty_rows_then_says_how_many_more():
    text = "stage,touchpoint,feeling\n" + "Use,a,-2\n" * 40 + "Use,b,4\n" * 30 + "Use,c,1\n"
    with pytest.raises(MapError) as caught:
        imported(text)
    problems = caught.value.problems
    assert len(problems) == 21
    assert problems[0].startswith("row 42, column feeling:") and problems[19].startswith("row 61")
    assert problems[20] == (
        "column feeling: 10 more rows from row 62 on hold no feeling on the column's scale"
    )


def test_feeling_problems_come_in_row_order_with_the_other_cells():
    with pytest.raises(MapError) as caught:
        imported("stage,touchpoint,feeling,expectation\nUse,a,1,x\nUse,,happy,met\nUse,c,,y\n")
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "row 2, column expectation",
        "row 3, column touchpoint",
        "row 3, column feeling",
        "row 4, column expectation",
    ]


FEELING_SHEETS = SHEETS / "feelings"


def test_spreadsheets_of_other_tools_with_one_to_five_and_worded_feelings():
    survey = import_csv((FEELING_SHEETS / "survey-1-to-5.csv").read_bytes())
    by_title = {t.title: t.feeling for t in survey.journey.touchpoints}
    assert by_title == {
        "Sees an ad": 1,
        "Reads reviews": 0,
        "Checkout fails": -2,
        "Calls support": -1,
        "Gets a refund": None,
        "First delivery": 2,
    }
    assert [n[:40] for n in survey.warnings] == [ONE_TO_FIVE_NOTE[:40]]
    worded = import_csv((FEELING_SHEETS / "worded-feelings.csv").read_bytes())
    tps = worded.journey.touchpoints
    assert [t.feeling for t in tps] == [1, 0, -2, -1, None, 2, 2]
    assert [t.future_feeling for t in tps] == [None, 2, 0, None, 1, None, 2]
    assert worded.warnings == []


# --- dot votes: a column for each topic --------------------------------------------------


def test_votes_go_out_a_column_a_topic_and_come_back():
    journey = voted_map()
    rows = list(csv.DictReader(io.StringIO(export_csv(journey).decode("utf-8-sig"))))
    counts = [
        (r["touchpoint"], r["votes_touchpoints"], r["votes_pain_points"], r["votes_opportunities"])
        for r in rows
    ]
    # no dots: an empty cell, as a sticky note without dots
    assert counts == [("Compares offers", "2", "", ""), ("Monthly bill", "5", "4", "1")]
    back = import_csv(export_csv(journey)).journey
    assert [t.votes for t in back.touchpoints_in_time_order()] == [
        t.votes for t in journey.touchpoints_in_time_order()
    ]
    assert comparable(back) == comparable(journey)


def test_vote_columns_under_the_names_workshops_give_them():
    sheet = (
        "Stage,Touchpoint,Dots,Pain point votes,Opportunity-votes\n"
        "Use,Calls support,2,5, 1 \n"
        "Use,Pays,,0,\n"
    )
    result = imported(sheet)
    assert result.warnings == []
    assert [t.votes for t in result.journey.touchpoints] == [
        {"touchpoints": 2, "pain_points": 5, "opportunities": 1},
        {},
    ]
    assert imported("stage,touchpoint,votes\nUse,Pays,4\n").journey.touchpoints[0].votes == {
        "touchpoints": 4
    }


def test_a_vote_cell_that_is_not_a_whole_number_of_votes_names_its_row_and_column():
    sheet = (
        "stage,touchpoint,votes_touchpoints,votes_pain_points,votes_opportunities\n"
        "Use,a,three,1,\n"
        "Use,b,1,-1,\n"
        "Use,c,1,2,2.5\n"
        "Use,d,100001,,\n"
        "Use,e,4.0,100000,\n"
    )
    with pytest.raises(MapError) as caught:
        imported(sheet)
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "row 2, column votes_touchpoints",
        "row 3, column votes_pain_points",
        "row 4, column votes_opportunities",
        "row 5, column votes_touchpoints",
    ]
    assert problems[0] == (
        'row 2, column votes_touchpoints: "three" is not a number of votes: use a whole number '
        "from 0 to 100000 (or leave it empty for none)"
    )
    assert '"-1" is not a number of votes' in problems[1]
    assert '"2.5" is not a number of votes' in problems[2]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(voted_journey_maps())
def test_any_voted_map_goes_out_to_csv_and_back_with_its_votes(journey):
    if not journey.touchpoints or not unique_names(journey):
        return  # CSV names parts by name: two stages both called "Use" become one
    back = import_csv(export_csv(journey)).journey
    assert comparable(back) == comparable(journey)  # (votes among what is compared)
