package se.kommun.kvalitet.cases.process;

/**
 * Citizen text shown in a Camunda Form's text component, which renders markdown and HTML: escaped so that it
 * shows exactly as written (markup included) and formats nothing.
 */
final class Markdown {

    private Markdown() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            if (!escaped.isEmpty()) {
                // A hard line break, so the officer sees the citizen's lines.
                escaped.append("  \n");
            }
            for (char c : line.toCharArray()) {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '=' ->
                            escaped.append('\\').append(c);
                    default -> escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }
}
