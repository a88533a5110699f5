"""The selection model without Qt: ids in the map's time order, one announcement per change, and
never an id that is not on the map."""

from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.selection import Selection

ORDER = ["t1", "t2", "t3", "t4"]


def heard(selection: Selection) -> list[list[str]]:
    calls: list[list[str]] = []
    selection.subscribe(calls.append)
    return calls


def test_a_selection_is_in_time_order_and_holds_only_touchpoints_of_the_map():
    selection = Selection(ORDER)
    selection.select(["t3", "t1", "gone", "t3"])
    assert selection.ids == ["t1", "t3"]
    assert "t3" in selection and "t2" not in selection and "gone" not in selection
    assert not selection.is_empty()
    assert selection.order == ORDER


def test_each_change_is_announced_once_with_the_ids_in_time_order():
    selection = Selection(ORDER)
    calls = heard(selection)
    selection.select(["t4", "t2"])
    assert calls == [["t2", "t4"]]
    selection.select(["t2", "t4"])  # the same touchpoints: no change
    selection.select(["t4", "t2", "t2"])
    assert len(calls) == 1
    selection.select_all()
    assert calls[-1] == ORDER
    selection.clear()
    selection.clear()  # nothing left to clear: nothing said
    assert calls == [["t2", "t4"], ORDER, []]
    assert selection.is_empty()


def test_toggle_adds_or_takes_one_touchpoint_keeping_the_others():
    selection = Selection(ORDER)
    selection.select(["t2"])
    selection.toggle("t1")
    assert selection.ids == ["t1", "t2"]
    selection.toggle("t2")
    assert selection.ids == ["t1"]
    selection.toggle("gone")  # not on the map: nothing
    assert selection.ids == ["t1"]


def test_a_touchpoint_that_leaves_the_map_leaves_the_selection_in_one_announcement():
    selection = Selection(ORDER)
    selection.select(["t1", "t2", "t3"])
    calls = heard(selection)
    selection.set_order(["t3", "t4"])  # t1 and t2 deleted
    assert selection.ids == ["t3"]
    assert calls == [["t3"]]
    selection.set_order(["t5", "t3", "t4"])  # one added: it is not selected, nothing said
    assert selection.ids == ["t3"]
    assert len(calls) == 1


def test_a_new_order_reorders_the_selection_without_announcing_a_change():
    selection = Selection(ORDER)
    selection.select(["t1", "t4"])
    calls = heard(selection)
    selection.set_order(["t4", "t3", "t2", "t1"])  # t4 moved to the first stage
    assert selection.ids == ["t4", "t1"]
    assert calls == []


def test_ids_is_a_copy():
    selection = Selection(ORDER)
    selection.select(["t1"])
    selection.ids.append("t2")
    selection.order.clear()
    assert selection.ids == ["t1"]
    assert selection.order == ORDER


def test_a_listener_stops_listening_even_while_it_hears():
    selection = Selection(ORDER)
    calls: list[list[str]] = []
    others: list[list[str]] = []

    def once(ids):
        calls.append(ids)
        stop()

    stop = selection.subscribe(once)
    selection.subscribe(others.append)
    selection.select(["t1"])
    selection.select(["t2"])
    assert calls == [["t1"]]
    assert others == [["t1"], ["t2"]]
    stop()  # twice: no harm


@given(
    order=st.lists(st.sampled_from([f"t{k}" for k in range(12)]), unique=True),
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("select"), st.lists(st.sampled_from([f"t{k}" for k in range(14)]))),
            st.tuples(
                st.just("order"),
                st.lists(st.sampled_from([f"t{k}" for k in range(12)]), unique=True),
            ),
            st.tuples(st.just("toggle"), st.sampled_from([f"t{k}" for k in range(14)])),
            st.tuples(st.just("clear"), st.none()),
        ),
        max_size=12,
    ),
)
def test_the_selection_is_always_a_part_of_the_map_in_its_order_and_each_change_is_heard(
    order, steps
):
    selection = Selection(order)
    calls = heard(selection)
    seen = selection.ids
    for kind, value in steps:
        before = set(selection.ids)
        if kind == "select":
            selection.select(value)
        elif kind == "order":
            order = value
            selection.set_order(value)
        elif kind == "toggle":
            selection.toggle(value)
        else:
            selection.clear()
        ids = selection.ids
        assert ids == [t for t in order if t in set(ids)]  # on the map, in its order
        if set(ids) != before:
            seen = calls[-1]
        assert sorted(seen) == sorted(ids)  # every change was heard
    # each announcement was a change of which touchpoints are selected
    assert all(set(a) != set(b) for a, b in zip(calls, calls[1:], strict=False))
