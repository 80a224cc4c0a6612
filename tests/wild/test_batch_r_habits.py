"""Habits of real disclosures first met in wild batch r (read once unseen, wild-r.md, then made
development data): each mechanism on its batch r file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD, printed_rows


def test_the_old_target_template_one_cell_per_line() -> None:
    # r01: header 指标类型 / 指标名称 / 绩效目标 / 绩效标准, 一级 产出 / 成效 / 效率 (海南 2016).
    doc = parse(WILD / "r01_hainan_archives_target_evalreport.txt")
    rows = [(i.level1, i.level3, i.value) for i in doc.indicators]
    assert rows[0] == (
        "产出指标",
        "编印《海口市人民政府公报》及其合订本、光盘",
        "编印《海口市人民政府公报》每月3000本,一年12期,年底编印《海口市人民政府公报》合订本及光盘。",
    )
    outcome = (
        "效益指标",
        "向社会公开政府公开信息和记录市领导政务活动信息",
        "向社会公开政府公开信息及记录市领导政务活动信息",
    )
    assert outcome in rows
    assert rows[-1] == ("产出指标", "项目资金到位率", "全")


def test_the_old_template_in_another_table_under_a_goal_heading(tmp_path: Path) -> None:
    table = tmp_path / "目标表.txt"
    table.write_text(
        "项目绩效目标表\n\n项目名称:村级档案规范化建设\n\n(一)中长期绩效目标\n\n"
        "指标类型\n\n指标名称\n\n绩效目标\n\n产出指标\n\n档案整理卷数\n\n≥5000卷\n\n"
        "成效指标\n\n档案利用满意度\n\n≥90%\n\n效率指标\n\n资金到位率\n\n100%\n",
        encoding="utf-8",
    )
    doc = parse(table)
    assert [(i.level1, i.level3, i.value) for i in doc.indicators] == [
        ("产出指标", "档案整理卷数", "≥5000卷"),
        ("效益指标", "档案利用满意度", "≥90%"),
        ("产出指标", "资金到位率", "100%"),
    ]


def test_a_news_report_quoting_targets_after_a_category_and_a_lead_word() -> None:
    # r07: "在产出指标方面,要求name≥300个,…。要求A级旅游景区数据监测覆盖率≥90%,…。"
    doc = parse(WILD / "r07_central_tourism_regional_target_news_prose.txt")
    rows = [(i.level1, i.level3, i.value) for i in doc.indicators]
    assert rows[0] == ("产出指标", "旅游公共服务水平提升的A级旅游景区个数", "≥300个")
    assert rows[2] == ("产出指标", "宣传品制作数量", "≥10万件(册)")
    assert rows[5] == (None, "A级旅游景区数据监测覆盖率", "≥90%")
    assert len(rows) == 8


def test_lead_words_in_another_report_and_a_requirement_with_no_list(tmp_path: Path) -> None:
    report = tmp_path / "新闻.txt"
    report.write_text(
        "省财政厅下达2025年农村公路养护资金\n"
        "根据整体绩效目标表,在效益指标方面要求农村公路优良中等路率≥85%,养护工程验收合格率≥95%。"
        "要求受益群众满意度≥90%,投诉处理及时率≥98%。"
        "财政厅要求各地加快资金拨付,资金到位率≥100%。\n",
        encoding="utf-8",
    )
    assert [(i.level1, i.level3, i.value) for i in parse(report).indicators] == [
        ("效益指标", "农村公路优良中等路率", "≥85%"),
        ("效益指标", "养护工程验收合格率", "≥95%"),
        (None, "受益群众满意度", "≥90%"),
        (None, "投诉处理及时率", "≥98%"),
    ]


def test_glued_self_evaluation_rows_with_a_weight_printed_as_a_share() -> None:
    # r05: "创业担保贷款回收率≥90%98.70%20%20资金足额拨付率100%100%10%10…放大倍数≥2倍10倍10%10…"
    rows = printed_rows(WILD / "r05_sichuan_inclusivefinance_regional_selfeval_glued.txt")
    assert ("质量指标", "资金足额拨付率", "100%") in rows
    assert ("经济效益指标", "创业担保基金放大倍数", "≥2倍") in rows
    doc = parse(WILD / "r05_sichuan_inclusivefinance_regional_selfeval_glued.txt")
    first = next(i for i in doc.indicators if i.level3 == "创业担保贷款回收率")
    assert (first.value, first.spans["actual"].text, first.spans["weight"].text) == ("≥90%", "98.70%", "20%")


def test_a_weight_share_in_another_glued_table(tmp_path: Path) -> None:
    table = tmp_path / "自评表.txt"
    table.write_text(
        "项目支出绩效自评表\n"
        "一级指标二级指标三级指标年度指标值实际完成值权重得分\n"
        "产出指标数量指标培训人次≥500人次620人次30%30质量指标培训合格率100%100%20%20\n",
        encoding="utf-8",
    )
    assert printed_rows(table) == [("数量指标", "培训人次", "≥500人次"), ("质量指标", "培训合格率", "100%")]


def test_a_glued_notice_then_a_target_table_with_required_marks() -> None:
    # r06: "…《海南省支持会展业发展资金管理办法》…一级指标*二级指标*…指标方向性*产出指标数量指标全年实现会展业综合收入
    # ≥280亿元30%正向指标": no row from the notice's 资金管理, none from the header, weight and direction cut off.
    assert printed_rows(WILD / "r06_hainan_exhibition_target_glued.txt") == [
        ("数量指标", "全年实现会展业综合收入", "≥280亿元")
    ]


def test_a_label_inside_a_document_title_and_marked_header_words_in_another_notice(tmp_path: Path) -> None:
    notice = tmp_path / "下达通知.txt"
    notice.write_text(
        "各市县财政局:请按照《某某省乡村振兴衔接资金管理办法》(财农规〔2021〕3号)等有关规定,尽快将资金拨付项目单位,"
        "并对照有关绩效目标做好绩效监控,附件:项目绩效目标表一级指标*二级指标*三级指标*绩效指标性质*绩效指标值*"
        "绩效度量单位权重*指标方向性*产出指标数量指标新建村道里程≥12公里40%正向指标质量指标工程验收合格率=100%30%正向指标\n",
        encoding="utf-8",
    )
    assert printed_rows(notice) == [("数量指标", "新建村道里程", "≥12公里"), ("质量指标", "工程验收合格率", "=100%")]


def test_a_glued_name_said_twice_is_said_once() -> None:
    # r04: "…产出指标数量指标邀请国际友人实习实训涉及国家数量邀请国际友人实习实训涉及国家数量≥3个" (指标解释 = the name)
    assert printed_rows(WILD / "r04_fujian_publicity_regional_glued.txt") == [
        ("数量指标", "邀请国际友人实习实训涉及国家数量", "≥3个")
    ]


def test_glued_names_said_twice_in_another_table(tmp_path: Path) -> None:
    table = tmp_path / "目标表.txt"
    table.write_text(
        "专项资金绩效目标表(2025年度)\n一级指标二级指标三级指标指标值\n"
        "产出指标数量指标举办文化人才培训班次数举办文化人才培训班次数≥4期质量指标培训人员结业率培训人员结业率≥90%\n",
        encoding="utf-8",
    )
    assert printed_rows(table) == [
        ("数量指标", "举办文化人才培训班次数", "≥4期"),
        ("质量指标", "培训人员结业率", "≥90%"),
    ]


def test_a_template_word_printed_in_the_level2_column_is_kept_as_printed() -> None:
    # r02: "满意度指标" ⏎ "具体指标" ⏎ "教师满意度" ⏎ "≥95%" ⏎ "≥95%" ⏎ "具体指标" ⏎ "学生满意度" …, one cell per line
    doc = parse(WILD / "r02_hubei_school_selfeval.txt")
    assert [(i.level1, i.level2, i.level3) for i in doc.indicators][-2:] == [
        ("满意度指标", "具体指标", "教师满意度"),
        ("满意度指标", "具体指标", "学生满意度"),
    ]
    # The footnote's "满意度指标" after the last row names the 一级 read: the table is not cut off.
    assert not doc.projects[0].cut_off


def test_a_template_level2_word_in_another_table(tmp_path: Path) -> None:
    table = tmp_path / "自评表.txt"
    table.write_text(
        "2024年度项目自评表\n\n一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n实际完成值\n\n产出指标\n\n数量指标\n\n"
        "维修教室间数\n\n12间\n\n12间\n\n满意度指标\n\n具体指标\n\n家长满意度\n\n≥90%\n\n96%\n\n"
        "具体指标\n\n教职工满意度\n\n≥90%\n\n98%\n",
        encoding="utf-8",
    )
    assert printed_rows(table) == [
        ("数量指标", "维修教室间数", "12间"),
        ("具体指标", "家长满意度", "≥90%"),
        ("具体指标", "教职工满意度", "≥90%"),
    ]
