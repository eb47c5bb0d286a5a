package org.policytracker.system;

import java.util.List;

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
        Lang lang = Problems.choice("lang", value, List.of(values()), Lang::code);
        return lang == null ? ZH : lang;
    }
}
