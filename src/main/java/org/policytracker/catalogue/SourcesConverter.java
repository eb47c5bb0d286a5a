package org.policytracker.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

/** A target's other sources as a JSON array in one column ({@link JsonListConverter}). */
@Converter
public class SourcesConverter extends JsonListConverter<CatalogueViews.SourceView> {

    public SourcesConverter() {
        super(new TypeReference<List<CatalogueViews.SourceView>>() {
        });
    }
}
