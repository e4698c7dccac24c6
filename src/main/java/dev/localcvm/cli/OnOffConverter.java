package dev.localcvm.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code on}/{@code off} (also true/false, yes/no). */
public final class OnOffConverter implements CommandLine.ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> throw new CommandLine.TypeConversionException("expected on or off, got '" + value + "'");
        };
    }
}
