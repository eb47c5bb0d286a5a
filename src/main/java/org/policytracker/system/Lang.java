package org.policytracker.system;

import java.util.List;
import java.util.Locale;

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

    /**
     * The language a request asks for in its Accept-Language header: the first of its preferred
     * languages that is Chinese or English; Chinese when it names neither, or none, or cannot be read.
     */
    public static Lang of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return EN;
                }
                if (tag.startsWith("zh")) {
                    return ZH;
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header: the default language.
        }
        return ZH;
    }

    /** The query parameter {@code lang}: zh (default) or en; anything else is a 400 naming the allowed values. */
    public static Lang param(String value) {
        Lang lang = Problems.choice("lang", value, List.of(values()), Lang::code);
        return lang == null ? ZH : lang;
    }
}
