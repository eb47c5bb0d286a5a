package org.policytracker.system;

import java.util.function.Function;

/** A text in Chinese and in English, as the API returns words it made: {@code {"zh": …, "en": …}}. */
public record Bilingual(String zh, String en) {

    /** The text made in each language by {@code make}. */
    public static Bilingual of(Function<Lang, String> make) {
        return new Bilingual(make.apply(Lang.ZH), make.apply(Lang.EN));
    }

    public String in(Lang lang) {
        return lang.zh() ? zh : en;
    }
}
