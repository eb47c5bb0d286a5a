package org.policytracker.report;

/**
 * The words a status report gives its verdicts in (docs/ASSESSMENT.md, "Official vocabulary"): the app's
 * six statuses, or the terms of the national planning commission's mid-term and annual reviews. The API's
 * status names stay as they are either way.
 */
public enum ReportVocabulary {

    /** 已实现, 进展顺利, 存在风险, 进展滞后, 未实现, 暂无数据: the app's words. */
    STANDARD,
    /**
     * 提前实现, 快于预期, 基本符合预期, 滞后; after the deadline 已完成, 未完成: how the planning commission's reviews
     * present progress.
     */
    OFFICIAL;

    /** R at or above this, ON_TRACK is 快于预期 (faster than expected); below it, 基本符合预期. */
    static final double FASTER = 1.05;
}
