package org.tongban.engine.document.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * The rich-text body of a document: sanitised to headings, paragraphs, lists, bold/italic/underline and tables
 * (OWASP java-html-sanitizer; no scripts, styles, links, images or event handlers survive), and read back as
 * blocks for the PDF and as plain lines for comparing versions.
 */
public final class HtmlBody {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("h1", "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[1-9][0-9]?")).onElements("td", "th")
            .toFactory();
    private static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "h4", "p", "li", "caption", "tr");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

    private HtmlBody() {
    }

    /** The body with everything outside the allowed elements removed (their text is kept, escaped). */
    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** The blocks of a body, in order; text of inline elements joins its block, whitespace collapsed. */
    public static List<Block> blocks(String html) {
        BlockCollector collector = new BlockCollector();
        HtmlSanitizer.sanitize(sanitise(html), collector);
        collector.flush();
        return collector.blocks;
    }

    /** The body as plain lines, one per block: what a version comparison works on. */
    public static List<String> lines(String html) {
        return blocks(html).stream().map(Block::plainText).toList();
    }

    /** What kind of block: a heading of level 1–4, a paragraph, a list item, or a table row of cells. */
    public enum BlockType { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW }

    /**
     * One block of the body. {@code level} is the heading level (1–4); {@code ordinal} the item number in an
     * ordered list (0 in a bulleted one); {@code cells} the cells of a table row.
     */
    public record Block(BlockType type, int level, int ordinal, String text, List<String> cells) {

        public Block {
            cells = List.copyOf(cells);
        }

        public String plainText() {
            return switch (type) {
                case LIST_ITEM -> (ordinal > 0 ? ordinal + ". " : "• ") + text;
                case TABLE_ROW -> String.join(" | ", cells);
                default -> text;
            };
        }
    }

    /** Turns the sanitiser's event stream into blocks. */
    private static final class BlockCollector implements HtmlSanitizer.Policy {

        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        /** Item counters of the open lists: 0 for a bulleted list, the next number for an ordered one. */
        private final List<Integer> lists = new ArrayList<>();
        private BlockType type = BlockType.PARAGRAPH;
        private int level;
        private boolean inCell;

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            switch (name) {
                case "ul" -> lists.add(0);
                case "ol" -> lists.add(1);
                case "td", "th" -> {
                    inCell = true;
                    cell.setLength(0);
                }
                case "br" -> {
                    if (!inCell) {
                        flush();
                    } else {
                        cell.append(' ');
                    }
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        flush();
                        start(name);
                    }
                }
            }
        }

        private void start(String name) {
            level = 0;
            type = switch (name) {
                case "h1", "h2", "h3", "h4" -> {
                    level = name.charAt(1) - '0';
                    yield BlockType.HEADING;
                }
                case "li" -> BlockType.LIST_ITEM;
                case "tr" -> BlockType.TABLE_ROW;
                default -> BlockType.PARAGRAPH;
            };
            if (type == BlockType.LIST_ITEM && !lists.isEmpty()) {
                int counter = lists.get(lists.size() - 1);
                level = counter;
                if (counter > 0) {
                    lists.set(lists.size() - 1, counter + 1);
                }
            }
        }

        @Override
        public void closeTag(String name) {
            switch (name) {
                case "ul", "ol" -> {
                    flush();
                    if (!lists.isEmpty()) {
                        lists.remove(lists.size() - 1);
                    }
                }
                case "td", "th" -> {
                    inCell = false;
                    cells.add(collapse(cell));
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        flush();
                    }
                }
            }
        }

        @Override
        public void text(String chunk) {
            (inCell ? cell : text).append(chunk);
        }

        void flush() {
            if (type == BlockType.TABLE_ROW) {
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    blocks.add(new Block(BlockType.TABLE_ROW, 0, 0, String.join(" ", cells), cells));
                }
                cells.clear();
            } else {
                String content = collapse(text);
                if (!content.isEmpty()) {
                    int ordinal = type == BlockType.LIST_ITEM ? level : 0;
                    blocks.add(new Block(type, type == BlockType.HEADING ? level : 0, ordinal, content, List.of()));
                }
            }
            text.setLength(0);
            // text after a closed block, outside any other, is a paragraph of its own
            type = lists.isEmpty() ? BlockType.PARAGRAPH : type;
        }

        private static String collapse(StringBuilder raw) {
            return SPACES.matcher(raw).replaceAll(" ").strip();
        }
    }
}
