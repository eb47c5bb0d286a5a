package org.policytracker.observation.imports;

import org.policytracker.system.Lang;
import org.policytracker.system.Message;

/**
 * One problem of an imported file: where it is (row, column, and which value: indicator and period, as
 * far as the row says) and what is wrong, kept as a {@link Message} so that the job reads in the language
 * of whoever looks at it.
 */
record ImportError(Integer row, String column, String indicator, String period, Message message) {

    /** A column that names the file as a whole rather than a cell. */
    static final String FILE = "(file)";

    static ImportError of(Integer row, String column, String code, Object... pairs) {
        return new ImportError(row, column, null, null, Message.of(code, pairs));
    }

    /** An error about the file or the job as a whole. */
    static ImportError job(String code, Object... pairs) {
        return of(null, null, code, pairs);
    }

    /** The same error, saying which value its row is. */
    ImportError about(String indicatorCode, String isoPeriod) {
        return new ImportError(row, column, indicatorCode, isoPeriod, message);
    }

    /** As the API shows it, in a language. */
    ImportJobView.Error in(Lang lang) {
        return new ImportJobView.Error(row, column, indicator, period, message.code(), message.in(lang));
    }
}
