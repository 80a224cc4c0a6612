"""KPI404 with the category model shipped in models/: fires on a misfiled deadline, not on a rate."""

from __future__ import annotations

import json

import pytest

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.consistency import kpi404_misfiled_indicator
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.classify.conftest import MODELS_DIR
from tests.corpus import KEYS, corpus_doc


def _kpi404(key: str) -> list[Finding]:
    rule = rule_by_code("KPI404")
    assert rule is not None
    doc = corpus_doc(key)
    return run_rules([doc], [rule], RuleContext(documents=[doc]))


def test_fires_on_003_on_time_filed_under_quality() -> None:
    """ "就否按时救助 >90" under 质量指标: on time is 时效 (004's "5月底之前", the example until issue 11ae, is read
    under its merged 时效指标 cell now: no longer misfiled)."""
    found = [f for f in _kpi404("003") if f.level3 == "就否按时救助" and f.line == 1828]
    assert len(found) == 1
    finding = found[0]
    assert (finding.level2, finding.value) == ("质量指标", ">90")
    assert "时效指标" in finding.message and "分类模型" in finding.message
    assert finding.explain is not None and "置信度" in finding.explain


def test_silent_on_000_participation_rate_under_quality() -> None:
    assert not [f for f in _kpi404("000") if f.level3 == "城乡居民基本医疗保险参保率"]


def test_corpus_findings_with_the_shipped_model() -> None:
    """24 findings on the five samples, 17 of them right by corpus/labels/categories.csv (the model of issue
    13c: 11, 6 right; issue 13g's: 24, 16 right).  The new ones come from moves into 经济效益 / 可持续影响, which
    KPI404 now trusts (card precision 0.62 / 0.67 over the train + dev documents, above `min_label_precision` 0.6).
    004 654 "数量指标 | 医药费报销完成率 | =100%" (labelled 质量) is no longer reported since issue 11l: a completion
    rate fits under 数量, where 财预〔2020〕10号's evaluation framework files 实际完成率 (finding review sample 10
    judged the move wrong; the label and the framework disagree). Since issue 11u 003's "时效指标 | 完成率 | ≥95"
    (labelled 质量) and "时效指标 | 支付完成率 | ≥95" (labelled 时效) are silent too: a completion rate whose % was lost
    fits under 时效 like its percentage twin (finding review sample 20 judged the 支付完成率 move wrong; for the bare
    完成率 the label and the rule's reading of 10号 disagree again): 21 findings, 16 right by the labels. Since issue
    11ae 004 729 "5月底之前" is read under its merged 时效指标 cell (it was the reader's misfiling): 20, 15 right.
    Since issue 13-resplit (000 in dev and 003 in train; the model learnt their hand labels): 16, all right by the
    labels. 003's five template rows below are silent; 003 2204 "经济效益指标 | 运行成本" (labelled 成本) is new. Since
    issue 13-category3 (no "empty" kind): 17, all right — 003 1849 "社会效益指标 | 提供服务次数" (labelled 数量) is new,
    数量 0.793 → 0.801 across the 0.8 floor; in a full check KPI408 reports that row instead."""
    found = {(key, f.line, f.level3, f.value) for key in KEYS for f in _kpi404(key)}
    right = {
        ("000", 3689, "减轻退休人员生活负担", "减轻"),  # 社会效益 → 经济效益: a burden lifted is money
        ("000", 3696, "减轻退休人员生活负担", "减轻"),
        ("001", 525, "医疗信息系统运行正常", "正常"),  # under 时效: uptime is 质量
        ("001", 722, "城乡居民住院就医报销比", "≥70%"),  # a ratio under 数量指标
        ("001", 725, "城乡居民住院就", "≥70%"),  # the same row, its name cut by the extraction
        ("002", 1030, "政策知晓率", "≥80%"),  # filed as satisfaction: an effect (社会效益)
        ("002", 1032, "政策知晓率", "≥80%"),
        ("002", 1125, "政策知晓率", "≥80%"),
        ("003", 1828, "就否按时救助", ">90"),  # under 质量: on time is 时效 (按时 a 时效 cue word, issue 13h)
        ("003", 1892, "按时参保", "≥95"),
        ("003", 2282, "环境改善情况", "≥95"),  # under 经济效益 → 生态效益
        ("004", 584, "建立城乡居民基本医疗保险的长效机制", "建立"),  # 社会效益 → 可持续影响
        ("004", 727, "对稳定脱贫人口居民2023年医保个人缴费", "=175元/人"),  # a per-head amount: 成本指标
        ("004", 733, "减轻困难人群医疗费用负担", "有效减轻"),  # 社会效益 → 经济效益
        ("004", 835, "保险缴纳达标率", "=100%"),
        ("003", 2204, "运行成本", "≥95"),  # under 经济效益: a running cost is 成本 (issue 13-resplit)
        ("003", 1849, "提供服务次数", ">90"),  # under 社会效益: a count of services is 数量 (issue 13-category3)
    }
    # Wrong by the labels, and silent since issue 13-resplit (the model now gives 003's own labels; 提高医保经办水平
    # 质量 0.83): 003's template effect rows (提高效率 is kept under 经济效益 there; 社会影响力 and
    # 保障业务工作情况 under 可持续影响 — no longer reported since issue 13h's model, and 社会影响力 again since issue
    # 11l: a row under 可持续影响 is not moved to another 效益 by its subject), 提高医保经办水平 (质量) read as
    # 数量. 网络生态环境 (read as ecological by the cue word 生态) is no longer reported since
    # the value's cue block (issue 13g).
    wrong = {
        ("003", 1705, "提高效率", "≥95"),
        ("003", 1842, "提高效率", ">90"),
        ("003", 2112, "提高医保经办水平", "≥95"),
        ("003", 2360, "提高效率", "≥95"),
        ("003", 2431, "提高效率", "≥95"),
    }
    assert found == right and not found & wrong


def test_labels_the_model_predicts_poorly_are_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A move is reported only into a label whose cross-validated precision on the card reaches
    `min_label_precision` (0.6); raising the bar silences more."""
    card = json.loads((MODELS_DIR / "category.card.json").read_text(encoding="utf-8"))
    trusted = {label for label, c in card["metrics"]["per_class"].items() if c["precision"] >= 0.6}
    # the label each finding moves its row to (a hedged hint words it "也可归入", a warning "看起来属于")
    labels = {f.moves_to for key in KEYS for f in _kpi404(key)}
    assert labels and labels <= trusted
    monkeypatch.setattr(kpi404_misfiled_indicator, "load_label_precision", lambda: {"时效指标": 0.5})
    assert not [f for f in _kpi404("003") if f.level3 == "就否按时救助" and f.line == 1828]
