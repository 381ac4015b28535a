"""Generated complete plans: their gold is a valid record, and the two phrasing families stay apart."""

from __future__ import annotations

from khplan.schemas import PlanRecord
from tools.synth.plan_bodies import DEVELOPMENT, EVALUATION, THEMES
from tools.synth.plans import generate_full_plans


def test_gold_of_every_field_is_a_valid_plan_record():
    for family in (DEVELOPMENT, EVALUATION):
        for plan in generate_full_plans(8, family=family):
            record = PlanRecord.model_validate(plan.fields)
            assert (
                record.legal_bases and record.awards and record.deadlines and record.recipients and record.signer.name
            )


def test_same_seed_and_family_give_the_same_plans():
    first, again = generate_full_plans(3, seed=5, family=EVALUATION), generate_full_plans(3, seed=5, family=EVALUATION)
    assert [p.text for p in first] == [p.text for p in again]


def test_families_differ_for_the_same_seed():
    dev, held_out = generate_full_plans(3, family=DEVELOPMENT), generate_full_plans(3, family=EVALUATION)
    assert all(d.text != e.text for d, e in zip(dev, held_out, strict=False))


def test_development_plans_never_use_an_evaluation_subject():
    held_out = {theme.title for theme in THEMES[EVALUATION]}
    assert not any(
        subject in plan.fields["title"] for plan in generate_full_plans(30, family=DEVELOPMENT) for subject in held_out
    )


def test_printed_text_holds_the_typed_words_one_paragraph_a_line():
    for plan in generate_full_plans(6, family=DEVELOPMENT):
        assert " ".join(plan.text.split()) == " ".join(plan.printed.split())
        assert len(plan.printed.splitlines()) <= len(plan.text.splitlines())


def test_a_plan_without_targets_section_gets_targets_from_its_award_rules():
    plans = [p for p in generate_full_plans(40, family=DEVELOPMENT) if "Đối tượng" not in p.text]
    assert plans
    for plan in plans:
        groups = {a["recipient_group"] for a in plan.fields["awards"] if a["recipient_group"]}
        assert {t["text"] for t in plan.fields["targets"]} == groups
