"""Habits of real disclosures first met in wild batch q (read once unseen, wild-q.md, then made
development data): each mechanism on its batch q file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD, printed_rows


def test_a_labelled_line_of_a_name_and_its_glued_figure_joins_the_listed_targets() -> None:
    # q01: "质量指标:项目(工程)验收合格率100%" with no comparison, beside "社会效益指标:…人数≥27人;…"
    rows = printed_rows(WILD / "q01_heilongjiang_ruralwater_selfeval_prose.txt")
    assert sorted(rows, key=str) == sorted(
        [
            ("社会效益指标", "解决贫困人口饮水安全问题人数", "≥27人"),
            ("社会效益指标", "贫困地区农村集中供水率", "≥≥98%"),
            ("社会效益指标", "受益建档立卡贫困人口数", "≥24人"),
            ("可持续影响指标", "工程设计使用年限", "≥15年"),
            ("服务对象满意度指标", "受益贫困人口满意度", "≥100%"),
            ("质量指标", "项目(工程)验收合格率", "100%"),
            ("时效指标", "项目(工程)完成及时率", "100%"),
            ("成本指标", "计划资金", "201.48万元"),
        ],
        key=str,
    )


def test_glued_figures_under_labels_beside_a_list_read_as_a_table_in_another_report(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "(二)项目绩效目标设定情况\n"
        "1、产出指标数量指标:\n"
        "新建蓄水池1座、铺设输水管网;改建村内管网。\n"
        "成本指标:计划资金45.6万元\n"
        "质量指标:蓄水池(工程)验收合格率100%\n"
        "2、效益指标\n"
        "社会效益指标:受益人口≥300人;供水保证率≥95%;受益脱贫人口数≥40人\n"
        "可持续影响指标:工程设计使用年限≥10年\n"
        "3、满意度指标\n"
        "服务对象满意度指标:受益群众满意度≥90%\n"
        "二、绩效自评工作开展情况\n"
        "年度终了,对项目开展自评,实际完成新建蓄水池2座。\n",
        encoding="utf-8",
    )
    assert sorted(printed_rows(report), key=str) == sorted(
        [
            ("社会效益指标", "受益人口", "≥300人"),
            ("社会效益指标", "供水保证率", "≥95%"),
            ("社会效益指标", "受益脱贫人口数", "≥40人"),
            ("可持续影响指标", "工程设计使用年限", "≥10年"),
            ("服务对象满意度指标", "受益群众满意度", "≥90%"),
            ("成本指标", "计划资金", "45.6万元"),
            ("质量指标", "蓄水池(工程)验收合格率", "100%"),
        ],
        key=str,
    )


def test_a_table_flattened_beside_an_overview_takes_no_clause_of_the_overview() -> None:
    # j10: "项目总体概况 …社会效益:…带动受益总人口200人,…" above a flattened table row: no rows of it.
    assert printed_rows(WILD / "j10_chongqing_township_approval.txt") == [("经济成本指标", "项目建设成本", "≤65万元")]


def test_a_goal_sentence_whose_verb_opens_a_list_of_names_and_counts() -> None:
    # q03: "2020年,我绩效目标是全年完成应急救护普及培训3000人,红十字救护员培训50人,…,开展…等宣传活动3次以上。"
    assert printed_rows(WILD / "q03_hunan_redcross_selfeval_prose.txt") == [
        (None, "应急救护普及培训", "3000人"),
        (None, "红十字救护员培训", "50人"),
        (None, "发展志愿者", "50人"),
        (None, "困难救助", "100人"),
        (None, "造血干细胞血样采集", "20份"),
        (None, "开展无偿献血、造血干细胞捐献、遗体和人体器官捐献、公共卫生知识普及等宣传活动", "3次以上"),
    ]


def test_a_goal_sentence_in_another_report_and_no_row_from_what_was_achieved(tmp_path: Path) -> None:
    report = tmp_path / "评价报告.txt"
    report.write_text(
        "关于2021年度农技推广专项资金绩效评价报告\n"
        "一、项目概况\n"
        "本年度项目绩效目标为年内实现培训农民500人次,建设示范基地3个,推广新品种10个以上。\n"
        "二、绩效目标是否按期完成:项目按期完成。\n"
        "三、完成情况\n"
        "全年实际完成培训农民526人次,建设示范基地3个。\n",
        encoding="utf-8",
    )
    assert printed_rows(report) == [
        (None, "培训农民", "500人次"),
        (None, "建设示范基地", "3个"),
        (None, "推广新品种", "10个以上"),
    ]


def test_numbered_labelled_lines_of_a_cut_notice_are_read() -> None:
    # q02 (traditional characters, pinyin glosses): "1、數(shù)量指標(biāo):資助建檔立卡貧困子女1966人。",
    # cut at "社會(huì)效益指標(bi": the cut is reported, the lines before it are read ("100%達標": 目标后缀 达标).
    doc = parse(WILD / "q02_xinjiang_studentaid_target_prose_glossed.txt")
    assert [(i.level2, i.level3, i.value) for i in doc.indicators][:4] == [
        ("数量指标", "资助建档立卡贫困子女", "1966人"),
        ("质量指标", "资助标准", "100%达标"),
        ("时效指标", "资助经费发放率", "100%达标"),
        ("时效指标", "资助经费到位率", "100%达标"),
    ]
    assert [p.line for p in doc.problems] == [23]


def test_numbered_labelled_lines_cut_at_the_end_in_another_notice(tmp_path: Path) -> None:
    notice = tmp_path / "公示.txt"
    notice.write_text(
        "关于2022年教师培训项目情况公示\n"
        "七、绩效目标\n"
        "总体目标:完成全年教师培训任务。\n"
        "(一)产出指标\n"
        "1、数量指标:培训乡村教师120人。\n"
        "2、质量指标:培训合格率100%达标。\n"
        "3、时效指标:培训经费拨付率100%达标,培训完成及时率100%达标。\n"
        "(二)效益指标\n"
        "社会效益指标:受益学\n",
        encoding="utf-8",
    )
    assert printed_rows(notice) == [
        ("数量指标", "培训乡村教师", "120人"),
        ("质量指标", "培训合格率", "100%达标"),
        ("时效指标", "培训经费拨付率", "100%达标"),
        ("时效指标", "培训完成及时率", "100%达标"),
    ]
