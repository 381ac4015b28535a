"""Look-alike letters become the Vietnamese ones."""

from __future__ import annotations

from khplan.diacritics.look_alikes import unify_look_alikes


def test_eth_read_for_d_with_stroke_becomes_it_and_offsets_hold():
    text = "Số: 2652/LĐÐTBXH-KHTC ðồng"
    unified = unify_look_alikes(text)
    assert unified == "Số: 2652/LĐĐTBXH-KHTC đồng"
    assert len(unified) == len(text)
