package org.policytracker.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.policytracker.system.Problems;

/** The language of a report's words: Chinese (the default) or English. */
public enum Lang {

    ZH("zh", "zh-CN"),
    EN("en", "en");

    private final String code;
    private final String htmlLang;

    Lang(String code, String htmlLang) {
        this.code = code;
        this.htmlLang = htmlLang;
    }

    public String code() {
        return code;
    }

    /** The value of HTML's lang attribute. */
    public String htmlLang() {
        return htmlLang;
    }

    public boolean zh() {
        return this == ZH;
    }

    /** The query parameter {@code lang}: zh (default) or en; anything else is a 400 naming the allowed values. */
    public static Lang param(String value) {
        if (value == null || value.isBlank()) {
            return ZH;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(v)).findFirst()
                .orElseThrow(() -> Problems.badRequest("lang", "'" + value + "' is not allowed; use one of: "
                        + Arrays.stream(values()).map(Lang::code).collect(Collectors.joining(", "))));
    }
}
