package io.compclose.plan;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.compclose.core.input.DealAttribute;

/** The booking attribute a condition names, if any: for the components whose conditions read no booking. */
final class DealAttributeNames {

    private DealAttributeNames() {
    }

    static Optional<String> in(String condition) {
        return Stream.of(DealAttribute.values()).map(DealAttribute::property)
                .filter(name -> Pattern.compile("\\b" + name + "\\b").matcher(condition).find()).findFirst();
    }
}
