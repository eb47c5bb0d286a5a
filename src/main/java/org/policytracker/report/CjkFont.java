package org.policytracker.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font of the PDF reports, shipped inside the application (no system font is assumed):
 * Noto Sans SC Regular, TrueType outlines (OpenPDF draws nothing from CFF-based CJK .otf fonts), SIL
 * Open Font License 1.1 — see {@code fonts/README.md}. Written with Identity-H encoding and embedded
 * as a subset: a report carries only the glyphs it uses. Loaded once, on the first PDF, and shared:
 * glyphs in use are tracked per document by the PDF writer, not by the font.
 */
@ApplicationScoped
public class CjkFont {

    public static final String RESOURCE = "fonts/NotoSansSC_400Regular.ttf";

    private volatile BaseFont font;

    public BaseFont get() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                f = font;
                if (f == null) {
                    font = f = load();
                }
            }
        }
        return f;
    }

    private static BaseFont load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The report font " + RESOURCE + " is missing from the application");
            }
            byte[] bytes = in.readAllBytes();
            BaseFont font = BaseFont.createFont("NotoSansSC_400Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("The report font " + RESOURCE + " cannot be read", e);
        }
    }
}
