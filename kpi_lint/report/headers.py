"""Column headings and word values for people: the one field → Chinese mapping of every table output.

CSV and Excel outputs offer their headers in Chinese (`--header zh`) or as the stable English
field names (`--header en`, what scripts read).  JSON and SARIF always keep the English keys.
With Chinese headers, values that are words of the tool's own vocabulary (severity, value kind)
are written in Chinese too; numbers, positions, rule codes and the document's own text stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from kpi_lint.model import READING_WORDS


class HeaderLanguage(StrEnum):
    zh = "zh"
    en = "en"


# field name (the English key of JSON, SARIF and `--header en`) → Chinese column heading
FIELD_LABELS_ZH: dict[str, str] = {
    # findings (rules.md)
    "code": "规则代码",
    "title_zh": "规则名称",
    "name": "规则标识",
    "severity": "级别",
    "message": "问题",
    "suggestion": "建议",
    "path": "文件",
    "line": "行",
    "column": "列",
    "anchor": "位置（页/表/单元格）",
    "occurrences": "出现位置（行:列，或页/表/单元格）",
    "location": "位置",
    "project": "项目",
    "period": "期间",
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "value": "指标值",
    "cell": "表中单元格",
    # parsed indicators (`parse --format csv`)
    "form": "表",
    "comparator": "比较符",
    "number": "数值",
    "unit": "计量单位",
    "kind": "值类型",
    "description": "绩效指标描述",
    "basis": "指标值确定依据",
    "adjusted_value": "调整后指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析及改进措施",
    "value_line": "指标值行",
    "value_column": "指标值列",
    "positions": "各单元格位置",
    "reading": "读取状态",
    # scores (`score --format csv`)
    "rank": "名次",
    "total": "目标质量分",
    "grade": "等级",
    "unscored": "无法评分原因",
    "completeness": "完整性",
    "measurability": "可衡量性",
    "relevance": "相关性与合理性",
    "consistency": "一致性",
    "findings": "问题数",
    "codes": "涉及规则",
    "self_total": "自评总分",
    "self_grade": "自评等级",
    "self_gap": "自评总分高出目标质量分",
    "self_flag": "自评偏高标记",
    # summaries
    "count": "次数",
    "projects": "涉及项目",
    "project_count": "项目数",
    "files": "文件数",
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "department": "单位",
    "year": "年度",
    "kind_of_grade": "等级类别",
    "codes_in_row": "本行问题",
}

# Words of the tool's own vocabulary, per field, as people read them.
VALUE_WORDS_ZH: dict[str, dict[str, str]] = {
    "severity": {"error": "错误", "warning": "警告", "info": "提示"},
    "kind": {
        "count": "数量",
        "percent": "百分比",
        "money": "金额",
        "date": "时间",
        "number": "数值",
        "qualitative": "定性",
        "empty": "空",
    },
    "unscored": {"garbled": "原文错乱", "cut_before_rows": "原文截断"},  # model.Unscored
    "reading": {key.value: word for key, word in READING_WORDS.items()},  # model.Reading
}


def header(field: str, language: HeaderLanguage) -> str:
    """The column heading of `field`: its Chinese label, or the field name itself."""
    if language is HeaderLanguage.en:
        return field
    return FIELD_LABELS_ZH.get(field, field)


def headers(fields: Iterable[str], language: HeaderLanguage) -> list[str]:
    return [header(f, language) for f in fields]


def value_word(field: str, value: Any, language: HeaderLanguage) -> Any:
    """A value as written under `language`: vocabulary words translated, everything else unchanged."""
    if language is HeaderLanguage.en or not isinstance(value, str):
        return value
    return VALUE_WORDS_ZH.get(field, {}).get(value, value)


def localise(record: Mapping[str, Any], language: HeaderLanguage) -> dict[str, Any]:
    """A record keyed by headings of `language`, its vocabulary words translated."""
    return {header(k, language): value_word(k, v, language) for k, v in record.items()}
