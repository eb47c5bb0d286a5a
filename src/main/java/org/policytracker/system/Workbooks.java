package org.policytracker.system;

import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** How every workbook the tracker writes looks: its application name and the style of its header rows. */
public final class Workbooks {

    public static final String APPLICATION = "PolicyTargetTracker";
    public static final String VERSION = "0.1";
    public static final String HEADER_FILL = "EAEEF2";

    private Workbooks() {
    }

    /** A new streamed workbook on {@code out}. */
    public static Workbook create(OutputStream out) {
        return new Workbook(out, APPLICATION, VERSION);
    }

    /** Styles a header cell: bold on the header fill. */
    public static void header(Worksheet sheet, int row, int column) {
        sheet.style(row, column).bold().fillColor(HEADER_FILL).set();
    }
}
