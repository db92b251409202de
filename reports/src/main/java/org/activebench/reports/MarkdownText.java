package org.activebench.reports;

/**
 * Text (names from configs and plugins among it) made literal in CommonMark/GFM: raw HTML, code spans, links and
 * emphasis cannot be opened from it, and it stays on one line and inside its table cell. Characters that cannot
 * change the rendering stay as they are, so the summary stays readable in a terminal: {@code oracle_skyline},
 * {@code qbc[committee=3]}, {@code <0.0001} and a lone {@code *} marking significance are left alone.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    /** Text that starts a line (a paragraph): a leading {@code # - + >} would make it a heading, list or quote. */
    static String paragraph(String text) {
        return escape(text, true);
    }

    /** Text inside a line: after a heading's {@code ## }, in a table cell. */
    static String inline(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean startsLine) {
        String s = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i == 0 ? ' ' : s.charAt(i - 1);
            char next = i + 1 == s.length() ? ' ' : s.charAt(i + 1);
            boolean flanking = !Character.isWhitespace(prev) || !Character.isWhitespace(next);
            boolean escape = switch (c) {
                case '\\', '`', '|' -> true;
                case '<' -> Character.isLetter(next) || next == '/' || next == '!' || next == '?'; // a tag or autolink
                case '&' -> Character.isLetterOrDigit(next) || next == '#'; // an entity
                case '*', '~' -> flanking;
                case '_' -> flanking && !(Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next));
                case '(' -> prev == ']'; // [text](url) is a link; [text] alone is not
                case '#', '-', '+', '>' -> startsLine && i == 0;
                default -> false;
            };
            out.append(escape ? "\\" : "").append(c);
        }
        return out.toString();
    }
}
