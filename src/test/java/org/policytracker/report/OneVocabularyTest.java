package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Binding;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Theme;
import org.policytracker.system.Lang;

/**
 * The reports speak the web app's words: every status, theme, form and binding has, in every report
 * format, exactly the label and colour the app shows, read here from the files the app loads
 * (ui/i18n/*.json, ui/palette.json). A label written into the report code instead fails this test.
 */
class OneVocabularyTest {

    private static final Path UI = Path.of("ui");

    @Test
    void shouldLabelEveryStatusThemeFormAndBindingAsTheAppDoes() throws IOException {
        for (Lang lang : Lang.values()) {
            JsonNode app = new ObjectMapper().readTree(UI.resolve("i18n/" + lang.code() + ".json").toFile());
            ReportText report = ReportText.of(lang);
            for (Status s : Status.values()) {
                assertEquals(app.get("status." + s).asText(), report.statusLabel(s), lang + " " + s);
            }
            for (Theme t : Theme.values()) {
                assertEquals(app.get("theme." + t).asText(), report.themeLabel(t), lang + " " + t);
                assertEquals(app.get("theme." + t).asText(), report.themeSheet(t), "the workbook's sheet " + t);
            }
            for (ObservationForm f : ObservationForm.values()) {
                assertEquals(app.get("form." + f).asText(), report.formLabel(f), lang + " " + f);
            }
            for (Binding b : Binding.values()) {
                assertEquals(app.get("binding." + b).asText(), report.bindingLabel(b), lang + " " + b);
            }
            assertEquals(app.get("binding.NONE").asText(), report.bindingLabel(null), lang + " no binding");
        }
    }

    @Test
    void shouldColourEveryStatusAsTheAppDoes() throws IOException {
        JsonNode palette = new ObjectMapper().readTree(UI.resolve("palette.json").toFile()).get("status");
        for (Status s : Status.values()) {
            assertEquals(palette.get(s.name()).get("fill").asText(), ReportText.statusColour(s), s.name());
            assertEquals(palette.get(s.name()).get("text").asText(), ReportText.statusTextColour(s), s.name());
            assertEquals(palette.get(s.name()).get("accent").asText(), ReportText.statusAccent(s), s.name());
        }
    }
}
