"""The causes the blind judge of finding-review sample 59 found, on the documents where it found them and on the
others the fixes moved.

KPI102 points at the first row, in table order, where the stamped value is no natural target (not at a satisfaction
row that reads "≥95%" as it should), and leaves the 满意度 advice out when every satisfaction row counted already has
its survey share. KPI403 reads a lone cost that is paid per unit as a unit cost: it leads with the unit arithmetic,
tries the sum of the rows counting that unit, and names a gap of a power of ten as a likely slip. The YAML cases of
both rules hold each mechanism on made-up rows.
"""

from __future__ import annotations

from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR, corpus_doc

_SATISFACTION_ADVICE = "满意度写调查得出的满意比例"


def _run(key: str, code: str) -> list[Finding]:
    doc = parse(CORPUS_DIR / "wild" / key) if key.endswith(".txt") else corpus_doc(key)
    rule = rule_by_code(code)
    assert rule is not None
    return run_rules([doc], [rule], RuleContext(documents=[doc]))


def test_b05_the_finding_leaves_the_satisfaction_row_that_reads_as_it_should() -> None:
    found = {f.project: f for f in _run("b05_sichuan_township_application.txt", "KPI102")}
    # 基层组织活动经费: 辖区内群众满意度 ≥95% (13:130) is the table's first "≥95%" and a textbook satisfaction target;
    # the finding stands on the next row, the first whose name a pass mark does not fit.
    fund = found["基层组织活动经费"]
    assert (fund.line, fund.column, fund.level3, fund.value) == (14, 36, "促进农村集体经济发展", "≥95%")
    assert (
        "5 个指标中的 4 个（“促进农村集体经济发展”、“经济、环境等方面可持续发展”、“保障村社区正常运转”等）"
        in fund.message
    )
    assert fund.message.endswith(
        "每个指标应按自己的依据定值：质量写比率，效益写可核查的变化及其幅度（如“…提高N个百分点”“新增N人”）。"
    )
    # 村组干部报酬: the first row counted (维护社会稳定) is already unnatural; only the advice changes — its
    # 人民群众满意度 reads "≥95%", so the rows are not told to write a survey share they have.
    pay = found["村组干部报酬"]
    assert (pay.line, pay.column, pay.level3) == (5, 89, "维护社会稳定")
    assert "效益写可核查的变化及其幅度" in pay.message and _SATISFACTION_ADVICE not in pay.message


def test_003_the_finding_moves_off_the_rates_a_pass_mark_fits() -> None:
    found = _run("003", "KPI102")
    starts = ("城乡居民意外伤害", "冀财社（2022）218", "医疗保障局医保所住院")
    moved = {start: (f.line, f.level3) for f in found for start in starts if (f.project or "").startswith(start)}
    assert moved == {
        "城乡居民意外伤害": (1771, "运行保障成本"),  # not 1757 提高工作效率, a name ending in 率
        "冀财社（2022）218": (1993, "经济发展"),  # not 1972 正常使用率
        "医疗保障局医保所住院": (2426, "总成本"),  # not 2412 信息系统故障发生率
    }
    # "≥95" without its %: no row has a survey share yet, so the 满意度 advice stays — since issue wording-s62 worded
    # for rows that already are rates missing only the % (tests/rules/test_sample62_causes.py)
    assert len(found) == 11 and all("补上“%”，按满意度调查的结果定值（如“≥90%”）" in f.message for f in found)


def test_the_findings_that_stand_on_an_unnatural_row_stay() -> None:
    places = {
        name: [(f.line, f.column) for f in _run(name, "KPI102")]
        for name in ("h01_hebei_edu_selfeval.txt", "b07_shandong_culture_selfeval.txt", "f02_ningxia_cdc_approval.txt")
    }
    assert places == {
        "h01_hebei_edu_selfeval.txt": [(323, 1)],
        "b07_shandong_culture_selfeval.txt": [(39, 13)],
        "f02_ningxia_cdc_approval.txt": [(36, 1)],
    }
    # f02's 服务对象满意度 reads "100%": everyone, no survey's pass mark — the advice stays.
    (f02,) = _run("f02_ningxia_cdc_approval.txt", "KPI102")
    assert _SATISFACTION_ADVICE in f02.message


def test_j09_a_cost_per_item_is_tried_against_the_items_summed() -> None:
    (found,) = _run("j09_hubei_opera_selfeval.txt", "KPI403")
    assert (found.line, found.column, found.level3, found.value) == (3, 53, "演出设备成本件/件", "2万元")
    assert found.message.startswith(
        "成本指标按单位成本算与全年预算数 30万元不符：“演出设备成本件/件” 2万元 是每件的成本，"
        "2万元 × 同以件计的 2 行数量之和 150件（更新剧团老化、损坏的音 50件 + 望新点胸艮必具 100件） = 3,000,000 元，"
        "是资金的 10 倍，像是金额单位或小数点写错（单位成本写成 0.2万元 才对得上）；"
        "逐行算也不符：2万元 × 更新剧团老化、损坏的音 50件 = 1,000,000 元，"
        "2万元 × 望新点胸艮必具 100件 = 2,000,000 元。"
    )
    assert "折算合计" not in found.message
    assert found.suggestion == "0.2万元"


def test_the_other_cost_findings_keep_their_reading() -> None:
    # k01: one training total, a fifth of the funds — no unit reading, no slip; t03: a per-unit term already
    # multiplied (23万元/个 × 10个), its suggestion the price that fits.
    (k01,) = _run("k01_anhui_science_selfeval.txt", "KPI403")
    assert k01.message.startswith(
        "成本指标折算合计 50,000 元，与资金总额 25万元不符（科技特派员业务培训开展 ≥5万元）。"
    )
    assert "像是金额单位" not in k01.message and k01.suggestion is None
    (t03,) = _run("t03_hunan_povertyshares_declaration.txt", "KPI403")
    assert (t03.line, t03.column, t03.suggestion) == (21, 16, "214,060.00元/个")
    assert "像是金额单位" not in t03.message
    # 001 建档立卡 年度 "34元": under 1 % of the funds, a standard; one count, so the standard the funds pay for.
    annual = next(f for f in _run("001", "KPI403") if f.period == "年度")
    assert (
        "“贫困人口参保县” 34元 不到资金的 1%，只能是单位标准，34元 × 建档立卡贫困户 19141人 = 650,794 元。"
        in annual.message
    )
    assert annual.suggestion is not None and annual.suggestion.startswith("134.11元")
