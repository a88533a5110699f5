"""Whose turn it is in a dot vote, from the round's events alone (Qt-free)."""

from hypothesis import given
from hypothesis import strategies as st

from cxmapper.model.voting import HAND_OVER, VoteRound


def test_each_person_has_their_dots_and_their_last_hands_over():
    r = VoteRound("pain_points", 3)
    assert r.turn([]) == (1, 3)
    assert r.turn([1, 1]) == (1, 1)
    assert r.turn([1, 1, 1]) == (2, 3)
    assert r.turn([1, 1, 1, 2]) == (2, 1)
    assert r.cast([1, 1, 1, 2]) == 5


def test_a_hand_over_before_the_last_dot_and_never_before_the_first():
    r = VoteRound("touchpoints", 3)
    assert r.turn([1, HAND_OVER]) == (2, 3)
    assert not r.may_hand_over([1, HAND_OVER])
    assert r.turn([1, HAND_OVER, HAND_OVER]) == (2, 3)  # (nothing to hand over)
    assert r.may_hand_over([1, HAND_OVER, 1])


def test_a_dot_taken_off_goes_back_to_whoever_put_it_on():
    r = VoteRound("touchpoints", 3)
    assert r.turn([1, 1, 1, -1]) == (1, 1)  # person 1's last dot, taken back
    assert r.turn([1, HAND_OVER, -1]) == (1, 3)  # person 1 stopped after one: back to them
    assert r.turn([1, HAND_OVER, 1, -1]) == (2, 3)
    assert r.turn([-1, -1]) == (1, 3)  # dots that were there before the round: nobody's


events = st.lists(st.sampled_from([1, 1, 1, 2, -1, HAND_OVER]), max_size=40)


@given(st.integers(1, 6), events)
def test_a_person_always_has_between_one_and_all_their_dots(dots, seen):
    r = VoteRound("touchpoints", dots)
    voter, left = r.turn(seen)
    assert voter >= 1 and 1 <= left <= dots


@given(st.integers(1, 6), events)
def test_a_dot_never_goes_back_a_turn_and_a_hand_over_gives_all_dots(dots, seen):
    r = VoteRound("touchpoints", dots)
    before = r.turn(seen)
    after = r.turn([*seen, 1])
    assert after[0] >= before[0]
    if r.may_hand_over(seen):
        assert r.turn([*seen, HAND_OVER]) == (before[0] + 1, dots)


@given(st.integers(1, 6), st.lists(st.sampled_from([1, HAND_OVER]), max_size=40))
def test_dots_put_on_only_are_all_counted(dots, seen):
    r = VoteRound("touchpoints", dots)
    done, used = r.people(seen)
    assert sum(done) + used == seen.count(1) == r.cast(seen)
    assert all(1 <= n <= dots for n in done)
