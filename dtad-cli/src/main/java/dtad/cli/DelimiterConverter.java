package dtad.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code --delimiter}: one character, a word for it (tab, comma, semicolon, pipe, space) or {@code \t}. */
final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "tab":
            case "\\t":
                return '\t';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "pipe":
                return '|';
            case "space":
                return ' ';
            default:
                if (value.length() == 1 && value.charAt(0) != '"' && value.charAt(0) != '\n' && value.charAt(0) != '\r') {
                    return value.charAt(0);
                }
                throw new CommandLine.TypeConversionException("'" + value.replace("\t", "\\t")
                        + "' is not a delimiter: give one character, or tab, comma, semicolon, pipe or space");
        }
    }
}
