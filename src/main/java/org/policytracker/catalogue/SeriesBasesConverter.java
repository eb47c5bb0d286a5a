package org.policytracker.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

/** An indicator's series bases as a JSON array in one column ({@link JsonListConverter}). */
@Converter
public class SeriesBasesConverter extends JsonListConverter<SeriesBasis> {

    public SeriesBasesConverter() {
        super(new TypeReference<List<SeriesBasis>>() {
        });
    }
}
