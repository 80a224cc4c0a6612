"""KPI404 misfiled-indicator."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Form, Indicator, Project
from kpi_lint.parse.frequency import FREQUENCY, reads_as_frequency
from kpi_lint.parse.values import mentions_date, parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, RuleContext, Severity
from kpi_lint.rules.completeness.kpi201_missing_cost_indicator import is_filled
from kpi_lint.rules.consistency._years import fiscal_year
from kpi_lint.rules.consistency.kpi402_process_as_result import names_process_measure
from kpi_lint.rules.context import CATEGORY, MODEL_COPIES, PEERS, SUGGESTER
from kpi_lint.rules.target.common import (
    BENEFIT_LEVEL2,
    ON_TIME_FILE,
    ON_TIME_MEASURE_FILE,
    cited_example,
    dated_name_done,
    dated_name_rate,
    declared_not_applicable,
    expected_unit,
    is_satisfaction,
    may_exceed_100,
    name_cues,
    on_time_rate,
    on_time_says_when,
    pays_out,
    peer_example,
    states_a_period,
    unit_only,
)
from kpi_lint.rules.target.price_ceiling import names_price_ceiling
from kpi_lint.rules.text._text import clean, holds_any, name_ends_with
from kpi_lint.vocab import (
    COST,
    COST_LEVEL2,
    ECOLOGICAL,
    ECONOMIC,
    LEVEL2_NAMES,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    SOCIAL,
    SUSTAINABLE,
    TIMELINESS,
)

# The 效益 categories whose line is a reading of a worded effect on people: their money (经济) or their welfare (社会).
# 生态效益 (the environment) and 可持续影响 (how long) are told apart by more than a reading, and keep the warning.
_ON_PEOPLE = (ECONOMIC, SOCIAL)

if TYPE_CHECKING:
    from kpi_lint.classify.calibration import ClaimGate
    from kpi_lint.library.suggest import Suggestion
    from kpi_lint.run.cache import Cache

UNIT_COST_FILE = "unit_cost_words.txt"  # an amount per unit (每亩, 人均, 单价), as kpi-lint suggest reads it
COMPLETION_FILE = "completion_words.txt"  # a completion rate (完成率): what was done, under 数量 or 时效, not 质量
QUANTITY_RATE_FILE = "quantity_rates.txt"  # an amount against its plan or base (到位率, 稳定率): 数量 written as a rate
COVERAGE_RATE_FILE = "coverage_rates.txt"  # a coverage rate (覆盖率, 接种率): 数量 or 质量, both readings defensible
ECONOMIC_SUBJECT_FILE = "economic_subjects.txt"  # money as the subject of an effect (补贴, 利息, 医疗费): 经济效益
SHARED_SUBJECT_FILE = "shared_subjects.txt"  # a subject both social and ecological (人居环境, 环境卫生): either fits
# Judged rows whose categories are predicted in one model call, ahead of the documents being checked:
# a call costs ~20 ms beyond its rows; the predictions of a call are held until the next ones.
PRIME_ROWS = 4_096
# The values a rate-named row may carry: a percentage, or a bare figure whose % was lost ("支付完成率 | ≥95": the
# name says it is a rate; the missing unit is KPI103's finding, not a sign the row belongs elsewhere).
_RATE_KINDS = ("percent", "number")


def _satisfaction_name(ind: Indicator) -> bool:
    """A name that measures satisfaction ("资助对象满意度", "市民对空气质量改善的满意程度"), filed elsewhere: a row
    misfiled belongs under 服务对象满意度指标, whatever its subject (air quality is not what makes it 生态效益)."""
    return ind.level2 != SATISFACTION and is_satisfaction(ind)


def _money_target(ind: Indicator) -> bool:
    """A cost row that holds a cost target: an amount ("≤50万元"), not a rate or a sentence ("按照…采购 | 100%",
    which KPI104 reports): a 成本 category left with only such rows still lacks a real cost target."""
    parsed = ind.parsed or parse_value(ind.value)
    return parsed.kind == "money"


def _group(level2: str) -> tuple[str, ...]:
    """The 二级 that stand for one another in what every project must set (KPI201, KPI202): the four kinds of
    效益 (at least one of them, as the project's nature calls for — 财预〔2020〕10号), the kinds of 成本 (101号's
    经济/社会/生态环境成本), else the category alone (数量, 质量, 时效, 满意度: each one required)."""
    if level2 in BENEFIT_LEVEL2:
        return BENEFIT_LEVEL2
    if level2 in COST_LEVEL2:
        return COST_LEVEL2
    return (level2,)


Predictor = Callable[[Indicator], tuple[str, float]]

# The 产出 categories the lexicon fallback can tell apart (效益 categories have no reliable cues).
_OUTPUT = (QUANTITY, QUALITY, TIMELINESS, COST)
_FALLBACK_TARGETS = (*_OUTPUT, SATISFACTION)
# What a value's kind says about its category, and how strongly.
_KIND_VOTES = {"date": (TIMELINESS, 2), FREQUENCY: (QUANTITY, 1), "money": (COST, 2), "count": (QUANTITY, 1)}
_KIND_WORDS = {"date": "日期或期限", FREQUENCY: FREQUENCY, "money": "金额", "count": "计数"}
# The 效益 categories told apart by their subject (money, society, environment). 可持续影响 is told apart by the
# horizon of an effect (长效, 持续), whatever its subject: a model reading the subject has no ground to move a row
# filed there into one of these.
_SUBJECT_EFFECTS = (ECONOMIC, SOCIAL, ECOLOGICAL)


def load_predictor(copies: Cache | None = None) -> Predictor | None:
    """The shipped category classifier (models/category.skops; its trusted copy in `copies`, the run's
    result cache, when there is one), or None when no model is shipped."""
    # Imported on first use: loading the rule catalog must not pull in scikit-learn.
    from kpi_lint.classify.api import category_predictor

    return category_predictor(copies)


def load_label_precision() -> dict[str, float]:
    """Per-label cross-validated precision of that model (its card); {} when unknown."""
    from kpi_lint.classify.api import category_label_precision

    return category_label_precision()


def load_calibration() -> dict[str, Any]:
    """The thresholds the model card's calibration sets for this rule's model branch; {} when none."""
    from kpi_lint.classify.api import category_calibration

    return category_calibration()


def calibration_gate(label_precision: dict[str, float]) -> ClaimGate:
    """The rule's gates, bar the probability, for rows of a training table (kpi_lint.classify.calibration):
    (filed 二级, the row's model columns, the model's label) → the category the rule would claim, or None."""
    from kpi_lint.classify.data import DOC
    from kpi_lint.parse.values import parse_value

    rule = MisfiledIndicator(RuleContext(), label_precision=label_precision)

    def gate(filed: str, row: dict[str, str], label: str) -> str | None:
        ind = Indicator(
            path=row.get(DOC, ""),
            project="",
            form=Form.TARGET,
            period=None,
            level1=row.get("level1") or None,
            level2=filed or None,
            level3=row.get("level3") or None,
            value=row.get("value") or None,
            line=0,
            column=0,
            parsed=parse_value(row.get("value") or ""),
        )
        return rule.model_claim(ind, label)

    return gate


class MisfiledIndicator(Rule):
    """三级指标属于另一个二级指标（例如期限放在了质量指标下）。

    默认级别：警告 warning。

    **做什么**

    判断指标应属哪个二级指标，与所填类别不同时报告。

    * 有训练好的类别分类器（``kpi_lint.classify.api``）时：模型概率达到 ``min_probability``（默认 0.8）、且模型卡中
      该类别的交叉验证精确率达到 ``min_label_precision``（默认 0.6）时采用模型的类别；精确率低的类别（模型卡所列）
      不往里归。消息和 ``--explain`` 给出类别和置信度。``use_calibration = true``（默认关）时改用模型卡里训练时
      校准的阈值（``kpi_lint.classify.calibration``：train + dev 文件交叉验证的预测中，本规则的判断精确率达到 0.9
      的最小概率，按类别或总体；达不到的不采信模型），配置了 ``min_probability`` 时仍以配置为准。
    * 同类指标索引（``kpi-lint cluster``）：指标所在聚类中*其他*项目的行至少 ``min_peer_rows``（5）条、且其中
      ``min_peer_share``（0.7）以上归在另一个类别时，也作为证据——与模型一致时并入模型的判断，模型不表态时单独报告
      （002 的"政策知晓率"放在满意度下：12 条同类行中 10 条是社会效益指标）。
    * 没有模型时（尚未训练，或 ``use_model = false``），按词表在产出类别（数量 / 质量 / 时效 / 成本，以及满意度）
      中投票：三级指标中 ``lexicons/category_cues.txt`` 的每个提示词一票，日期或期限值给时效指标两票，金额给成本
      指标两票，计数给数量指标一票（频次也是，如"一个季度一次"，虽读作日期：``lexicons/frequency_words.txt``）。
      某类别至少得 ``min_votes``（2）票、多于其他类别、且所填类别零票时报告。这种方式只判断产出行。

    只判断填在经典模板九个二级指标下、名称读得出来的行：别的模板的类别（发改委表的"计划管理指标"、没有二级
    一层时当作二级的"产出指标"、101号模板的经济/社会/生态环境成本指标）不在分类器和同类指标认得的类别里。

    一行带有所填类别自身的标志时，无论模型或同类怎么判断都不报告：名称或指标值中有该类别的提示词
    （``category_cues.txt``：时效指标下的"及时(按期)开工率"、成本指标下的"服务器服务成本"、经济效益指标下的
    "是否产生经济价值"、可持续影响指标下指标值为"长期"的行），成本或经济效益下的金额，成本下的单位金额
    （``unit_cost_words.txt``：d01 "造林补助 | 每亩300"），成本下以参照价格或标准为上限的行
    （``price_ceilings.txt``："按照物价部门定价标准采购 | 100%"、"种薯采购价格不高于市场价 | 是"：说的是价格，
    KPI104 请它写出金额），时效下的日期，以及时效下名称说"按时""按期"
    （``on_time_words.txt``）或写明日期、周期的百分比（"…按期完成率 | ≥95%"、"项目年末完成率 | ≥95%"：
    KPI104 认作时效目标的及时率），时效下写明周期或频次的值（"城市道路以克论净量化考核 | 1次/月"），以及名称写明
    期限、值说按期完成的行（"春节前完成走访慰问 | 按时限完成"）。
    完成率（``completion_words.txt``："医药费报销完成率 | =100%"）填在数量指标或时效指标下也不报告：财预〔2020〕10号
    的评价指标框架把"实际完成率"（实际产出数/计划产出数）列在产出数量下，时效指标下是按期完成的比例，都不是质量。
    同理，数量指标下实际的量与计划或基期的量之比（``quantity_rates.txt``："猪肉产量稳定率 | ≥95%"、
    "5000吨稻谷、500吨成品粮储备到位率 | 100%"）也不报告：它是数量目标的比率写法，不是质量。
    数量指标下的覆盖率（``coverage_rates.txt``："农村义务教育学校改造覆盖率 | 100%"、"…接种率"、动物防疫的
    "免疫率""检疫率"）也不报告：覆盖了多少对象既可读作产出的量，也可读作达到的水平，两种读法都说得通，不算放错了类别。
    填在经济效益指标下、名称说的是钱的行（``economic_subjects.txt``：补贴、利息、医疗费、资金……，"政策性挂账利息补贴
    保障率 | 100%"）不建议移到社会或生态效益指标：三类效益按对象区分，钱就是经济效益的对象。
    证据说成本指标只是因为指标值是金额、名称却不说成本（没有"费""经费""金额""元"等成本提示词，也没有单位金额）时
    （"完成校园维修改造及设备购置项目 | 800万元"填在数量指标下），报告的是指标值写错了类型：请在原类别下写出该类别的
    目标，金额另列在成本指标下；不建议移动这一行。
    名称说的是项目付给、贷给或带动给别人的钱（``paid_out_money.txt``：付出的动词"发放""拨付""兑付""贴息""撬动"……，
    以"额""金额""资金"结尾，不说"成本""费用""支出""单价""标准"）时，金额不建议移到成本指标，也不说错的是指标值
    （"本年度创业担保贷款发放额 | 4000万元"填在数量指标下）：贷款发放、补贴发放是项目的产出，撬动的投资是效果，
    都不是项目自己花的成本。
    填在可持续影响指标下的行不建议移到经济、社会或生态效益指标：这三类按效益的对象（钱、社会、环境）区分，可持续
    影响按效益的时长（长效、持续）区分，任何对象的效益都可以是可持续的，读名称对象的模型判断不了（e02"粮食储备设备
    维护及安全性 | 高"、003"社会影响力 | ≥95"）。
    名称说的是人居住、生活的环境（``shared_subjects.txt``：人居环境、生活环境、环境卫生……，"改善人居环境 | 有效改善"）
    时，填在社会效益或生态效益指标下都说得通（群众的生活条件，也是环境的整治），不建议在这两类之间移动。
    名称计量的是比率（"库存粮食明显变质比例 | 0"，``name_units.txt`` 中单位为 % 的结尾）时，不建议移到数量指标：
    数量指标要的是计数。
    名称计量的是增减的比率（"创业担保贷款发放额增长率 | ≥10%"，``name_units.txt`` 中标为 ``可超100%`` 的增长率、增幅、
    增速……）时，不建议移到质量指标：它说的是多了多少，不是是否达到质量标准。
    不建议把一行移到时效指标，除非它说了时间：名称或指标值写明日期、期限或周期（"12月底前"、
    "2020年1月--2020年11月"、"每季度末前"），或有时效的字眼（``category_cues.txt`` 的时效提示词："…所需资金的
    供应时效"、"保障期限"）。名称里的"及时、按时、按期"（``on_time_words.txt``）要度量时效才算说了时间：是否及时、
    …及时率、…及时性、完成及时（``on_time_measures.txt``），或指标值是按时做到的比例或数（"按时参保 | ≥95"）、
    指标值自己说"及时、按期"；动词前的状语配"是""有效"之类的值（"建立并及时完善进出境重大动物疫情应急管理体系 |
    是"）说的是任务怎么做，是质量或产出上的要求，不移到时效指标。"以最新资源面市 | 资源采购期以当年为主"说的是
    资源要新（质量），其中的"当年"是"当年的"，不是完成时间（值解析也不把这样的"当年"读作日期）。频次（项目自己
    多久做一次："一个季度开展考核评价一次"）说的是做了多少次，不是什么时候完成：本目录把它看作产出的数量（KPI408 同样
    把效益下的频次归入数量指标），从不因为频次把一行移到时效指标；已填在时效指标下的频次作为周期性的期限接受，不报告。
    在经济效益与社会效益之间移动、指标值不是金额（"残疾学生家庭负担率 | 有所减轻"填在社会效益下，模型说
    是经济效益；"改善了农民生产生活条件 | 100%"填在经济效益下，模型说是社会效益）时只作提示（info）：对人的效益
    是钱还是民生，是读法问题（家庭负担两者都是；百分比、人数也说不出效益落在钱上还是民生上，只有以元计的金额才
    定为经济效益），两种归法都说得通：消息只说"也可归入经济效益指标"，不请部门移动；指标值含糊由 KPI101 在同一行
    报告。移入或移出生态效益（"安全情况 | 有效"填在生态效益下）仍是警告：环境不是读法问题。
    名称是满意度的行（"市民对空气质量改善的满意程度 | 85%"填在社会效益指标下）放错了类别时，建议移到服务对象满意度
    指标，不管模型从它的对象（空气质量）猜的是哪一类。
    建议的类别作为数据随发现传给 KPI202：这一行移过去就补上的缺项（"没有质量指标"）不再另报（一个问题只报一次）。
    预算过程指标（``process_measures.txt``：资金执行率、拨款率……）不属于任何结果类别，由 KPI402 报告，
    这里不再建议把它挪到别的二级指标。
    三级指标只是空泛的套话（"提高效率"、"网络生态环境"）时由 KPI203 在同一行报告：一句不衡量任何东西的话该归哪一类
    无从谈起，本规则不再报告（一个问题只报一次）。效益指标下的产出（"提供服务次数"、指标值是项目自己做事的频次
    "一个季度报送一次"）由 KPI408 报告并说明应归入产出的哪一类，本规则同样不再另报。

    消息说移到哪里；只有移走后本期再没有所填类别的行、而该类别又是每个项目都须设的（数量、质量、时效、成本、
    服务对象满意度各一项，效益四类中至少一项：财预〔2020〕10号），才请补上该类别的目标——效益四类之间移动
    （经济效益 → 社会效益）不留空缺，不要求小学在生态效益下另填目标；本规则同时移出该类别（效益、成本各算
    一组）的行不算留下，这时消息写明与哪一行一并移走后该类别才空（“与“主导制修订项目数量(项)”一并移走后
    质量指标就空了”），对每一行都成立。补写的示例
    取自与本项目同一领域（``lexicons/sectors.txt``）、名称和指标最相近的项目（``kpi_lint.library.suggest``，金额按
    资金规模换算，经规则检查），且至少 2 个这样的项目都设了它，完整出处在建议（suggestion）中；没有这样的项目时
    不举例，绝不拿别的领域的指标（给疫苗项目举"资助参保人数"）充数；写明了年份的示例须是本项目的预算年度
    （``target.common.fits_year``：2021年项目的"项目完成时间 2021年12月完成"不给2024年的经费作示例）。
    原文停在名称这一格中的行（``Project.cut_cell``：j15 "质量指标 | 是否达到国"）不判断：名称衡量什么可能在截断处之后。

    **为什么不好**

    财预〔2015〕88号、财预〔2021〕101号把产出分为数量、质量、时效、成本，指标值须与类别相符：时效目标写日期，
    成本目标写金额。把期限填成质量指标，项目就没有了质量目标，时效目标也被藏起来，完整性检查（KPI201、KPI202）
    数的类别也就错了。

    **示例**（004，稳定脱贫人口居民医保个人缴费资助…）::

        质量指标  对稳定脱贫人口居民2023年医保个人缴费  5月底之前

    **改为**::

        时效指标  稳定脱贫人口居民医保个人缴费资助完成时间  不晚于5月底
        质量指标  城乡居民基本医疗保险参保率  ≥95%     （000：比率放在它该在的地方）
    """

    code = "KPI404"
    # A filler name ("提高效率") belongs in no category: KPI203 says so. An output filed as an effect ("提供服务次数",
    # "及时发现隐患和薄弱环节 | 一个季度报送一次"): KPI408 says it is an output and where outputs go.
    defers_to = frozenset({"KPI203", "KPI408"})
    name = "misfiled-indicator"
    title_zh = "指标归类错误"
    penalty = Penalty(Dimension.RELEVANCE, 3, 12)
    severity = Severity.WARNING
    family = "consistency"
    uses = frozenset({PEERS, CATEGORY, SUGGESTER})
    uses_peers = True
    options: ClassVar[dict[str, Any]] = {
        "use_model": True,
        # Off: on the train + dev documents no threshold makes the model's moves 90% right by the hand labels
        # (bench/kpi404_calibration.py; the card says 无), and reading the card silences 39 judged wild findings,
        # 32 of them right by their latest verdicts (issue 11s).
        "use_calibration": False,
        "min_probability": 0.8,
        "min_label_precision": 0.6,
        "min_votes": 2,
        "min_peer_rows": 5,
        "min_peer_share": 0.7,
    }

    def __init__(self, context: RuleContext, *, label_precision: dict[str, float] | None = None) -> None:
        """`label_precision`: the per-label precision to trust the model by (a training table's gate gives the one
        it measures); None reads the shipped model's card when first asked."""
        super().__init__(context)
        self._predictor: Predictor | None = None
        self._precision: dict[str, float] | None = dict(label_precision) if label_precision is not None else None
        self._calibration: dict[str, Any] | None = None
        self._loaded = False
        self._prepared: list[Document] = []  # the documents `prepare` was given, in the order they are checked
        self._position: dict[int, int] = {}  # id of a prepared document → its place there
        self._primed = range(0)  # the places whose rows were predicted last

    def label_precision(self) -> dict[str, float]:
        if self._precision is None:
            self._precision = load_label_precision()
        return self._precision

    def predictor(self) -> Predictor | None:
        if not self._loaded:
            self._loaded = True
            if self.opts["use_model"]:
                self._predictor = load_predictor(self.context.extras.get(MODEL_COPIES))
        return self._predictor

    def lexicon_votes(self, ind: Indicator) -> tuple[dict[str, int], list[str]]:
        """Votes per category and the evidence behind them."""
        name = clean(ind.level3)
        votes = dict.fromkeys(_FALLBACK_TARGETS, 0)
        evidence: list[str] = []
        for category in _FALLBACK_TARGETS:
            for word in self.lexicon.category_cues.get(category, ()):
                if word and word in name:
                    votes[category] += 1
                    evidence.append(f"“{word}”→{category}")
        kind = ind.parsed.kind if ind.parsed else "empty"
        if ind.parsed is not None and reads_as_frequency(ind.parsed, ind.value, self.lexicon):
            kind = FREQUENCY  # "1次/月", "一个季度…一次": how often — times per period, a count, even parsed as a date
        if kind in _KIND_VOTES:
            category, weight = _KIND_VOTES[kind]
            votes[category] += weight
            evidence.append(f"指标值是{_KIND_WORDS[kind]}→{category}")
        return votes, evidence

    def _fits_where_filed(self, ind: Indicator) -> bool:
        """The row carries its filed category's own mark: a cue word of that category in the name or
        the value ("及时(按期)开工率" under 时效, "托管服务器服务成本" under 成本, "是否产生经济价值" under
        经济效益, "实现社会稳定和谐发展 | 长期" under 可持续影响), or a value of the kind it calls for (money
        under 成本 or 经济效益, a date under 时效). Neither a model's guess nor the peers then outweigh
        what the department wrote. Under 成本 an amount per unit is such a mark too, whether or not its
        元 is printed ("造林补助 | 每亩300": lexicons/unit_cost_words.txt — 每亩, 人均, 单价, 标准), unless the
        value is a rate ("资助标准达标率 | 100%" is a share of standards met, not an amount)."""
        text = clean(ind.level3) + clean(ind.value)
        if holds_any(text, self.lexicon.category_cues.get(ind.level2 or "", ())):
            return True
        kind = ind.parsed.kind if ind.parsed else None
        if kind == "money" and ind.level2 in (*COST_LEVEL2, ECONOMIC):
            return True
        if ind.level2 in COST_LEVEL2 and any(names_price_ceiling(t, self.lexicon) for t in (ind.level3, ind.value)):
            return True  # "按照物价部门定价标准采购 | 100%": a price bounded by a reference is a cost control (KPI104)
        per_unit = kind != "percent" and holds_any(text, self.lexicon.words(UNIT_COST_FILE))
        if ind.level2 in COST_LEVEL2 and per_unit:
            return True  # an amount per unit ("造林补助 | 每亩300", "人均补助"), not a rate ("资助标准达标率 | 100%")
        if ind.level2 in (QUANTITY, TIMELINESS) and kind in _RATE_KINDS and self._completion_rate(ind):
            return True  # "医药费报销完成率 | =100%": 10号's 实际完成率 under 数量, or what was done on time under 时效
        if ind.level2 == QUANTITY and kind in _RATE_KINDS and self._rate_ending(ind, QUANTITY_RATE_FILE):
            return True  # "猪肉产量稳定率 | ≥95%", "…储备到位率 | 100%": an amount against its plan or base
        if ind.level2 == QUANTITY and self._rate_ending(ind, COVERAGE_RATE_FILE):
            return True  # "农村义务教育学校改造覆盖率 | 100%": how far the service reached, a defensible 数量 reading
        if ind.level2 == TIMELINESS and ind.parsed is not None:
            # A rate of what was done on time or by a date the name states ("…按期完成率 | ≥95%", "项目年末完成率 |
            # ≥95%"), a period or a frequency ("城市道路以克论净量化考核 | 1次/月"), or "done by the deadline the
            # name states" ("春节前完成走访慰问 | 按时限完成"): the 时效 targets KPI104 accepts as such.
            on_time_words = self.lexicon.words(ON_TIME_FILE)
            on_time = on_time_rate(ind.level3, ind.parsed, on_time_words)
            if on_time or dated_name_rate(ind.level3, ind.parsed) or states_a_period(ind.value):
                return True
            if dated_name_done(ind.level3, ind.value, on_time_words):
                return True
        return kind == "date" and ind.level2 == TIMELINESS

    def _completion_rate(self, ind: Indicator) -> bool:
        """The name measures a completion rate ("医药费报销完成率", "完成率(%)"): the share of the planned work that
        was done. 财预〔2020〕10号's evaluation framework files 实际完成率 (实际产出数/计划产出数) under 产出数量; under
        时效 it is the share done by the deadline. Either way it says nothing of quality."""
        return self._rate_ending(ind, COMPLETION_FILE)

    def _rate_ending(self, ind: Indicator, file: str) -> bool:
        """The name, its closing bracket ("(%)", "(≥**%)") left aside, ends with a word of the list `file`."""
        return name_ends_with(ind.level3, self.lexicon.words(file))

    def _money_subject(self, ind: Indicator) -> bool:
        """The name speaks of money (``economic_subjects.txt``: 补贴, 利息, 医疗费, 资金 …): the subject that tells
        经济效益 apart from 社会效益 and 生态效益, whatever else the name says ("政策性挂账利息补贴保障率")."""
        return self._names_any(ind, ECONOMIC_SUBJECT_FILE)

    def _names_any(self, ind: Indicator, file: str) -> bool:
        """The name holds a word of the list `file`."""
        name = clean(ind.level3)
        return holds_any(name, self.lexicon.words(file))

    def wrong_value(self, ind: Indicator, label: str) -> bool:
        """The evidence says 成本 only because the value is money: the name names no cost (no 成本 cue word such as
        费, 经费, 金额, 元, no amount per unit) but what the row's own category measures
        ("完成校园维修改造及设备购置项目 | 800万元" under 数量). 成本指标 measures what the output costs; a named
        output with a sum of money is a target written in the wrong kind of value, to be rewritten where it is,
        not a row to move."""
        if label != COST or ind.parsed is None or ind.parsed.kind != "money":
            return False
        name = clean(ind.level3)
        words = (*self.lexicon.category_cues.get(COST, ()), *self.lexicon.words(UNIT_COST_FILE))
        return not holds_any(name, words)

    def _by_lexicon(self, ind: Indicator) -> tuple[str, str] | None:
        if ind.level2 not in _OUTPUT:
            return None
        votes, evidence = self.lexicon_votes(ind)
        best = max(votes, key=lambda c: votes[c])
        ranked = sorted(votes.values(), reverse=True)
        if best == ind.level2 or votes[ind.level2] > 0 or ranked[0] < int(self.opts["min_votes"]):
            return None
        if ranked[0] == ranked[1]:
            return None  # no clear winner
        return best, f"词表线索：{'，'.join(evidence)}"

    def min_probability(self, label: str) -> float:
        """The probability the model's `label` must reach: `min_probability`; with `use_calibration` (and no
        `min_probability` configured), the threshold the model card's calibration sets for that label
        (kpi_lint.classify.calibration: this rule's out-of-fold claims over the train + dev documents)."""
        configured = "min_probability" in self.context.options.get(self.code, {})
        if configured or not self.opts["use_calibration"]:
            return float(self.opts["min_probability"])
        if self._calibration is None:
            self._calibration = load_calibration()
        if self._calibration:
            from kpi_lint.classify.calibration import threshold_for

            return threshold_for(self._calibration, label)
        return float(self.opts["min_probability"])

    def _model_may_say(self, ind: Indicator, label: str) -> bool:
        """The model's `label` differs from where the row was filed, and it is one the rule may move a row to."""
        if label == ind.level2:
            return False
        # The model knows the nine 二级 of the forms; 经济成本 / 社会成本 / 生态环境成本 are kinds of 成本.
        if label == COST and ind.level2 in COST_LEVEL2:
            return False
        # A label the model itself gets wrong often in cross-validation (经济效益, 可持续影响 on the
        # corpus) is no ground for telling a department it filed the row wrongly.
        return self.label_precision().get(label, 1.0) >= float(self.opts["min_label_precision"])

    def _by_model(self, ind: Indicator, predict: Predictor) -> tuple[str, str] | None:
        label, probability = predict(ind)
        if not self._model_may_say(ind, label) or probability < self.min_probability(label):
            return None
        return label, f"分类模型判断为{label}，置信度 {probability:.2f}"

    def _speaks_on(self, ind: Indicator) -> bool:
        """The row is one the rule judges, and carries no mark that settles where it belongs."""
        if not ind.level2 or not self._judged(ind):
            return False
        if self._fits_where_filed(ind) or self._process_measure(ind):
            return False
        cues = name_cues(self.lexicon)
        # "万人" lost its figure: the value's kind, half of what the model reads, is wrong; "该指标不适用本项目 |
        # 不涉及" says the category does not apply, files nothing.
        return not unit_only(ind.value, cues) and not declared_not_applicable(ind, cues)

    def _claimed(self, ind: Indicator, label: str) -> str | None:
        """The category the finding names when the evidence says `label`; None when the rule stays silent."""
        cues = name_cues(self.lexicon)
        if ind.level2 == SUSTAINABLE and label in _SUBJECT_EFFECTS:
            return None  # "粮食储备设备维护及安全性 | 高": a lasting effect, whatever its subject
        if ind.level2 == ECONOMIC and label in _SUBJECT_EFFECTS and self._money_subject(ind):
            return None  # "政策性挂账利息补贴保障率 | 100%": an effect whose subject is money is 经济效益's
        if {ind.level2, label} == {SOCIAL, ECOLOGICAL} and self._names_any(ind, SHARED_SUBJECT_FILE):
            return None  # "改善人居环境 | 有效改善": the living environment is society's and the environment's alike
        if label == COST and pays_out(ind.level3, cues):
            return None  # "本年度创业担保贷款发放额 | 4000万元": money the project pays out is its output, not its cost
        if label == QUANTITY and expected_unit(ind.level3, cues) == "%":
            return None  # "库存粮食明显变质比例 | 0": a rate is no count, 数量指标 is no home for it
        if label == QUALITY and may_exceed_100(ind.level3, cues):
            return None  # "创业担保贷款发放额增长率 | ≥10%": a rate of change says how much more, not how well
        if label == TIMELINESS and not self._says_when(ind):
            return None  # "以最新资源面市 | 资源采购期以当年为主": nothing in the row says when, 时效 is no home for it
        if _satisfaction_name(ind) and label != SATISFACTION:
            return SATISFACTION  # "市民对空气质量改善的满意程度 | 85%": whatever its subject, it measures satisfaction
        return label

    def _says_when(self, ind: Indicator) -> bool:
        """The row states a time: a date, a deadline, a period or a frequency in its name or value ("12月底前",
        "2020年1月--2020年11月", "一个季度开展考核评价一次"), a word of timing ("…的供应时效", "保障期限":
        lexicons/category_cues.txt's 时效 cues), or an on-time word that measures timeliness ("是否按时救助",
        "按时参保 | ≥95": ``on_time_says_when``). A 时效 target says when; a row that says nothing of the kind is
        not one, whatever the model reads into its words ("采购期", the manner adverb of "建立并及时完善…体系 | 是")."""
        on_time = self.lexicon.words(ON_TIME_FILE)
        text = clean(ind.level3) + clean(ind.value)
        cues = tuple(w for w in self.lexicon.category_cues.get(TIMELINESS, ()) if not holds_any(w, on_time))
        if holds_any(text, cues):
            return True
        marks = self.lexicon.keyed(ON_TIME_MEASURE_FILE)
        if on_time_says_when(ind.level3, ind.value, ind.parsed, on_time, marks):
            return True
        if ind.parsed is not None and reads_as_frequency(ind.parsed, ind.value, self.lexicon):
            # A frequency ("一个季度开展考核评价一次", read as a date) says how often the project does something: an
            # amount of output per period (数量, as KPI408 says), not when — no reason to move a row to 时效.
            return mentions_date(ind.level3) or states_a_period(ind.level3)
        if ind.parsed is not None and ind.parsed.kind == "date":
            return True
        return any(mentions_date(cell) or states_a_period(cell) for cell in (ind.level3, ind.value))

    def model_claim(self, ind: Indicator, label: str) -> str | None:
        """What the rule would tell the department if the model said `label` with enough probability: the
        category claimed, or None when a gate other than the probability keeps it silent (the peers aside).
        What kpi_lint.classify.calibration measures on out-of-fold predictions."""
        if not self._speaks_on(ind) or not self._model_may_say(ind, label) or self.wrong_value(ind, label):
            return None
        return self._claimed(ind, label)

    def _by_peers(self, ind: Indicator) -> tuple[str, str] | None:
        """Where other projects file the same indicator (its cluster, kpi_lint.cluster.peers)."""
        peers = self.context.extras.get(PEERS)
        if peers is None:
            return None
        counts = peers.peer_categories(ind)
        total = sum(counts.values())
        if total < int(self.opts["min_peer_rows"]):
            return None
        label, count = counts.most_common(1)[0]
        if label == ind.level2 or count / total < float(self.opts["min_peer_share"]):
            return None
        return label, f"其他项目的同类指标 {total} 行中有 {count} 行填在{label}"

    def prepare(self, documents: Sequence[Document]) -> None:
        """Remember the documents: their judged rows are predicted PRIME_ROWS at a time, ahead of the
        documents as they are checked (all at once, a run's predictions grew with it)."""
        if self.predictor() is not None:
            self._prepared = list(documents)
            self._position = {id(doc): i for i, doc in enumerate(self._prepared)}
            self._primed = range(0)

    def _prime_from(self, doc: Document, predict: Predictor) -> None:
        """Predict in one model call the judged rows of `doc` and of the prepared documents after it, until
        PRIME_ROWS; nothing when they were (a document not prepared: its rows are predicted one by one)."""
        start = self._position.get(id(doc))
        if start is None or start in self._primed:
            return
        from kpi_lint.classify.api import prime

        rows: list[Indicator] = []
        end = start
        while end < len(self._prepared) and (end == start or len(rows) < PRIME_ROWS):
            rows.extend(ind for ind in self._prepared[end].indicators if self._judged(ind))
            end += 1
        prime(predict, rows)
        self._primed = range(start, end)

    def _judged(self, ind: Indicator) -> bool:
        """A row filed under one of the nine 二级 of the classic template, with a name that reads as one.

        A category of another template (the NDRC form's 计划管理指标, 产出指标 standing as 二级 where the
        table has no 二级 layer, 101号's 经济/社会/生态环境成本指标) is not one the classifier or the
        peers know: they cannot say the row belongs elsewhere. A "name" that is a value or a comparator
        ("≥95%", "小于") means the row's cells were shifted when read, and one that opens with a 二级 label
        ("质量指标产品质量得到保" under 数量指标) that a category's label was glued to the row after it: nothing
        to judge."""
        name = clean(ind.level3)
        if name.startswith(LEVEL2_NAMES) and any(name.startswith(label) and name != label for label in LEVEL2_NAMES):
            return False  # "质量指标产品质量得到保": the next category's label glued to a row, misread not misfiled
        return ind.level2 in LEVEL2_NAMES and bool(name) and self.readings.is_name(ind.level3)

    def _process_measure(self, ind: Indicator) -> bool:
        """A budget-process measure ("资金执行率", "预算资金拨款率"): it belongs under no 二级 of the
        results — KPI402 reports it — so telling the department to move it to another is no help."""
        return names_process_measure(ind.level3, self.lexicon)

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        predict = self.predictor()
        if predict is not None:
            self._prime_from(doc, predict)
        # (row, the category it belongs to, why, whether its value is the slip: rewritten in place, not moved)
        claims: list[tuple[Indicator, str, str, bool]] = []
        for ind in project.indicators:
            if not ind.level2 or not self._speaks_on(ind):
                continue
            if project.cut_in(ind, "level3"):
                continue  # j15 "是否达到国" where the text stops: what the name measures may be in what was cut
            verdict = self._by_model(ind, predict) if predict else self._by_lexicon(ind)
            peer = self._by_peers(ind)
            if verdict is None and peer is None:
                continue
            if verdict is None:
                assert peer is not None
                label, basis = peer
            else:
                label, basis = verdict
                if peer is not None and peer[0] == label:
                    basis = f"{basis}；{peer[1]}"  # the peers agree: say so
            claimed = self._claimed(ind, label)
            if claimed is None:
                continue
            if claimed != label:
                # "市民对空气质量改善的满意程度 | 85%" under 社会效益: whatever its subject, it measures satisfaction
                label, basis = claimed, f"名称是满意度指标；{basis}"
            claims.append((ind, label, basis, self.wrong_value(ind, label)))
        # The rows this rule moves out of their category's group: a move inside it (社会效益 → 生态效益) leaves the row
        # where the group still counts it, so it still keeps the group filled for the rows moved beside it.
        moved = {
            id(ind) for ind, label, _, rewritten in claims if not rewritten and label not in _group(ind.level2 or "")
        }
        for ind, label, basis, rewritten in claims:
            assert ind.level2 is not None
            if rewritten:
                # "完成校园维修改造及设备购置项目 | 800万元" under 数量: the name is an output, the value is the slip
                example = self._example(project, doc, ind.level2)
                message = (
                    f"三级指标“{ind.level3}”填在{ind.level2}下，指标值“{ind.value or ''}”却是金额（{basis}）。"
                    f"名称说的不是成本，错的是指标值：请在{ind.level2}下为它写出该类别的目标"
                    f"{cited_example(example)}；金额目标另列在成本指标下，并写明是什么的费用。"
                )
                yield self.finding(
                    doc,
                    message,
                    project=project,
                    indicator=ind,
                    explain=basis,
                    suggestion=example.line() if example else None,
                )
                continue
            placed = f"三级指标“{ind.level3}”（指标值“{ind.value or ''}”）填在{ind.level2}下，"
            example = None
            hint = self._between_effects_without_money(ind, label)
            if hint:
                # "残疾学生家庭负担率 | 有所减轻", "改善了农民生产生活条件 | 100%": 社会 or 经济 is a reading, so the
                # hint offers the other category and asks for no move (a move inside 效益 leaves nothing empty)
                message = (
                    f"{placed}也可归入{label}（{basis}）：经济效益与社会效益都说的是对人的效益，"
                    "指标值不是金额时两种归法常都说得通，这里只作提示"
                )
            else:
                message = f"{placed}但看起来属于{label}（{basis}）。请移到{label}"
            if self._leaves_empty(project, ind, label, moved):
                # The row was the project's only one of a category every project must set: name what belongs there.
                example = self._example(project, doc, ind.level2)
                what = "一项真正的效益目标" if ind.level2 in BENEFIT_LEVEL2 else f"{ind.level2}下真正属于它的目标"
                message += f"{self._left_there(project, ind, moved)}，并补上{what}{cited_example(example)}"
            finding = self.finding(
                doc,
                message + "。",
                project=project,
                indicator=ind,
                explain=basis,
                suggestion=example.line() if example else None,
                severity=Severity.INFO if hint else None,
            )
            finding.moves_to = label  # data for the rules that report the gap this row would fill (KPI202)
            yield finding

    def _example(self, project: Project, doc: Document, level2: str) -> Suggestion | None:
        """What similar projects of the sector set under `level2`, about this project (`peer_example`), or None."""
        suggester = self.context.extras.get(SUGGESTER)
        return peer_example(suggester, project, doc.path, level2, fiscal_year(project, doc), lexicon=self.lexicon)

    @staticmethod
    def _between_effects_without_money(ind: Indicator, label: str) -> bool:
        """A move between 经济效益 and 社会效益 of a row whose target is no amount of money: whether an effect on
        people is on their money or their welfare is a reading (a family's burden is both), not a misfiling — a
        worded target, a percentage or a head count says nothing of it ("改善了农民生产生活条件 | 100%"); only an
        amount in 元 settles it as economic."""
        money = ind.parsed is not None and ind.parsed.kind == "money"
        return not money and ind.level2 in _ON_PEOPLE and label in _ON_PEOPLE

    @staticmethod
    def _left_there(project: Project, ind: Indicator, moved: set[int]) -> str:
        """What a move that `_leaves_empty` leaves in the row's 二级, said in the message: nothing, or cost rows that
        hold no amount ("按照…采购 | 100%" stays under 成本 when its neighbour moves to 质量); when other rows of the
        category move out as well, the message says the category is left so once they move together."""
        group = _group(ind.level2 or "")
        alike = [
            other
            for other in project.indicators
            if other is not ind and other.period == ind.period and other.level2 in group
        ]
        left = [other.level3 or "" for other in alike if id(other) not in moved]
        # The other rows this rule moves out of the category too: the category is empty only once they all move, so
        # the message names them ("与“主导制修订项目数量(项)”一并移走后"), true of each row it is said on.
        along = [other.level3 or "" for other in alike if id(other) in moved]
        after = f"与“{along[0]}”{'等' if len(along) > 1 else ''}一并移走后" if along else "移走后"
        if left and group is COST_LEVEL2:
            return f"（{after}{ind.level2}下只剩“{left[0]}”等不是金额的目标，该类别就没有真正的成本目标）"
        return f"（{after}{ind.level2}就空了）" if not left else ""

    def _leaves_empty(self, project: Project, ind: Indicator, label: str, moved: set[int]) -> bool:
        """Moving `ind` to `label` leaves its period without a filled row of a category the project must set:
        no other row of its 二级 (of any 效益 for a 效益 row, of any 成本 for a cost row) stays there. A move
        inside the group (社会效益 → 生态效益) leaves nothing empty; the other rows this rule moves out do not stay, nor
        does a cost row whose target is no amount (`_money_target`): 成本 is left without a real target."""
        group = _group(ind.level2 or "")
        if label in group:
            return False
        cues = name_cues(self.lexicon)
        return not any(
            other is not ind
            and id(other) not in moved
            and other.period == ind.period
            and other.level2 in group
            and is_filled(other, cues)
            and (group is not COST_LEVEL2 or _money_target(other))
            for other in project.indicators
        )
